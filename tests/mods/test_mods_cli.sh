#!/bin/sh
# The modding tools on the command line: --check-mods and --test-mods exit
# statuses and one-line messages, mods under a path with Chinese names,
# installed mods in $XDG_DATA_HOME/greatleap/mods, and a mod's storage
# through a save, a new version with a migration, and a load.
# Usage: test_mods_cli.sh path/to/greatleap repository-root scratch-folder
set -u
bin=$1; root=$2; dir=$3
rm -rf "$dir" && mkdir -p "$dir"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

expect_status() { # expected-status description command...
    want=$1; what=$2; shift 2
    "$@" >"$dir/stdout" 2>"$dir/stderr"
    got=$?
    [ "$got" = "$want" ] || fail "$what: exit $got, wanted $want ($(head -c 600 "$dir/stdout" "$dir/stderr"))"
}

# ---- --check-mods: a broken mod gives file:line lines and exit 1 ----
broken="$dir/坏的模组/broken"
mkdir -p "$broken/events" "$broken/locale"
cat >"$broken/mod.lua" <<'LUA'
return { id = "broken", name = "Broken", version = "1.0.0", api_version = 1, languages = { "en", "zh" } }
LUA
cat >"$broken/events/late.lua" <<'LUA'
return {
  id = "late",
  when = { date = "1963-05" },
  options = {
    { id = "a", effects = function(s, fx) fx:enact("communs") end },
  },
}
LUA
cat >"$broken/events/syntax.lua" <<'LUA'
return {
  id = "syntax",
  options = { { id = "a" }
LUA
cat >"$broken/locale/en.lua" <<'LUA'
return {
  ["event.late.title"] = "Too late",
  ["event.late.text"] = "After the game ends.",
  ["event.late.option.a"] = "A",
}
LUA
expect_status 1 "check a broken mod" "$bin" --check-mods "$broken"
grep -q "^$broken/events/late.lua:3: late can never fire: its date 1963-05 is after the game ends" "$dir/stdout" ||
    fail "no never-fires line: $(cat "$dir/stdout")"
grep -q "^$broken/events/late.lua:5: fx:enact: unknown policy 'communs' (did you mean 'communes'?)" "$dir/stdout" || fail "no unknown-policy line"
grep -q "^$broken/events/syntax.lua:4: " "$dir/stdout" || fail "no syntax error line"
# A missing Chinese title is one mistake and one line: the event's, not
# the locale file's as well.
grep -q "^$broken/events/late.lua:2: event 'late': no Chinese text for 'event.late.title' (add it to locale/zh.lua)" \
    "$dir/stdout" || fail "no missing-zh line"
grep -q "^$broken/locale/en.lua:2: 'event.late.title' has no Chinese text" "$dir/stdout" &&
    fail "the missing Chinese title is reported twice"
[ "$(grep -c "communs" "$dir/stdout")" -eq 1 ] || fail "a problem found twice is printed twice: $(grep communs "$dir/stdout")"
bad_lines=$(grep -cv '^[^:]*:[0-9][0-9]*: ' "$dir/stdout")
[ "$bad_lines" -eq 0 ] || fail "lines not shaped file:line: message: $(grep -v '^[^:]*:[0-9][0-9]*: ' "$dir/stdout")"
expect_status 2 "--check-mods without a folder" "$bin" --check-mods

# ---- the examples work from a path with Chinese folder names ----
cjk="$dir/用户/张三/模组"
mkdir -p "$cjk"
cp -r "$root/docs/examples/new_event" "$cjk/"
expect_status 0 "check a mod under a Chinese path" "$bin" --check-mods "$cjk/new_event"
expect_status 0 "test a mod under a Chinese path" "$bin" --test-mods "$cjk/new_event"
grep -q "^PASS $cjk/new_event/tests/macheng_rice.lua: " "$dir/stdout" || fail "no PASS line: $(cat "$dir/stdout")"
grep -q "^3 tests, 3 passed, 0 failed$" "$dir/stdout" || fail "no summary line: $(tail -1 "$dir/stdout")"

# ---- --test-mods: a failing test fails the run ----
mkdir -p "$broken/tests"
cat >"$broken/tests/fails.lua" <<'LUA'
return {
  { name = "fails", run = function(t) t:advance(1); t:expect(t:state().year == 1900, "year %d", t:state().year) end },
}
LUA
rm "$broken/events/syntax.lua"
expect_status 1 "a failing mod test" "$bin" --test-mods "$broken"
grep -q "^FAIL $broken/tests/fails.lua: fails: $broken/tests/fails.lua:2: year 1958" "$dir/stdout" ||
    fail "no FAIL line with file:line: $(cat "$dir/stdout")"
grep -q "^1 tests, 0 passed, 1 failed$" "$dir/stdout" || fail "no summary after a failure"

# ---- installed mods load in the game, not in the tools ----
export XDG_DATA_HOME="$dir/李四/share"
mkdir -p "$XDG_DATA_HOME/greatleap/mods"
cp -r "$root/docs/examples/new_event" "$XDG_DATA_HOME/greatleap/mods/"
expect_status 0 "headless with an installed mod" "$bin" --headless --until 1959-12 --out "$dir/with" --quiet
expect_status 0 "headless without installed mods" "$bin" --headless --until 1959-12 --out "$dir/without" --quiet --no-user-mods
cmp -s "$dir/with/provinces.csv" "$dir/without/provinces.csv" && fail "the installed mod changed nothing"
grep '^1958,hubei,' "$dir/with/provinces.csv" >"$dir/a"; grep '^1958,hubei,' "$dir/without/provinces.csv" >"$dir/b"
cmp -s "$dir/a" "$dir/b" && fail "the installed mod did not change Hubei's 1958 reports"

# ---- storage through a save, a new version with a migration, and a load ----
rm -rf "$XDG_DATA_HOME/greatleap/mods"
keeper="$dir/keeper"
mkdir -p "$keeper/events"
cat >"$keeper/mod.lua" <<'LUA'
return { id = "keeper", name = "Keeper", version = "1.0.0", api_version = 1, languages = { "en", "zh" } }
LUA
cat >"$keeper/events/mark.lua" <<'LUA'
return {
  id = "mark",
  when = { date = "1958-03" },
  options = { { id = "a", effects = function(s, fx)
    storage.marks = { s.date }
    fx:adjust{ var = "pressure_shock", add = 0.01 }
  end } },
}
LUA
cat >"$keeper/events/report.lua" <<'LUA'
return {
  id = "report",
  when = { date = "1959-07" },
  trigger = function(s)
    print(("marks=%d migrated=%s"):format(#(storage.marks or {}), tostring(storage.migrated)))
    return false
  end,
  options = { { id = "a" } },
}
LUA
expect_status 0 "run and save with storage" "$bin" --headless --until 1958-12 --mods "$keeper" --save-slot 2 --out "$dir/s1" --quiet
grep -q "^mod keeper 1.0.0 0 " "$XDG_DATA_HOME/greatleap/saves/slot2.save" || fail "the save does not record the mod's version"
# Version 1.1 adds a migration; the old save loads through it.
sed -i 's/1.0.0/1.1.0/' "$keeper/mod.lua"
mkdir -p "$keeper/migrations"
printf 'return function(storage) storage.migrated = true end\n' >"$keeper/migrations/001_flag.lua"
expect_status 0 "load and continue" "$bin" --headless --load-slot 2 --until 1959-07 --mods "$keeper" --out "$dir/s2"
grep -q "^\[keeper\] marks=1 migrated=true$" "$dir/stderr" || fail "storage or migration lost: $(cat "$dir/stderr")"
# Without the mod the save is refused, naming it and its version; with
# --without-missing-mods it loads and goes on without it.
expect_status 2 "load a save whose mod is missing" "$bin" --headless --load-slot 2 --until 1959-07 --out "$dir/s4" --no-user-mods
grep -q "the save needs mod 'keeper' version 1.0.0, which is not loaded" "$dir/stderr" ||
    fail "the missing mod is not named: $(cat "$dir/stderr")"
expect_status 0 "load it without" "$bin" --headless --load-slot 2 --until 1959-07 --out "$dir/s4" --no-user-mods \
    --without-missing-mods
grep -q "marks=" "$dir/stderr" && fail "the missing mod ran"
expect_status 2 "--without-missing-mods alone" "$bin" --headless --without-missing-mods --out "$dir/s5"
# Storage that cannot be saved stops the save with its key path.
sed -i 's/storage.marks = { s.date }/storage.marks = { s.date, cb = print }/' "$keeper/events/mark.lua"
expect_status 1 "save a function in storage" "$bin" --headless --until 1958-12 --mods "$keeper" --save-slot 3 --out "$dir/s3" --quiet
grep -q "storage.marks.cb is a function" "$dir/stderr" || fail "no key path: $(cat "$dir/stderr")"

# A game saved and loaded goes on exactly as one that was never saved.
expect_status 0 "a whole run" "$bin" --headless --until 1961-12 --out "$dir/whole" --quiet --no-user-mods
expect_status 0 "a run saved" "$bin" --headless --until 1959-06 --save-slot 4 --out "$dir/half" --quiet --no-user-mods
expect_status 0 "the same run loaded" "$bin" --headless --load-slot 4 --until 1961-12 --out "$dir/rest" --quiet --no-user-mods
for f in national.csv provinces.csv monthly.csv; do
    cmp -s "$dir/whole/$f" "$dir/rest/$f" || fail "$f differs after a save and a load"
done

# A malformed test names its line and the field, with "did you mean".
typo="$dir/typo"
mkdir -p "$typo/tests"
cat >"$typo/mod.lua" <<'LUA'
return { id = "typo", name = "Typo", version = "1.0.0", api_version = 2, languages = { "en", "zh" } }
LUA
cat >"$typo/tests/t.lua" <<'LUA'
return {
  { name = "fine", run = function(t) end },
  { nme = "misspelt",
    run = function(t) end },
}
LUA
# Every glyph the fonts lack, not only the first; an English locale file
# that does not load is one line, not a line for each Chinese text.
mkdir -p "$typo/locale"
printf 'return { ["typo.a"] = "A", ["typo.b"] = "B" "x" }\n' >"$typo/locale/en.lua"
printf 'return { ["typo.a"] = "\343\220\200 \360\240\200\200 \343\220\200", ["typo.b"] = "\344\271\231" }\n' >"$typo/locale/zh.lua"
expect_status 1 "a malformed test" "$bin" --check-mods "$typo"
grep -q "^$typo/locale/zh.lua:1: 'typo.a': the bundled fonts have no glyph for U+3400, U+20000 in its Chinese text" \
    "$dir/stdout" || fail "not every missing glyph: $(cat "$dir/stdout")"
grep -q "^$typo/locale/en.lua:1: " "$dir/stdout" || fail "no line for the broken locale file"
grep -q "has no English text" "$dir/stdout" && fail "a broken English file is reported key by key"
grep -q "^$typo/tests/t.lua:3: test 2: unknown field 'nme' (did you mean 'name'?)" "$dir/stdout" ||
    fail "no line for a malformed test: $(cat "$dir/stdout")"

# A text whose languages fill different placeholders.
holes="$dir/holes"
mkdir -p "$holes/locale"
cat >"$holes/mod.lua" <<'LUA'
return { id = "holes", name = "Holes", version = "1.0.0", api_version = 2, languages = { "en", "zh" } }
LUA
printf 'return {\n  ["holes.note"] = "{amount} t sent to {province}",\n}\n' >"$holes/locale/en.lua"
printf 'return {\n  ["holes.note"] = "\345\220\221{province}\350\260\203\347\262\256",\n}\n' >"$holes/locale/zh.lua"
expect_status 1 "placeholders that differ" "$bin" --check-mods "$holes"
grep -q "^$holes/locale/en.lua:2: 'holes.note': the placeholders differ between the languages: English has {amount}, {province}, Chinese has {province}" \
    "$dir/stdout" || fail "no placeholder line: $(cat "$dir/stdout")"

# A trigger that returns a number: one line, however many sample months
# it fails on.
numtrig="$dir/numtrig"
mkdir -p "$numtrig/events" "$numtrig/locale"
cat >"$numtrig/mod.lua" <<'LUA'
return { id = "numtrig", name = "N", version = "1.0.0", api_version = 2, languages = { "en", "zh" } }
LUA
cat >"$numtrig/events/e.lua" <<'LUA'
return {
  id = "numtrig_e",
  trigger = function(s) return s:province("henan").pests end,
  options = { { id = "a" } },
}
LUA
printf 'return { ["event.numtrig_e.title"] = "T", ["event.numtrig_e.text"] = "X", ["event.numtrig_e.option.a"] = "A" }\n' >"$numtrig/locale/en.lua"
printf 'return { ["event.numtrig_e.title"] = "T", ["event.numtrig_e.text"] = "X", ["event.numtrig_e.option.a"] = "A" }\n' >"$numtrig/locale/zh.lua"
expect_status 1 "a trigger returning a number" "$bin" --check-mods "$numtrig"
[ "$(grep -c "trigger returned the number" "$dir/stdout")" = 1 ] ||
    fail "a trigger returning a number is not one line: $(cat "$dir/stdout")"

# A field written one table too high says which table it belongs in.
inner="$dir/inner"
mkdir -p "$inner/events"
cat >"$inner/mod.lua" <<'LUA'
return { id = "inner", name = "I", version = "1.0.0", api_version = 2, languages = { "en", "zh" } }
LUA
cat >"$inner/events/e.lua" <<'LUA'
return {
  id = "inner_e",
  date = "1958-03",
  options = { { id = "a" } },
}
LUA
expect_status 1 "a field one table too high" "$bin" --check-mods "$inner"
grep -q "^$inner/events/e.lua:3: event 'inner_e': unknown field 'date' ('date' goes in when = { ... })" "$dir/stdout" ||
    fail "no hint for a field one table too high: $(cat "$dir/stdout")"

[ "$failures" -eq 0 ] && echo "mods cli: all checks passed"
exit "$failures"
