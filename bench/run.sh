#!/bin/sh
# bench/run.sh — issue 16's benchmarks in one command (POSIX sh).
#
# Builds what it needs (a Release build of the game in build-bench/, the
# bare SDL2 peer and the first-frame timer in build-bench/peers/), then runs,
# in rounds, every program once per round (ours and its peer one after the
# other, the order flipped every other round, so that a drift of the machine
# falls on both), and prints one table: each row's value or ratio as
# min / median / max over the rounds, against the goal, and whether the
# median meets it. Benchmarks report: it exits 0 whether goals are met or
# not, and a row that cannot be measured says why.
#
# Usage: bench/run.sh [--runs N] [--quick] [--only ROW[,ROW...]]
#   --runs N    rounds (default 5)
#   --quick     one round, for a smoke check
#   --only ROW  start, fps, campaigns, hooks or memory (comma-separated)
# Environment: GL_BENCH_BUILD (default build-bench), GL_BENCH_FRAMES (frames
# per 4K run, default 60), GL_BENCH_START_SIZE (window of the start-up rows,
# default 1920x1080).
# Needs: cmake, cc, SDL2's development files (as the game), and Debian's
# xvfb, love and time; the last three are installed with apt-get if missing
# (as root or with sudo), and said so. See bench/README.md.
set -u

usage() {
    sed -n '/^# Usage:/,/^# default 1920x1080)/p' "$0" | sed 's/^# \{0,1\}//'
}

runs=5
only=all
while [ $# -gt 0 ]; do
    case $1 in
    --runs) [ $# -ge 2 ] || { usage >&2; exit 2; }; runs=$2; shift 2 ;;
    --runs=*) runs=${1#--runs=}; shift ;;
    --quick) runs=1; shift ;;
    --only) [ $# -ge 2 ] || { usage >&2; exit 2; }; only=$2; shift 2 ;;
    --only=*) only=${1#--only=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
case $runs in '' | *[!0-9]*) echo "run.sh: --runs needs a number of rounds, not '$runs'" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] || { echo "run.sh: --runs must be at least 1" >&2; exit 2; }
for r in $(echo "$only" | tr ',' ' '); do
    case $r in start | fps | campaigns | hooks | memory | all) ;;
    *) echo "run.sh: --only: unknown row '$r' (start, fps, campaigns, hooks, memory)" >&2; exit 2 ;;
    esac
done
want() { case ",$only," in *",$1,"* | *",all,"*) return 0 ;; esac; return 1; }

