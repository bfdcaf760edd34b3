#!/bin/sh
# bench_render.sh — start-up time to the first frame and frames per second
# of the map screen (full map, labels and interface, June 1960), for the
# game with the software and the accelerated renderer and for the LÖVE 11
# peer in bench/peers/love, at 1920x1080 and 3840x2160, in one run on one
# X server (Xvfb: "accelerated" is OpenGL on Mesa's llvmpipe here).
#
# Usage: bench/bench_render.sh [BUILD_DIR] [FRAMES]   (defaults: build, 60)
# Needs: xvfb (xvfb-run), love; installed if missing, as .ci/setup does.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
frames=${2:-60}
missing=""
command -v xvfb-run >/dev/null || missing="$missing xvfb xauth"
command -v love >/dev/null || missing="$missing love"
if [ -n "$missing" ]; then
    echo "installing:$missing"
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get install -y -q $missing >/dev/null
fi
cmake --build "$build" --target greatleap export_love_map >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# A private home: the player's settings (UI scale, language) must not count.
export XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data"
font="$PWD/assets/fonts/NotoSansSC-Bold-GreatLeap.otf"

cat >"$out/run.sh" <<SCRIPT
set -eu
for size in 1920x1080 3840x2160; do
    for renderer in software accelerated; do
        "$build/greatleap" --bench-frames $frames --renderer \$renderer --size \$size --screen map --at 1960-06 --lang en
    done
    "$build/bench/export_love_map" \$size "$out/map-\$size.lua" >/dev/null
    love bench/peers/love "$out/map-\$size.lua" $frames "$font" 2>/dev/null
done
SCRIPT
xvfb-run -a -s "-screen 0 3840x2160x24" sh "$out/run.sh" | tee "$out/results.txt"

# The table: fps of each kind of frame, and the ratio to the LÖVE peer.
awk '
function field(name,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } return "" }
{
    size = field("size"); r = field("renderer"); f = field("frame")
    key = size " " r " " f
    fps[key] = field("fps"); first[key] = field("first_frame_ms")
    if (r ~ /^love/) love[size] = field("fps")
    keys[++n] = key
}
END {
    printf "\n%-10s %-14s %-7s %9s %8s %14s\n", "size", "renderer", "frame", "start ms", "fps", "fps / LOVE"
    for (i = 1; i <= n; i++) {
        split(keys[i], p, " ")
        printf "%-10s %-14s %-7s %9s %8s %14.2f\n", p[1], p[2], p[3], first[keys[i]], fps[keys[i]], fps[keys[i]] / love[p[1]]
    }
}' "$out/results.txt"
