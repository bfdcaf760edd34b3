#!/bin/sh
# Renders every screen in golden_cases.txt offscreen and compares it with
# tests/render/golden/NAME.png. To accept new pictures after looking at
# them: test_golden.sh GREATLEAP COMPARE OUT --update
set -u
bin=$1; compare=$2; out=$3; mode=${4:-check}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
# Arguments in golden_cases.txt are relative to the repository's top.
cd "$here/../.."
# A private home, so the player's settings and saves never change a test.
export XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data" SDL_VIDEODRIVER=dummy
failures=0
while read -r name args; do
    case "$name" in ""|\#*) continue ;; esac
    # shellcheck disable=SC2086
    # A hang (an endless loop in drawing, say) fails the case instead of the whole run.
    if ! timeout 120 "$bin" --screenshot "$out/$name.png" --size 1024x640 $args 2>"$out/$name.err"; then
        echo "FAIL $name: greatleap failed: $(head -c 300 "$out/$name.err")"
        failures=$((failures + 1))
        continue
    fi
    if [ "$mode" = "--update" ]; then
        cp "$out/$name.png" "$here/golden/$name.png"
        echo "updated $name"
    elif ! result=$("$compare" "$here/golden/$name.png" "$out/$name.png" "$out/$name-diff.png"); then
        echo "FAIL $name: $result (see $out/$name.png and $out/$name-diff.png)"
        failures=$((failures + 1))
    else
        echo "ok   $name: $result"
    fi
done <"$here/golden_cases.txt"
exit "$failures"
