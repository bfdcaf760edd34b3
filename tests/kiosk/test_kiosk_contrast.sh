#!/bin/sh
# Every kiosk screen's text passes WCAG AA contrast (issue 15, item 7):
# the attract loop, a visitor's map between decisions, a decision, its
# reveal and the ending, in both languages, with the kiosk's default theme
# and with large text and high contrast, at 1280x720 and 1920x1080.
# --check-contrast measures each text drawn against the pixels really
# behind it (and fails a text drawn off the screen); --check-layout fails a
# widget that leaves its parent. A control: the desktop's event card, whose
# shaded screen behind it is below AA, must fail the same check, so the
# check is shown able to fail.
#
# Usage: test_kiosk_contrast.sh GREATLEAP KIOSK_INI WORKDIR
set -eu
game=$1
ini=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
export SDL_VIDEODRIVER=dummy XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
cp "$ini" "$work/default.ini"
{ cat "$ini"; echo "high_contrast = on"; echo "large_text = on"; } > "$work/accessible.ini"
failures=0
runs=0
for theme in default accessible; do
    for size in 1280x720 1920x1080; do
        for lang in en zh; do
            for scene in "attract" "map --at 1960-07" "event --at 1959-07" "reveal --at 1959-07" "ending"; do
                name=$(echo "$scene" | cut -d' ' -f1)
                # shellcheck disable=SC2086
                if ! "$game" --kiosk --kiosk-config "$work/$theme.ini" --screenshot "$work/$theme-$size-$lang-$name.png" \
                    --size "$size" --lang "$lang" --screen $scene --check-contrast --check-layout \
                    > "$work/out.txt" 2> "$work/err.txt"; then
                    echo "FAIL: $theme $size $lang $name"
                    grep -v "kiosk:" "$work/err.txt" || true
                    failures=$((failures + 1))
                fi
                line=$(grep "^contrast $name:" "$work/out.txt" || true)
                texts=$(echo "$line" | sed -n 's/.*: \([0-9]*\) texts checked.*/\1/p')
                if [ -z "$texts" ] || [ "$texts" -lt 20 ]; then
                    echo "FAIL: $theme $size $lang $name: the check saw ${texts:-no} texts ($line)"
                    failures=$((failures + 1))
                fi
                echo "ok   $theme $size $lang $name: $line"
                runs=$((runs + 1))
            done
        done
    done
done
# The control: a shaded desktop screen must fail.
if "$game" --screenshot "$work/control.png" --size 1280x720 --screen event --at 1959-07 --lang en \
    --check-contrast > "$work/out.txt" 2> "$work/err.txt"; then
    echo "FAIL: the control (text under the desktop card's shade) passed the contrast check"
    failures=$((failures + 1))
elif ! grep -q "< 4.5:1" "$work/err.txt"; then
    echo "FAIL: the control failed for another reason: $(cat "$work/err.txt")"
    failures=$((failures + 1))
else
    echo "ok   control: $(grep -c "< 4.5:1" "$work/err.txt") low-contrast texts found under the desktop's shade"
fi
[ "$failures" -eq 0 ] || { echo "$failures failure(s) in $runs kiosk screens"; exit 1; }
echo "all $runs kiosk screens pass WCAG AA"
