#!/bin/sh
# Installing (issue 6): `cmake --install` into a scratch prefix puts every file
# where desktops and the game look for it; the installed game runs from any
# folder, through PATH and after its prefix is moved, using the installed
# data; the desktop entry and the AppStream file validate when the
# validators are installed; DESTDIR staging works.
# Usage: test_install.sh cmake build-dir scratch-dir app-id version configured-prefix bindir
# (bindir: where the program goes in the prefix, bin or, for Debian, games)
set -u
cmake=$1
build=$2
dir=$3
id=$4
version=$5
configured=$6
bindir=$7
rm -rf "$dir" && mkdir -p "$dir/elsewhere" "$dir/home"
# Absolute paths: the game is run from another folder below.
build=$(cd "$build" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(cd "$dir" && pwd)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# A checker must exit 0 and print nothing: its hints and warnings count too.
silent_ok() { # description command...
    what=$1
    shift
    if ! out=$("$@" 2>&1) || [ -n "$out" ]; then fail "$what: $out"; fi
}

# A clean player: no data folder named, a fresh home without installed mods.
unset GREATLEAP_DATA_DIR
export HOME="$dir/home" XDG_DATA_HOME="$dir/home/data" XDG_CONFIG_HOME="$dir/home/config" \
    XDG_STATE_HOME="$dir/home/state"

prefix="$dir/prefix"
"$cmake" --install "$build" --prefix "$prefix" >"$dir/install.log" 2>&1 ||
    fail "cmake --install --prefix: $(tail -3 "$dir/install.log")"

# ==== What goes where ====
for f in "$bindir/greatleap" \
    share/greatleap/scripts/mod.lua share/greatleap/assets/data/params.csv \
    share/greatleap/assets/map/provinces-1958.geojson share/greatleap/assets/fonts/OFL.txt \
    share/doc/greatleap/README.md share/doc/greatleap/model.md share/doc/greatleap/kiosk.md \
    share/doc/greatleap/kiosk/greatleap-kiosk.service share/doc/greatleap/kiosk/greatleap-kiosk.desktop \
    share/doc/greatleap/assets/fonts/OFL.txt share/doc/greatleap/assets/data/SOURCES.md \
    share/doc/greatleap/assets/map/SOURCES.md share/doc/greatleap/LICENSE share/doc/greatleap/copyright \
    "share/applications/$id.desktop" "share/metainfo/$id.metainfo.xml" \
    "share/icons/hicolor/scalable/apps/$id.svg" share/man/man6/greatleap.6 \
    share/bash-completion/completions/greatleap; do
    [ -f "$prefix/$f" ] || fail "not installed: $f"
done
[ -x "$prefix/$bindir/greatleap" ] || fail "$bindir/greatleap is not executable"
built=$(find "$prefix/share/greatleap" -name '*.py' -o -name '*.sh' | head -3)
[ -z "$built" ] || fail "build scripts installed with the data: $built"
[ -e "$prefix/share/greatleap/assets/map/build" ] && fail "assets/map/build (the map's build scripts) installed"

# Each bitmap icon is a PNG of its folder's size: the signature, then
# IHDR's width and height as big-endian 32-bit numbers.
for size in 16 22 24 32 48 64 128 256 512; do
    png="$prefix/share/icons/hicolor/${size}x$size/apps/$id.png"
    if [ ! -f "$png" ]; then
        fail "not installed: the ${size}x$size icon"
        continue
    fi
    [ "$(od -An -tx1 -N8 "$png" | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "${size}x$size/$id.png is not a PNG"
    ihdr=$(od -An -tu4 --endian=big -j16 -N8 "$png" | tr -s ' \n' ' ')
    [ "$ihdr" = " $size $size " ] || fail "${size}x$size/$id.png is not ${size}x$size (IHDR: $ihdr)"
done
[ -e "$prefix/share/greatleap/assets/icons" ] && fail "the icons installed with the game data"

# The three desktop files name one another by the same id.
desktop="$prefix/share/applications/$id.desktop"
metainfo="$prefix/share/metainfo/$id.metainfo.xml"
grep -qx "Icon=$id" "$desktop" || fail "$id.desktop: Icon is not $id"
grep -qx "Exec=greatleap" "$desktop" || fail "$id.desktop: Exec is not greatleap"
grep -q "<id>$id</id>" "$metainfo" || fail "metainfo: <id> is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
    fail "metainfo: the launchable is not $id.desktop"
grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo: no <release> for version $version"
grep -q "<project_license>MIT AND OFL-1.1</project_license>" "$metainfo" || fail "metainfo: no project_license"
grep -q "<content_rating type=\"oars-1.1\">" "$metainfo" || fail "metainfo: no OARS 1.1 content rating"
# Each screenshot is one of the golden screenshots, at this version's tag.
shots=$(sed -n 's|.*<image[^>]*>\(.*\)</image>.*|\1|p' "$metainfo")
[ -n "$shots" ] || fail "metainfo: no screenshots"
for url in $shots; do
    case $url in
    "https://raw.githubusercontent.com/greatleap/GreatLeap/v$version/tests/render/golden/"*.png)
        [ -f "$src/tests/render/golden/${url##*/}" ] || fail "metainfo: screenshot ${url##*/} is not in tests/render/golden" ;;
    *) fail "metainfo: screenshot $url is not a golden screenshot at tag v$version" ;;
    esac