cd "$(dirname "$0")/.." || exit 1
root=$(pwd)
build=${GL_BENCH_BUILD:-build-bench}
frames=${GL_BENCH_FRAMES:-60}
ssize=${GL_BENCH_START_SIZE:-1920x1080}
big=3840x2160
peers=$build/peers
game=$build/greatleap
font=$root/assets/fonts/NotoSansSC-Bold-GreatLeap.otf
out=$(mktemp -d "${TMPDIR:-/tmp}/greatleap-bench.XXXXXX") || exit 1
xvfb_pid=""
# shellcheck disable=SC2317 # run by the trap
cleanup() {
    if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null; fi
    rm -rf "$out"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
say() { printf '%s\n' "$*" >&2; }
note_why() { # KEY REASON: why a measurement is missing (the first reason wins)
    [ -f "$out/why.$1" ] || printf '%s\n' "$2" >"$out/why.$1"
}
began=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# ---- What is needed, installed from Debian if missing ---------------------
needs_x=no
{ want start || want fps || want memory; } && needs_x=yes
pkgs=""
if [ $needs_x = yes ]; then
    command -v Xvfb >/dev/null 2>&1 || pkgs="$pkgs xvfb"
    { want start || want fps; } && ! command -v love >/dev/null 2>&1 && pkgs="$pkgs love"
fi
want memory && [ ! -x /usr/bin/time ] && pkgs="$pkgs time"
if [ -n "$pkgs" ]; then
    apt=""
    if [ "$(id -u)" -eq 0 ]; then apt="apt-get"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then apt="sudo apt-get"
    fi
    if [ -n "$apt" ]; then
        say "installing Debian packages:$pkgs (apt-get install)"
        # shellcheck disable=SC2086 # $apt and $pkgs are lists
        $apt install -y -q $pkgs >"$out/apt.log" 2>&1 ||
            { $apt update -q >>"$out/apt.log" 2>&1 && $apt install -y -q $pkgs >>"$out/apt.log" 2>&1; } ||
            say "could not install$pkgs: $(tail -n 1 "$out/apt.log")"
    else
        say "missing:$pkgs (apt-get install$pkgs, as root); the rows that need them are not measured"
    fi
fi
have_x=yes have_love=yes have_time=yes
command -v Xvfb >/dev/null 2>&1 || have_x="Xvfb not found (Debian package xvfb)"
command -v love >/dev/null 2>&1 || have_love="love not found (Debian package love)"
[ -x /usr/bin/time ] || have_time="/usr/bin/time not found (Debian package time)"
pin="taskset -c 0"
command -v taskset >/dev/null 2>&1 || pin=""
tmo="timeout 300"
command -v timeout >/dev/null 2>&1 || tmo=""

# ---- Build ------------------------------------------------------------------
say "building the game (Release) in $build/ ..."
if ! cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DGL_BUILD_TESTS=OFF -DGL_WERROR=OFF >"$out/cmake.log" 2>&1 ||
    ! cmake --build "$build" -j2 --target greatleap bench_campaign bench_hooks export_love_map >"$out/build.log" 2>&1; then
    cat "$out/cmake.log" "$out/build.log" 2>/dev/null | tail -n 30 >&2
    say "run.sh: the build failed"
    exit 1
fi
say "building the peers in $peers/ ..."
mkdir -p "$peers"
cc=${CC:-cc}
if sdl_cflags=$(sdl2-config --cflags 2>/dev/null) && sdl_libs=$(sdl2-config --libs 2>/dev/null); then :
else
    sdl_cflags=$(pkg-config --cflags sdl2 2>/dev/null) && sdl_libs=$(pkg-config --libs sdl2 2>/dev/null) || sdl_libs=""
fi
bare_ok=yes
# shellcheck disable=SC2086 # the flags are lists
$cc -O2 -std=c11 -Wall -Wextra bench/peers/bare_sdl/bare_sdl.c $sdl_cflags $sdl_libs -o "$peers/bare_sdl" 2>"$out/peers.log" ||
    bare_ok="the bare SDL2 peer did not build ($(head -n 1 "$out/peers.log"))"
timer_ok=yes
{ $cc -O2 -std=c11 -Wall -Wextra -shared -fPIC bench/firstframe/firstframe.c -o "$peers/firstframe.so" -ldl &&
    $cc -O2 -std=c11 -Wall -Wextra bench/firstframe/stamp.c -o "$peers/stamp"; } 2>>"$out/peers.log" ||
    timer_ok="the first-frame timer did not build ($(tail -n 1 "$out/peers.log"))"
shim=$root/$peers/firstframe.so
stamp=$root/$peers/stamp

# ---- One X server for everything that draws ---------------------------------
export XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data" # no player settings or mods
export SDL_VIDEODRIVER=x11
unset SDL_RENDER_DRIVER WAYLAND_DISPLAY
if [ $needs_x = yes ] && [ "$have_x" = yes ]; then
    Xvfb -displayfd 3 -screen 0 ${big}x24 -nolisten tcp -noreset 3>"$out/display" 2>"$out/xvfb.log" &
    xvfb_pid=$!
    i=0
    while [ ! -s "$out/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    if [ -s "$out/display" ]; then
        DISPLAY=:$(head -n 1 "$out/display")
        export DISPLAY
        say "Xvfb on $DISPLAY, screen ${big}x24 (no GPU: OpenGL is Mesa's llvmpipe)"
    else
        have_x="Xvfb did not start ($(tail -n 1 "$out/xvfb.log"))"
    fi
fi
if [ "$have_love" = yes ] && { want start || want fps; }; then
    for s in $ssize $big; do
        "$build/bench/export_love_map" "$s" "$out/map-$s.lua" >/dev/null 2>>"$out/export.log" ||
            have_love="export_love_map failed ($(tail -n 1 "$out/export.log"))"
    done
fi

# ---- Measuring ----------------------------------------------------------------
# Every measurement is a line "ROUND KEY VALUE" of $out/values.
rec() { printf '%s %s %s\n' "$round" "$1" "$2" >>"$out/values"; }
field() { # NAME LINE...: the value of NAME=... in the last line that has it
    awk -v k="$1" '{ for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) v = substr($i, length(k) + 2) } END { print v }' "$2"
}

# Start-up: exec to the return of the first presents, timed by firstframe.so.
start_run() { # KEY PRESENTS PROGRAM [ARG]...  -> KEY (and KEY.2 for a second present)
    key=$1 n=$2
    shift 2
    rm -f "$out/ff"
    LD_PRELOAD=$shim GLB_OUT=$out/ff GLB_PRESENTS=$n GLB_EXIT=1 $tmo "$stamp" "$@" >"$out/run.log" 2>&1
    ms=$(field present_ms "$out/ff" 2>/dev/null)
    if [ -z "$ms" ]; then
        note_why "$key" "$1 showed no frame: $(tail -n 1 "$out/run.log")"
        note_why "$key.2" "$1 showed no frame: $(tail -n 1 "$out/run.log")"
        return 1
    fi
    rec "$key" "${ms%%,*}"
    [ "$n" -ge 2 ] && rec "$key.2" "$(echo "$ms" | cut -d, -f2)"
    rec "$key.loader" "$(field loader_ms "$out/ff")"
    say "    ${ms} ms"
    return 0
}
start_round() {
    why=""
    [ "$have_x" = yes ] || why=$have_x
    [ "$timer_ok" = yes ] || why=$timer_ok
    if [ -n "$why" ]; then
        for k in start.game.acc start.game.sw start.love start.bare.acc start.bare.sw; do note_why $k "$why"; done
        return
    fi
    [ "$have_love" = yes ] || note_why start.love "$have_love"
    [ "$bare_ok" = yes ] || { note_why start.bare.acc "$bare_ok"; note_why start.bare.sw "$bare_ok"; }
    set -- game.acc love bare.acc game.sw bare.sw
    [ $((round % 2)) -eq 0 ] && set -- bare.sw game.sw bare.acc love game.acc
    for who in "$@"; do
        case $who in
        game.acc)
            say "  [$round/$runs] start, $ssize: greatleap accelerated (title, then June 1960's map)"
            start_run start.game.acc 2 "$game" --bench-frames 1 --renderer accelerated --size "$ssize" --screen map --at 1960-06 --lang en ;;
        game.sw)
            say "  [$round/$runs] start, $ssize: greatleap software (title)"
            start_run start.game.sw 1 "$game" --bench-frames 1 --renderer software --size "$ssize" --screen map --at 1960-06 --lang en ;;
        love)
            [ "$have_love" = yes ] || continue
            say "  [$round/$runs] start, $ssize: LOVE peer (June 1960's map)"
            start_run start.love 1 love bench/peers/love "$out/map-$ssize.lua" 1 "$font" ;;
        bare.*)
            [ "$bare_ok" = yes ] || continue
            r=accelerated
            [ "$who" = bare.sw ] && r=software
            say "  [$round/$runs] start, $ssize: bare SDL2 $r"
            start_run "start.$who" 1 "$peers/bare_sdl" "$ssize" $r 1 ;;
        esac
    done
}

