#!/bin/sh
# Files a mod names are read only from inside its folder (issue 13): a
# scenario's data, pictures, event, locale, library and migration files.
# Paths with "..", symbolic links that lead out of the folder, FIFOs and
# /dev/stdin are refused with file:line, at once (stdin is held open and
# never written: a read of it would hang until the timeout), and nothing of
# the file outside appears in any message. A picture is checked for its
# size before it is decoded: a small PNG of 20000 x 20000 pixels is refused
# by --check-mods and never decoded by the card.
# Usage: test_mod_files.sh path/to/greatleap scratch-folder
set -u
bin=$1
dir=$2
rm -rf "$dir" && mkdir -p "$dir"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
secret="$dir/secret.txt"
printf 'TOPSECRET:x:0:0\nname,value\n' >"$secret"

# Runs the command with a stdin that stays open and empty (a FIFO this
# shell also holds open for writing, and never writes to): a read of it
# blocks for ever. The command must end within 30 s. Output in $dir/out.
mkfifo "$dir/stdin"
exec 3<>"$dir/stdin"
run() { # expected-status description command...
    want=$1; what=$2; shift 2
    timeout 30 "$@" <"$dir/stdin" >"$dir/out" 2>&1
    got=$?
    [ "$got" = 124 ] && fail "$what: still running after 30 s (blocked on a read?)"
    [ "$got" = "$want" ] || [ "$got" = 124 ] || fail "$what: exit $got, wanted $want ($(head -c 400 "$dir/out"))"
    grep -q TOPSECRET "$dir/out" && fail "$what: the file outside the mod shows in the output"
}
expect_line() { # description pattern
    grep -q -- "$2" "$dir/out" || fail "$1: no line matching '$2' in: $(head -c 600 "$dir/out")"
}

manifest() { # folder id
    mkdir -p "$1"
    printf 'return { id = "%s", name = "%s", version = "1.0.0", api_version = 1 }\n' "$2" "$2" >"$1/mod.lua"
}

# ---- A scenario's data ----
m="$dir/scen_dots"; manifest "$m" scen_dots; mkdir -p "$m/scenarios"
cat >"$m/scenarios/s.lua" <<'LUA'
return { id = "dots", start = "1958-01",
  data = { params = "../../../../../../../../../../etc/passwd", provinces = "assets/data/provinces.csv" } }
LUA
run 1 "scenario data with .." "$bin" --check-mods "$m"
expect_line "scenario data with .." "scen_dots/scenarios/s.lua:2: scenario 'dots': data.params must be a path inside"
run 1 "scenario data that is absolute" sh -c "sed -i 's|\"../[./]*etc/passwd\"|\"/dev/stdin\"|' '$m/scenarios/s.lua' && '$bin' --check-mods '$m'"
expect_line "scenario data that is absolute" "scenarios/s.lua:2: .*data.params must be a path inside"

m="$dir/scen_link"; manifest "$m" scen_link; mkdir -p "$m/scenarios" "$m/data"
ln -s "$secret" "$m/data/params.csv"
mkfifo "$m/data/provinces.csv"
cat >"$m/scenarios/s.lua" <<'LUA'
return { id = "linked", start = "1958-01", data = { params = "data/params.csv", provinces = "assets/data/provinces.csv" } }
LUA
run 1 "scenario data through a link" "$bin" --check-mods "$m"
expect_line "scenario data through a link" "data file 'data/params.csv'.*leads outside"
run 2 "a game of that scenario" "$bin" --headless --mods "$m" --scenario linked --until 1958-02 --out "$dir/o1"
expect_line "a game of that scenario" "leads outside"
sed -i 's|"data/params.csv"|"data/provinces.csv"|' "$m/scenarios/s.lua"
run 2 "scenario data that is a FIFO" "$bin" --headless --mods "$m" --scenario linked --until 1958-02 --out "$dir/o2"
expect_line "scenario data that is a FIFO" "not a regular file"

# ---- Pictures ----
m="$dir/pic_stdin"; manifest "$m" pic_stdin; mkdir -p "$m/events" "$m/pictures"
cat >"$m/events/e.lua" <<'LUA'
return { id = "pic_stdin_e", picture = "pictures/p.png", when = { date = "1958-02" }, options = { { id = "ok" } } }
LUA
ln -s /dev/stdin "$m/pictures/p.png"
run 1 "a picture linked to /dev/stdin" "$bin" --check-mods "$m"
expect_line "a picture linked to /dev/stdin" "pic_stdin/events/e.lua:1: pic_stdin_e: picture 'pictures/p.png': not a file inside"
rm "$m/pictures/p.png" && ln -s "$secret" "$m/pictures/p.png"
run 1 "a picture linked outside" "$bin" --check-mods "$m"
expect_line "a picture linked outside" "picture 'pictures/p.png': not a file inside"

