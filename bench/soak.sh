#!/bin/sh
# soak.sh — the museum kiosk unattended: thousands of attract-loop and
# visitor cycles offscreen on a virtual clock (bench/soak/fast.ini: the
# kiosk's behaviour with a fast clock), with synthetic touches pushed as SDL
# finger events. Prints resident memory and the heap in use at the start,
# every hundred sessions and at the end, then a verdict (the heap must not
# grow in the second half of the run, the log must stay within its
# rotation, no visitor may have changed the settings), then runs a short soak under AddressSanitizer/UBSan
# (build-asan) and valgrind. Any failure or report exits non-zero.
#
# Usage: bench/soak.sh [SESSIONS] [BUILD] [ASAN_BUILD]   (defaults 2000, build, build-asan)
set -eu
cd "$(dirname "$0")/.."
sessions=${1:-2000}
build=${2:-build}
asan=${3:-build-asan}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SDL_VIDEODRIVER=dummy XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data" XDG_STATE_HOME="$out/state"
config="$PWD/bench/soak/fast.ini"

echo "== $sessions visitor sessions, release build =="
start=$(date +%s)
"$build/greatleap" --kiosk --kiosk-config "$config" --soak "$sessions" --size 800x500 | tee "$out/soak.txt"
echo "   $(($(date +%s) - start)) s"
# The verdict. Caches fill while the kiosk warms up and then stay, so
# resident memory at the start says little; a leak keeps growing. So the
# heap in use at its highest in the second half of the run is compared with
# its highest in the first half, and the log must have stayed within its
# rotation (kiosk.log and 5 old files of 64 KiB).
verdict=0
awk '
    function value(name,   rest) { rest = $0; sub(".*" name " ", "", rest); return rest + 0 }
    function sample() { k++; hs[k] = value("heap in use"); cs[k] = value("entries") }
    /^soak: [0-9]+ sessions/ { sample(); ns[k] = $2 }
    /^soak: end after/ {
        ended = 1; total = $4; sample(); ns[k] = total
        logs = $0; sub(/.*log /, "", logs); split(logs, l, " ")
    }
    END {
        if (!ended) { print "   FAIL: the soak did not reach its end"; exit 1 }
        # The text cache is bounded on its own (entries and bytes, tested in
        # test_text_coverage); what a leak would be is the rest of the heap.
        for (i = 1; i <= k; i++) {
            rest = hs[i] - cs[i]
            if (ns[i] <= total / 2) { first = rest > first ? rest : first; raw1 = hs[i] > raw1 ? hs[i] : raw1 }
            else { second = rest > second ? rest : second; raw2 = hs[i] > raw2 ? hs[i] : raw2 }
        }
        if (!first || !second) { print "   too few sessions for a verdict"; exit 0 }
        printf "   %d sessions; heap in use at its highest: %d KiB in the first half, %d KiB in the second (%+d KiB)\n", total, raw1, raw2, raw2 - raw1
        printf "   without the text cache: %d KiB in the first half, %d KiB in the second (%+d KiB)\n", first, second, second - first
        printf "   log: %d files, %d KiB\n", l[1], l[3]
        if (second > first + 1024) { print "   FAIL: the heap in use still grows"; exit 1 }
        if (l[1] > 6 || l[3] > 6 * 65) { print "   FAIL: the log outgrew its rotation"; exit 1 }
        print "   no growth"
    }' "$out/soak.txt" || verdict=1
# A visitor must never reach the settings (the kiosk does not write them).
if [ -e "$out/config/greatleap/settings.ini" ]; then
    echo "   FAIL: a visitor changed the kiosk's settings: $(grep -v '^#' "$out/config/greatleap/settings.ini" | tr '\n' ' ')"
    verdict=1
fi

if [ -x "$asan/greatleap" ]; then
    echo "== 30 sessions under AddressSanitizer and UBSan =="
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$asan/greatleap" --kiosk --kiosk-config "$config" --soak 30 --size 800x500
    echo "   no sanitizer report"
fi
if command -v valgrind >/dev/null 2>&1; then
    echo "== 5 sessions under valgrind (memcheck) =="
    valgrind --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite --quiet \
        "$build/greatleap" --kiosk --kiosk-config "$config" --soak 5 --size 800x500
    echo "   no valgrind error, no definite leak"
fi
exit $verdict