# 4K: frames per second and peak memory (whole process, /usr/bin/time).
timed() { # KEY PROGRAM [ARG]...: runs it at 4K, output in $out/run.log
    key=$1
    shift
    if [ "$have_time" = yes ]; then
        $tmo /usr/bin/time -f '%M' -o "$out/rss" "$@" >"$out/run.log" 2>&1
        st=$?
        rss=$(tail -n 1 "$out/rss" 2>/dev/null)
        case $rss in '' | *[!0-9]*) rss="" ;; esac
        if [ $st -eq 0 ] && [ -n "$rss" ]; then rec "mem.$key" "$rss"; else note_why "mem.$key" "$1 failed: $(tail -n 1 "$out/run.log")"; fi
    else
        note_why "mem.$key" "$have_time"
        $tmo "$@" >"$out/run.log" 2>&1
        st=$?
    fi
    [ $st -eq 0 ] || { note_why "fps.$key" "$1 failed (status $st): $(tail -n 1 "$out/run.log")"; return 1; }
    return 0
}
fps_of() { # KEY FRAME: frames per second from frames= and ms= of the line with frame=FRAME
    grep "frame=$2" "$out/run.log" >"$out/line"
    f=$(field frames "$out/line") ms=$(field ms "$out/line")
    if [ -n "$f" ] && [ -n "$ms" ]; then
        v=$(awk -v f="$f" -v ms="$ms" 'BEGIN { printf "%.3f", f * 1000 / ms }')
        rec "$1" "$v"
        printf '%s' "$v"
    else
        note_why "$1" "no frame=$2 line: $(tail -n 1 "$out/run.log")"
    fi
}
big_round() {
    if [ "$have_x" != yes ]; then
        for k in fps.game.acc fps.game.sw fps.love mem.game.acc mem.game.sw mem.bare.acc mem.bare.sw; do note_why $k "$have_x"; done
        return
    fi
    want fps && [ "$have_love" != yes ] && note_why fps.love "$have_love"
    want memory && [ "$bare_ok" != yes ] && { note_why mem.bare.acc "$bare_ok"; note_why mem.bare.sw "$bare_ok"; }
    set -- game.acc love bare.acc game.sw bare.sw
    [ $((round % 2)) -eq 0 ] && set -- bare.sw game.sw bare.acc love game.acc
    for who in "$@"; do
        case $who in
        game.*)
            r=accelerated
            [ "$who" = game.sw ] && r=software
            say "  [$round/$runs] 4K: greatleap $r, $frames frames"
            if timed "$who" "$game" --bench-frames "$frames" --renderer $r --size $big --screen map --at 1960-06 --lang en; then
                full=$(fps_of "fps.$who" full)
                rec "first.$who" "$(grep frame=full "$out/run.log" | sed 's/.*first_frame_ms=\([0-9.]*\).*/\1/')"
                say "    $full fps, peak $(tail -n 1 "$out/rss" 2>/dev/null) KiB"
            fi ;;
        love)
            { want fps && [ "$have_love" = yes ]; } || continue
            say "  [$round/$runs] 4K: LOVE peer, $frames frames"
            if timed love love bench/peers/love "$out/map-$big.lua" "$frames" "$font"; then
                say "    $(fps_of fps.love full) fps, peak $(tail -n 1 "$out/rss" 2>/dev/null) KiB"
            fi ;;
        bare.*)
            { want memory && [ "$bare_ok" = yes ]; } || continue
            r=accelerated
            [ "$who" = bare.sw ] && r=software
            say "  [$round/$runs] 4K: bare SDL2 $r, $frames frames"
            timed "$who" "$peers/bare_sdl" $big $r "$frames" && say "    peak $(tail -n 1 "$out/rss") KiB" ;;
        esac
    done
}