done

# ==== Validators, when installed (.ci/setup installs both) ====
if command -v desktop-file-validate >/dev/null 2>&1; then
    for f in "$desktop" "$prefix/share/doc/greatleap/kiosk/greatleap-kiosk.desktop"; do
        silent_ok "desktop-file-validate" desktop-file-validate "$f"
    done
else
    echo "SKIP: desktop-file-validate is not installed (apt install desktop-file-utils)"
fi
if command -v systemd-analyze >/dev/null 2>&1; then
    # The kiosk's unit file, pointed at this install (unknown keys and bad
    # values only print warnings).
    sed "s|/usr/local/bin/greatleap|$prefix/$bindir/greatleap|" \
        "$prefix/share/doc/greatleap/kiosk/greatleap-kiosk.service" >"$dir/greatleap-kiosk.service"
    silent_ok "systemd-analyze verify greatleap-kiosk.service" systemd-analyze verify "$dir/greatleap-kiosk.service"
else
    echo "SKIP: systemd-analyze is not installed"
fi
if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net "$metainfo" >"$dir/appstream.log" 2>&1 ||
        fail "appstreamcli validate: $(cat "$dir/appstream.log")"
else
    echo "SKIP: appstreamcli is not installed (apt install appstream)"
fi

# ==== The installed game runs from another folder ====
cd "$dir/elsewhere" || exit 1
bin="$prefix/$bindir/greatleap"
"$bin" --version >"$dir/version" 2>&1 || fail "--version: exit $?"
grep -q "^greatleap $version " "$dir/version" || fail "--version says '$(cat "$dir/version")', wanted $version"
grep -q "^Licence: MIT" "$dir/version" || fail "--version does not name the licence"
grep -q "share/doc/greatleap/copyright\$" "$dir/version" || fail "--version does not say where every file's licence is"
"$bin" --help >"$dir/help" 2>&1 || fail "--help: exit $?"
# These are the ones README.md and docs/kiosk.md (and its unit file) use.
for opt in --headless --until --out --data --kiosk --help --version; do
    grep -q -- "^  $opt " "$dir/help" || fail "--help does not describe $opt"
done
# Every option line has a description after its name (and value).
awk '/^  --/ && NF < 3 { print; bad = 1 } END { exit bad }' "$dir/help" >"$dir/undescribed" ||
    fail "--help: options without a description: $(cat "$dir/undescribed")"

"$bin" --headless --until 1958-03 --out "$dir/run" --quiet 2>"$dir/stderr" ||
    fail "headless run from $dir/elsewhere: $(cat "$dir/stderr")"
for f in national.csv provinces.csv monthly.csv; do
    [ -s "$dir/run/$f" ] || fail "headless run: no $f"
done

# Started by name through PATH, as the desktop entry does (argv[0] has no '/').
PATH="$prefix/$bindir:$PATH" greatleap --headless --until 1958-03 --out "$dir/run-path" --quiet 2>"$dir/stderr" ||
    fail "greatleap through PATH: $(cat "$dir/stderr")"
cmp -s "$dir/run/monthly.csv" "$dir/run-path/monthly.csv" || fail "greatleap through PATH: a different run"

# A moved install finds its data next to itself, not where it was configured.
moved="$dir/moved"
mv "$prefix" "$moved"
"$moved/$bindir/greatleap" --headless --until 1958-03 --out "$dir/run-moved" --quiet 2>"$dir/stderr" ||
    fail "moved install: $(cat "$dir/stderr")"
cmp -s "$dir/run/monthly.csv" "$dir/run-moved/monthly.csv" || fail "moved install: a different run"

# It really is the installed data that the game reads (not the source tree
# the build came from): take the installed model parameters away and it
# stops. Both when started by path and through PATH.
rm "$moved/share/greatleap/assets/data/params.csv"
"$moved/$bindir/greatleap" --headless --until 1958-03 --out "$dir/run-broken" --quiet 2>/dev/null &&
    fail "the installed game ran without its installed assets/data/params.csv: it reads other data"
PATH="$moved/$bindir:$PATH" greatleap --headless --until 1958-03 --out "$dir/run-broken-path" --quiet 2>/dev/null &&
    fail "started through PATH, the installed game ran without its installed assets/data/params.csv"

# ==== DESTDIR staging, as packagers install ====
DESTDIR="$dir/stage" "$cmake" --install "$build" >"$dir/stage.log" 2>&1 ||
    fail "DESTDIR install: $(tail -3 "$dir/stage.log")"
[ -x "$dir/stage$configured/$bindir/greatleap" ] || fail "DESTDIR install: no $dir/stage$configured/$bindir/greatleap"
[ -f "$dir/stage$configured/share/greatleap/scripts/mod.lua" ] || fail "DESTDIR install: no data"

[ "$failures" -eq 0 ] && echo "install: all checks passed"
exit "$failures"
