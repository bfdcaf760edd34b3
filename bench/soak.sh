#!/bin/sh
# soak.sh — the museum kiosk unattended: thousands of attract-loop and
# visitor cycles offscreen on a virtual clock (bench/soak/fast.ini: the
# kiosk's behaviour with a fast clock), with synthetic touches pushed as SDL
# finger events. Prints resident memory at the start, every hundred
# sessions and at the end (it must not grow), then runs a short soak under
# AddressSanitizer/UBSan (build-asan) and valgrind (any report fails).
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
"$build/greatleap" --kiosk --kiosk-config "$config" --soak "$sessions" --size 800x500
echo "   $(($(date +%s) - start)) s"

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