campaign_round() {
    say "  [$round/$runs] campaigns: ${pin:+$pin }bench_campaign 100"
    [ -n "$pin" ] || note_why campaigns.pin "taskset not found: not pinned to one core"
    # shellcheck disable=SC2086 # $pin is a command or nothing
    if $tmo $pin "$build/bench/bench_campaign" 100 >"$out/run.log" 2>&1; then
        line=$(grep 'campaigns/s' "$out/run.log")
        sim=$(echo "$line" | sed 's/.*-> \([0-9.]*\) campaigns.*/\1/')
        all=$(echo "$line" | sed 's/.*(\([0-9.]*\) with loading).*/\1/')
        rec camp.sim "$sim"
        rec camp.all "$all"
        rec camp.load "$(sed -n 's/^load mods + scenario: *\([0-9.]*\) ms.*/\1/p' "$out/run.log")"
        say "    $all campaigns/s with loading, $sim simulating only"
    else
        note_why camp.all "bench_campaign failed: $(tail -n 1 "$out/run.log")"
        note_why camp.sim "bench_campaign failed"
    fi
}

hooks_round() {
    say "  [$round/$runs] hooks: bench_hooks per_province"
    if $tmo "$build/bench/bench_hooks" per_province >"$out/run.log" 2>&1; then
        line=$(grep '^month with the mod' "$out/run.log")
        mean=$(echo "$line" | sed 's/.*mean \([0-9.]*\) ms.*/\1/')
        worst=$(echo "$line" | sed 's/.*worst \([0-9.]*\) ms (\([0-9-]*\).*/\1/')
        rec hooks.mean "$mean"
        rec hooks.worst "$worst"
        rec hooks.worst_any "$(echo "$line" | sed 's/.*worst of any run \([0-9.]*\) ms.*/\1/')"
        rec hooks.calls "$(sed -n 's/.* \([0-9]*\) protected calls a month.*/\1/p' "$out/run.log")"
        say "    mean $mean ms, worst month $worst ms ($(echo "$line" | sed 's/.*worst [0-9.]* ms (\([0-9-]*\);.*/\1/'))"
    else
        note_why hooks.mean "bench_hooks failed: $(tail -n 1 "$out/run.log")"
        note_why hooks.worst "bench_hooks failed"
    fi
}