# A real PNG of 20000 x 20000 one-bit pixels: 50 KB on disk, gigabytes
# decoded. --check-mods refuses it from its header; the card is drawn
# without it, in little memory and time.
m="$dir/pic_huge"; manifest "$m" pic_huge; mkdir -p "$m/events" "$m/pictures" "$m/locale"
python3 - "$m/pictures/huge.png" <<'PY'
import struct, sys, zlib
w = h = 20000
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
z = zlib.compressobj(9)
row = b"\0" + b"\0" * ((w + 7) // 8)
body = b"".join(z.compress(row) for _ in range(h)) + z.flush()
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0)) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
cat >"$m/events/e.lua" <<'LUA'
return { id = "huge_poster", picture = "pictures/huge.png", when = { date = "1958-03" },
  options = { { id = "noted", historical = true } } }
LUA
printf 'return { ["event.huge_poster.title"] = "A huge poster", ["event.huge_poster.text"] = "Its picture is 20000 pixels a side.", ["event.huge_poster.option.noted"] = "Noted" }\n' >"$m/locale/en.lua"
printf 'return { ["event.huge_poster.title"] = "巨幅海报", ["event.huge_poster.text"] = "图片每边两万像素。", ["event.huge_poster.option.noted"] = "知道了" }\n' >"$m/locale/zh.lua"
run 1 "a 20000 x 20000 picture" "$bin" --check-mods "$m"
expect_line "a 20000 x 20000 picture" "pic_huge/events/e.lua:1: huge_poster: picture 'pictures/huge.png': 20000 x 20000 pixels: pictures are at most 2048 x 2048"
# The card: peak memory of the process under 1.5 GB (decoded, the picture
# alone is 1.6 GB), and a screenshot written.
python3 - "$bin" "$m" "$dir/card.png" >"$dir/out" 2>&1 <<'PY'
import resource, subprocess, sys, time
t0 = time.time()
r = subprocess.run([sys.argv[1], "--screenshot", sys.argv[3], "--screen", "event", "--at", "1958-03", "--lang", "en",
                    "--mods", sys.argv[2], "--no-user-mods"], stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"exit {r.returncode}, {time.time() - t0:.1f} s, peak {peak_mb:.0f} MB")
sys.stdout.write(r.stderr.decode(errors="replace")[:400])
sys.exit(0 if r.returncode == 0 and peak_mb < 1500 else 1)
PY
[ $? = 0 ] || fail "the card with a huge picture: $(cat "$dir/out")"
[ -s "$dir/card.png" ] || fail "the card with a huge picture: no screenshot"

# ---- Event, locale, library and migration files linked outside ----
m="$dir/links"; manifest "$m" links; mkdir -p "$m/events" "$m/lib" "$m/migrations" "$m/outside_locale"
ln -s "$secret" "$m/events/leak.lua"
mkdir -p "$dir/elsewhere" && printf 'return { ["x.y"] = "TOPSECRET" }\n' >"$dir/elsewhere/en.lua"
ln -s "$dir/elsewhere" "$m/locale"
ln -s "$secret" "$m/lib/secret.lua"
ln -s "$secret" "$m/migrations/001_leak.lua"
cat >"$m/events/uses_lib.lua" <<'LUA'
return { id = "uses_lib", when = { date = "1958-02" },
  trigger = function(s) local ok, err = pcall(require, "lib.secret") error(err, 0) end,
  options = { { id = "ok" } } }
LUA
run 1 "files linked outside the mod" "$bin" --check-mods "$m"
expect_line "an event file linked outside" "links/events/leak.lua:1: .*leads outside"
expect_line "a locale folder linked outside" "links/locale/en.lua:1: .*leads outside"
expect_line "a migration linked outside" "links/migrations/001_leak.lua:.*leads outside"
expect_line "a library linked outside" "links/events/uses_lib.lua:2: require: .*links/lib/secret.lua leads outside the mod's folder"

exec 3>&-
[ "$failures" -eq 0 ] && echo "mod files: all checks passed"
exit "$failures"
