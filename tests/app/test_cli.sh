#!/bin/sh
# Command-line behaviour of build/greatleap: exit statuses, one-line errors,
# the CSV columns the headless run promises, and bit-identical reruns.
# Usage: test_cli.sh path/to/greatleap scratch-folder
set -u
bin=$1
dir=$2
rm -rf "$dir" && mkdir -p "$dir"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

expect_status() { # expected-status description command...
    want=$1; what=$2; shift 2
    "$@" >"$dir/stdout" 2>"$dir/stderr"
    got=$?
    [ "$got" = "$want" ] || fail "$what: exit $got, wanted $want ($(head -c 300 "$dir/stderr"))"
}

expect_status 0 "--help" "$bin" --help
grep -q -- "--headless" "$dir/stdout" || fail "--help does not describe --headless"
expect_status 0 "--version" "$bin" --version
grep -q "greatleap" "$dir/stdout" || fail "--version prints no version"

expect_status 2 "unknown option" "$bin" --frobnicate
[ "$(wc -l <"$dir/stderr")" -eq 1 ] || fail "unknown option: the error is not one line"
expect_status 2 "bad date" "$bin" --headless --until 1962-13 --out "$dir/x"
grep -q "1962-13" "$dir/stderr" || fail "bad date: the message does not name the value"
expect_status 2 "missing value" "$bin" --headless --out
expect_status 2 "bad seed" "$bin" --headless --seed -4 --out "$dir/x"
expect_status 2 "headless without --out" "$bin" --headless
expect_status 2 "missing choices file" "$bin" --headless --choices "$dir/none.lua" --out "$dir/x"
grep -q "none.lua" "$dir/stderr" || fail "missing choices file: not named"
printf 'return {\n  events = { lushan = \n' >"$dir/broken.lua"
expect_status 2 "broken choices file" "$bin" --headless --choices "$dir/broken.lua" --out "$dir/x"
grep -q "broken.lua:" "$dir/stderr" || fail "broken choices file: no file:line ($(cat "$dir/stderr"))"
[ "$(wc -l <"$dir/stderr")" -eq 1 ] || fail "broken choices file: the error is not one line"
expect_status 2 "until outside the scenario" "$bin" --headless --until 1957-01 --out "$dir/x"

# A full historical run writes the promised columns, one row per year.
expect_status 0 "headless run" "$bin" --headless --until 1962-12 --choices historical --seed 1 --out "$dir/a" --quiet
head -1 "$dir/a/national.csv" | grep -q "^year,.*population,births,deaths,.*crude_birth_rate,crude_death_rate,.*grain_actual_mt,grain_reported_mt,procurement_mt,.*net_exports_mt" \
    || fail "national.csv header: $(head -1 "$dir/a/national.csv")"
head -1 "$dir/a/provinces.csv" | grep -q "^year,province,.*population,births,deaths,.*crude_birth_rate,crude_death_rate,grain_actual_mt,grain_reported_mt,procurement_mt" \
    || fail "provinces.csv header: $(head -1 "$dir/a/provinces.csv")"
[ "$(grep -c '^19[56][0-9],' "$dir/a/national.csv")" -eq 5 ] || fail "national.csv: not one row per year 1958-1962"
# The state's account by grain year: 1958/59-1961/62 given, 1962/63 (unfinished) left empty.
head -1 "$dir/a/national.csv" | grep -q ",grain_year_procured_mt,grain_year_sales_mt,granary_june_mt" \
    || fail "national.csv: no grain-year columns: $(head -1 "$dir/a/national.csv")"
grep -q '^1961,.*,[0-9][0-9.]*,[0-9][0-9.]*,[0-9][0-9.]*$' "$dir/a/national.csv" || fail "national.csv: 1961/62's account missing"
grep -q '^1962,.*,,,[0-9][0-9.]*$' "$dir/a/national.csv" || fail "national.csv: 1962/63's account not left empty"
[ "$(grep -c '^19[56][0-9],' "$dir/a/provinces.csv")" -eq $((5 * 28)) ] || fail "provinces.csv: not 28 provinces x 5 years"
grep -q ',neimenggu,' "$dir/a/provinces.csv" || fail "provinces.csv: province ids are not the map ids"

# decisions.csv: a row per decision and how a player meets it. A historical
# game shows at most 40 cards (issue 12); the events about a province are
# history's in the historical mode, notices.
head -1 "$dir/a/decisions.csv" | grep -qx "month,event,provinces,option,shown_as" \
    || fail "decisions.csv header: $(head -1 "$dir/a/decisions.csv")"