: >"$out/values"
round=1
while [ $round -le "$runs" ]; do
    say "round $round of $runs ($(($(date +%s) - began)) s so far)"
    want start && start_round
    { want fps || want memory; } && big_round
    want campaigns && campaign_round
    want hooks && hooks_round
    round=$((round + 1))
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
xvfb_pid=""

# ---- The table ------------------------------------------------------------------
# A row: SECTION|WHAT|KIND|KEY_OURS|KEY_PEER|UNIT|GOAL_OP|GOAL
#   ratio: ours/peer per round; diff: (ours - peer) per round; abs: ours.
# Each row's min / median / max is over the rounds; "met" judges the median.
rows() {
    cat <<ROWS
start|start to first frame $ssize (ours: title screen; LOVE: the map), ours / LOVE 11.4|ratio|start.game.acc|start.love|ms|le|0.5
start|start to first map frame $ssize (June 1960; ours: after the title), ours / LOVE 11.4|ratio|start.game.acc.2|start.love|ms|le|0.5
start|start to first frame $ssize, ours / bare SDL2 window, accelerated|ratio|start.game.acc|start.bare.acc|ms|le|1.2
start|start to first frame $ssize, ours / bare SDL2 window, software|ratio|start.game.sw|start.bare.sw|ms|le|1.2
fps|4K full frames per second, ours accelerated (OpenGL, llvmpipe) / LOVE|ratio|fps.game.acc|fps.love|fps|ge|2.5
fps|4K full frames per second, ours software / LOVE (OpenGL, llvmpipe)|ratio|fps.game.sw|fps.love|fps|ge|2.5
campaigns|headless 1958-62 campaigns per second, one core (load + simulate)|abs|camp.all||/s|ge|250
campaigns|headless 1958-62 campaigns per second, one core (simulate only)|abs|camp.sim||/s|ge|250
hooks|month with 1,000 modded events per province, mean month|abs|hooks.mean||ms|le|4
hooks|month with 1,000 modded events per province, worst month|abs|hooks.worst||ms|le|4
memory|peak memory at 4K above bare SDL2 window, accelerated|diff|mem.game.acc|mem.bare.acc|MiB|le|40
memory|peak memory at 4K above bare SDL2 window, software|diff|mem.game.sw|mem.bare.sw|MiB|le|40
memory|peak memory at 4K in all, software|abs|mem.game.sw||MiB|le|40
ROWS
}
for f in "$out"/why.*; do [ -f "$f" ] && printf '%s %s\n' "${f##*/why.}" "$(cat "$f")"; done >"$out/whys"
rows | while IFS='|' read -r section what kind a b unit op goal; do
    want "$section" || continue
    awk -v what="$what" -v kind="$kind" -v a="$a" -v b="$b" -v unit="$unit" -v op="$op" -v goal="$goal" '
    function sortv(arr, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && arr[j - 1] > arr[j]; j--) { t = arr[j]; arr[j] = arr[j - 1]; arr[j - 1] = t } }
    function med(arr, n) { sortv(arr, n); return n % 2 ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2 }
    function num(v, u) { # a value with its unit
        if (u == "MiB") return sprintf("%.0f MiB", v / 1024)
        if (u == "ms") return sprintf(v < 10 ? "%.2f ms" : v < 100 ? "%.1f ms" : "%.0f ms", v)
        if (u == "fps") return sprintf("%.2f fps", v)
        return sprintf("%.0f%s", v, u)
    }
    function show(v) {
        if (kind == "ratio") return sprintf("%.2f", v)
        if (kind == "diff") return sprintf("%.0f", v / 1024)
        if (unit == "MiB") return sprintf("%.0f", v / 1024)
        if (unit == "ms") return sprintf("%.2f", v)
        return sprintf("%.0f", v)
    }
    FILENAME ~ /whys$/ { why[$1] = substr($0, length($1) + 2); next }
    $2 == a { va[$1] = $3; na++; A[na] = $3 }
    $2 == b { vb[$1] = $3; nb++; B[nb] = $3 }
    END {
        n = 0
        for (r in va) {
            if (kind == "abs") { n++; R[n] = va[r] }
            else if (r in vb && vb[r] > 0) { n++; R[n] = kind == "ratio" ? va[r] / vb[r] : va[r] - vb[r] }
        }
        g = (op == "le" ? "<= " : ">= ") goal (kind == "abs" || kind == "diff" ? " " unit : "")
        if (unit == "/s") g = ">= " goal "/s"
        ours = na ? num(med(A, na), unit) : "-"
        peer = kind == "abs" ? "" : (nb ? num(med(B, nb), unit) : "-")
        if (n == 0) {
            reason = (a in why) ? why[a] : (b in why) ? why[b] : "no measurement"
            printf "%s\t%s\t%s\tnot measured\t%s\tn/a\t%s\n", what, ours, peer, g, reason
            exit
        }
        sortv(R, n); m = med(R, n)
        cmp = kind == "diff" || (kind == "abs" && unit == "MiB") ? m / 1024 : m
        met = (op == "le" ? cmp <= goal : cmp >= goal) ? "yes" : "no"
        printf "%s\t%s\t%s\t%s / %s / %s\t%s\t%s\t\n", what, ours, peer, show(R[1]), show(m), show(R[n]), g, met
    }' "$out/whys" "$out/values"
