#!/bin/sh
# Runs every fuzz target (or those named) for SECONDS each, one after the
# other, on one core: tests/fuzz/run.sh SECONDS [--merge] [TARGET...]
#
# Builds the libFuzzer programs first (clang, in $GL_FUZZ_BUILD, default
# build-fuzz/). Each target starts from the committed seeds
# (tests/fuzz/corpus/TARGET), the inputs that once failed
# (tests/fuzz/regressions/TARGET) and its work corpus from earlier runs
# ($GL_FUZZ_BUILD/corpus/TARGET), which is kept, so fuzzing grows from run
# to run. A crash, a timeout (10 s an input), a leak or a broken invariant is
# saved in $GL_FUZZ_BUILD/artifacts/TARGET/ and makes the script exit 1:
# fix it, then copy the input into tests/fuzz/regressions/TARGET/.
# --merge adds the work corpus's inputs that reach new code to
# tests/fuzz/corpus/TARGET (libFuzzer -merge=1), to be committed.
set -eu
cd "$(dirname "$0")/../.."
if [ $# -lt 1 ]; then
    echo "usage: tests/fuzz/run.sh SECONDS [--merge] [TARGET...]" >&2
    exit 2
fi
seconds=$1
shift
merge=0
if [ "${1:-}" = "--merge" ]; then
    merge=1
    shift
fi
targets=${*:-"core_load save save_format mod_loader locale"}
build=${GL_FUZZ_BUILD:-build-fuzz}
jobs=${JOBS:-2}

mkdir -p "$build"
if ! { cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGL_BUILD_TESTS=ON \
    -DGL_FUZZ=ON &&
    # shellcheck disable=SC2046
    cmake --build "$build" -j "$jobs" --target $(for t in $targets; do printf 'fuzz_%s ' "$t"; done); } \
    >"$build/fuzz-build.log" 2>&1; then
    tail -40 "$build/fuzz-build.log"
    echo "fuzz: the libFuzzer programs do not build (log $build/fuzz-build.log)"
    exit 1
fi

status=0
for t in $targets; do
    work="$build/corpus/$t"
    artifacts="$build/artifacts/$t"
    mkdir -p "$work" "$artifacts"
    log="$build/fuzz-$t.log"
    echo "fuzz $t: ${seconds} s (log $log)"
    if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$work" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" >"$log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
        echo "fuzz $t: no crash in $runs runs; work corpus $(ls "$work" | wc -l) inputs"
    else
        status=1
        echo "fuzz $t: FAILED (inputs in $artifacts):"
        grep -E "ERROR|SUMMARY|fuzz: |Test unit written" "$log" | head -20
    fi
    if [ "$merge" = 1 ]; then
        "$build/tests/fuzz/fuzz_$t" -merge=1 "tests/fuzz/corpus/$t" "$work" >>"$log" 2>&1
        echo "fuzz $t: the committed corpus now has $(ls "tests/fuzz/corpus/$t" | wc -l) inputs"
    fi
done
exit "$status"
