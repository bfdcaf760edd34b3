#!/bin/sh
# The ensemble and "what mattered", timed on one core (taskset -c 0):
#   - 100 campaigns of history (greatleap --headless --seeds 1-100), against
#     the budget of 2 s that issue 10 sets;
#   - the Shapley decomposition (--shapley: 64 combinations x 3 seeds), against
#     the budget of 10 s.
# Each is run three times; the best and the worst are printed with their
# ratio to the budget. Usage: bench/ensemble.sh [BUILD_DIR]
set -eu
build=${1:-build}
game="$build/greatleap"
[ -x "$game" ] || { echo "ensemble.sh: $game not found (cmake --build $build)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pin=""
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
time_ms() { # prints the wall time of a command in ms
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}
report() { # name budget_ms ms...
    name=$1 budget=$2
    shift 2
    best=$1 worst=$1
    for t in "$@"; do
        [ "$t" -lt "$best" ] && best=$t
        [ "$t" -gt "$worst" ] && worst=$t
    done
    awk -v n="$name" -v b="$best" -v w="$worst" -v g="$budget" \
        'BEGIN { printf "%-40s best %6d ms  worst %6d ms  budget %6d ms  (best/budget %.2f)\n", n, b, w, g, b / g }'
}
set -- $(for i in 1 2 3; do time_ms $pin "$game" --headless --quiet --seeds 1-100 --out "$out"; done)
report "100 campaigns (--seeds 1-100)" 2000 "$@"
set -- $(for i in 1 2 3; do time_ms $pin "$game" --headless --quiet --shapley --out "$out"; done)
report "what mattered (--shapley, 192 campaigns)" 10000 "$@"