done >"$out/table"

cpu=$(awk -F': ' '/^model name/ && !m { m = $2 } /^cpu family/ && !f { f = $2 } /^model[[:space:]]*:/ && !n { n = $2 }
    END { printf "%s (family %s, model %s)", m, f, n }' /proc/cpuinfo)
virt=$(lscpu 2>/dev/null | sed -n 's/^Hypervisor vendor:[[:space:]]*//p')
[ -n "$virt" ] && cpu="$cpu, a $virt guest"
ram=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
# shellcheck disable=SC1091 # read at run time
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
[ -r /etc/debian_version ] && os="$os ($(cat /etc/debian_version))"
ver() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo "?"; }
lovev=$(love --version 2>/dev/null | head -n 1)
echo
echo "bench/run.sh, $(date -u '+%Y-%m-%d %H:%M UTC'): $runs round(s), $(($(date +%s) - began)) s"
echo "machine: $cpu, $(nproc) cores, $ram; $os; Mesa $(ver libgl1-mesa-dri) (llvmpipe under Xvfb); SDL $(ver libsdl2-2.0-0); ${lovev:-LOVE not installed}"
echo "load average before $load_before, after $load_after (other jobs may run on the other core)"
echo "start-up: exec to the return of the first present (bench/firstframe), window $ssize; 4K: $frames frames a run${SDL_FRAMEBUFFER_ACCELERATION:+; SDL_FRAMEBUFFER_ACCELERATION=$SDL_FRAMEBUFFER_ACCELERATION}"
echo
awk -F'\t' '
{ for (i = 1; i <= 6; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } why[NR] = $7; n = NR }
END {
    split("what|ours|peer|ratio or value: min / median / max|goal|met", h, "|")
    for (i = 1; i <= 6; i++) if (length(h[i]) > w[i]) w[i] = length(h[i])
    line = "|"; sep = "|"
    for (i = 1; i <= 6; i++) { line = line sprintf(" %-" w[i] "s |", h[i]); sep = sep "-" dashes(w[i]) "-|" }
    print line; print sep
    for (r = 1; r <= n; r++) {
        line = "|"
        for (i = 1; i <= 6; i++) line = line sprintf(" %-" w[i] "s |", c[r, i])
        print line
    }
    for (r = 1; r <= n; r++) if (why[r] != "") printf "not measured: %s: %s\n", c[r, 1], why[r]
}
function dashes(k,   s) { s = ""; while (k-- > 0) s = s "-"; return s }' "$out/table"