cards=$(grep -c ',card$' "$dir/a/decisions.csv")
[ "$cards" -ge 20 ] && [ "$cards" -le 40 ] || fail "decisions.csv: $cards cards in a historical game (at most 40)"
grep -q '^1958-01,grain_exports,-,export_as_planned,card$' "$dir/a/decisions.csv" \
    || fail "decisions.csv: no card for the 1958 export plan"
grep -Eq '^[0-9-]+,locusts,[a-z]+;[a-z;]+,[a-z_]+,notice$' "$dir/a/decisions.csv" \
    || fail "decisions.csv: no notice listing several provinces for the locusts"
[ "$(cut -d, -f1,2 "$dir/a/decisions.csv" | sort | uniq -d | wc -l)" -eq 0 ] \
    || fail "decisions.csv: an event has two rows in one month"

# Determinism: the same seed and choices give byte-identical files.
expect_status 0 "second run" "$bin" --headless --until 1962-12 --seed 1 --out "$dir/b" --quiet
for f in national.csv provinces.csv monthly.csv decisions.csv; do
    cmp -s "$dir/a/$f" "$dir/b/$f" || fail "$f differs between two runs with the same seed"
done
expect_status 0 "other seed" "$bin" --headless --until 1962-12 --seed 2 --out "$dir/c" --quiet
cmp -s "$dir/a/provinces.csv" "$dir/c/provinces.csv" && fail "seed 2 gives the same provinces.csv as seed 1"

# A choices file changes the run.
printf 'return { events = { lushan = "listen_to_peng", granaries = "open_the_granaries" } }\n' >"$dir/listen.lua"
expect_status 0 "choices file" "$bin" --headless --choices "$dir/listen.lua" --out "$dir/d" --quiet
cmp -s "$dir/a/national.csv" "$dir/d/national.csv" && fail "a choices file did not change the run"
grep -q '^1959-07,lushan,-,listen_to_peng,auto$' "$dir/d/decisions.csv" \
    || fail "decisions.csv: the choices file's Lushan is not marked auto: $(grep lushan "$dir/d/decisions.csv")"
# In the free mode (every default) an event about a province is asked the
# first time, then takes that answer again as a notice.
expect_status 0 "defaults" "$bin" --headless --choices defaults --out "$dir/e" --quiet
first=$(grep -m1 ',dams_give_way,' "$dir/e/decisions.csv")
case "$first" in *,card) ;; *) fail "decisions.csv: the first dams_give_way is not a card: $first" ;; esac
[ "$(grep ',dams_give_way,' "$dir/e/decisions.csv" | grep -c ',notice$')" -ge 1 ] \
    || fail "decisions.csv: no repeat of dams_give_way became a notice"

# Modes that cannot go together are refused, not resolved silently (issue 13).
for args in "--check-mods $dir/x --headless --out $dir/x" "--headless --out $dir/x --run-tests $dir" \
    "--screenshot $dir/x.png --api-dump $dir/api" "--help --version" "--kiosk --headless --out $dir/x" \
    "--kiosk --check-mods $dir/x" "--kiosk --dev" "--kiosk-config $dir/k.ini --headless --out $dir/x"; do
    # shellcheck disable=SC2086
    expect_status 2 "conflicting options $args" "$bin" $args
    [ "$(wc -l <"$dir/stderr")" -eq 1 ] || fail "conflicting options $args: the error is not one line"
    grep -q "cannot be used together\|cannot go with\|goes with --kiosk" "$dir/stderr" ||
        fail "conflicting options $args: $(cat "$dir/stderr")"
done
[ -e "$dir/x/national.csv" ] && fail "a conflicting --headless ran anyway"
expect_status 2 "a value that is an option" "$bin" --headless --out --quiet
grep -q "out needs a value" "$dir/stderr" || fail "a value that is an option: $(cat "$dir/stderr")"

# --data names the folder it could not use, and why.
expect_status 2 "--data missing" "$bin" --headless --data "$dir/nonexistent" --out "$dir/x"
grep -q "data $dir/nonexistent: no such folder" "$dir/stderr" || fail "--data missing: $(cat "$dir/stderr")"
expect_status 2 "--data not the data" "$bin" --check-mods "$dir" --data "$dir"
grep -q "not the game's data folder" "$dir/stderr" || fail "--data not the data: $(cat "$dir/stderr")"

