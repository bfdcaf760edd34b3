#!/bin/sh
# The game's own window (issue 16): `--renderer software` draws and presents
# with no OpenGL library in the process, as test_render_software checks for
# render_create_renderer alone; this runs the real game, title screen and
# June 1960's map, and reads what its --bench-frames line reports. Then, as
# a control that the check can see OpenGL, the accelerated renderer must
# load it (under Xvfb with Mesa). Run under xvfb-run.
# Usage: test_game_renderer.sh GREATLEAP OUTDIR
set -u
game=$1
out=$2
mkdir -p "$out"
fail=0
run() { # renderer, expected renderer pattern, expected opengl
    "$game" --renderer "$1" --bench-frames 2 --screen map --at 1960-06 --size 800x500 >"$out/$1.txt" 2>"$out/$1.err"
    status=$?
    if [ $status -ne 0 ]; then
        echo "FAIL: --renderer $1 exited $status:"; cat "$out/$1.err"; fail=1; return
    fi
    lines=$(grep -c "^renderer=$2 opengl=$3 " "$out/$1.txt")
    if [ "$lines" -ne 1 ]; then
        echo "FAIL: --renderer $1: expected renderer=$2 opengl=$3 on its frame line, got:"; cat "$out/$1.txt"; fail=1
    else
        echo "ok: --renderer $1: renderer=$2 opengl=$3"
    fi
}
run software software none
if [ "${SDL_VIDEODRIVER:-x11}" = x11 ] && [ -n "${DISPLAY:-}" ]; then
    run accelerated opengl loaded
fi
exit $fail