# The figures behind the table (medians), for the speed work.
awk '
function sortv(arr, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && arr[j - 1] > arr[j]; j--) { t = arr[j]; arr[j] = arr[j - 1]; arr[j - 1] = t } }
{ n[$2]++; v[$2, n[$2]] = $3 }
END {
    for (k in n) { m = n[k]; for (i = 1; i <= m; i++) a[i] = v[k, i]; sortv(a, m); med[k] = m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
    printf "\nmedians behind it:"
    if ("start.game.acc.loader" in med) printf " exec to main (dynamic loading): game %.0f ms, LOVE %.0f ms, bare %.0f ms;", med["start.game.acc.loader"], med["start.love.loader"], med["start.bare.acc.loader"]
    if ("first.game.acc" in med) printf " game first frame at 4K as it reports it (from main): accelerated %.0f ms, software %.0f ms;", med["first.game.acc"], med["first.game.sw"]
    if ("mem.love" in med) printf " LOVE peak at 4K %.0f MiB;", med["mem.love"] / 1024
    if ("camp.load" in med) printf " loading a game %.2f ms;", med["camp.load"]
    if ("hooks.calls" in med) printf " hooks: %.0f protected calls a month (one call a mod for all its province events), worst month of any run %.2f ms;", med["hooks.calls"], med["hooks.worst_any"]
    printf "\n"
}' "$out/values" | fold -s -w 120
mkdir -p "$build/bench-run" && cp "$out/values" "$build/bench-run/values" 2>/dev/null &&
    echo "every run's figures: $build/bench-run/values (round, key, value)"
exit 0