# A run's CSV files are a set: on a "full disk" (a file size limit of 8 KiB,
# so that provinces.csv cannot be written) the old files all stay.
cp -r "$dir/a" "$dir/full"
(ulimit -f 16; trap '' XFSZ; exec "$bin" --headless --seed 2 --out "$dir/full" --quiet) >"$dir/stdout" 2>"$dir/stderr"
[ $? = 1 ] || fail "a full disk: exit status $?, wanted 1"
grep -q "are unchanged" "$dir/stderr" || fail "a full disk: $(cat "$dir/stderr")"
for f in national.csv provinces.csv monthly.csv; do
    cmp -s "$dir/a/$f" "$dir/full/$f" || fail "a full disk: $f changed; the files must stay a set"
done
ls "$dir/full" | grep -q tmp && fail "a full disk: a temporary file was left: $(ls "$dir/full")"

# Temporary files a killed save left are removed at the next start; a
# young one of a running process (this shell) is left alone.
export XDG_DATA_HOME="$dir/data"
mkdir -p "$dir/data/greatleap/saves"
sh -c 'exit 0' & dead=$!
wait $dead
printf 'half a save' >"$dir/data/greatleap/saves/slot1.save.tmp$dead"
printf 'being written' >"$dir/data/greatleap/saves/slot2.save.tmp$$"
printf 'a save' >"$dir/data/greatleap/saves/slot3.save"
expect_status 0 "start after a killed save" "$bin" --headless --until 1958-02 --out "$dir/y"
grep -q "removed 1 temporary file" "$dir/stderr" || fail "stale temporary files: $(cat "$dir/stderr")"
[ -e "$dir/data/greatleap/saves/slot1.save.tmp$dead" ] && fail "a stale temporary file was not removed"
[ -e "$dir/data/greatleap/saves/slot2.save.tmp$$" ] || fail "a running process's temporary file was removed"
[ -e "$dir/data/greatleap/saves/slot3.save" ] || fail "a save was removed"

# A scene for a screenshot or a benchmark plays history up to its month
# (past two new years here), but it is not the player's game: their
# autosave is left as it was.
printf 'the player'"'"'s own autosave' >"$dir/data/greatleap/saves/autosave.save"
cp "$dir/data/greatleap/saves/autosave.save" "$dir/autosave.before"
ls "$dir/data/greatleap/saves" >"$dir/saves.before"
expect_status 0 "a screenshot of June 1960" env SDL_VIDEODRIVER=dummy "$bin" --screenshot "$dir/scene.png" --screen map \
    --at 1960-06 --size 800x500
cmp -s "$dir/autosave.before" "$dir/data/greatleap/saves/autosave.save" || fail "a screenshot's scene overwrote the autosave"
expect_status 0 "a benchmark of June 1960" env SDL_VIDEODRIVER=dummy "$bin" --bench-frames 1 --screen map --at 1960-06 \
    --size 800x500
cmp -s "$dir/autosave.before" "$dir/data/greatleap/saves/autosave.save" || fail "a benchmark's scene overwrote the autosave"
ls "$dir/data/greatleap/saves" | cmp -s - "$dir/saves.before" || fail "a scene changed the saves: $(ls "$dir/data/greatleap/saves" | tr '\n' ' ')"

# A full table is said on stderr, once a month it loses something, and
# once however many seeds replay the same months (it was silent).
mkdir -p "$dir/crowded/events"
printf 'return { id = "crowded", name = "Crowded", version = "1.0.0", api_version = 1 }\n' >"$dir/crowded/mod.lua"
printf 'return {\n  id = "crowd",\n  once = false,\n  when = { date = "1958-02" },\n  trigger = function(s) return true end,\n  options = { { id = "push", effects = function(s, fx)\n    for i = 1, 1500 do fx:modifier{ lever = "zeal_push", add = 0, months = 60 } end\n  end } },\n}\n' \
    >"$dir/crowded/events/crowd.lua"
expect_status 0 "a mod that fills the modifiers' table" "$bin" --headless --mods "$dir/crowded" --until 1958-06 --seeds 1-3 \
    --out "$dir/crowded-out" --quiet
grep -q "warning: 1958-04: 408 modifier(s) not applied, the first from 'event:crowd/push'" "$dir/stderr" ||
    fail "a full table of modifiers was not said: $(head -c 400 "$dir/stderr")"
[ "$(grep -c 'warning: 1958-0[456]:' "$dir/stderr")" -eq 3 ] ||
    fail "the warnings were not said once each over three seeds: $(grep -c warning "$dir/stderr") lines"

[ "$failures" -eq 0 ] && echo "cli: all checks passed"
exit "$failures"
