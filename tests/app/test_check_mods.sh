#!/bin/sh
# --check-mods and the card, against what a mod can get wrong (issue 13):
# migrations are run (from the first, on an empty storage and on the
# storage the mod keeps at sample months), bounded like any call, and their
# failures named by file and line; a syntax error in a file under a long
# path is reported once, with the whole path; an option label of 5,000
# characters stays on its button (nothing outside the card changes).
# Usage: test_check_mods.sh path/to/greatleap path/to/compare_png scratch-folder
set -u
bin=$1
compare=$2
dir=$3
rm -rf "$dir" && mkdir -p "$dir"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

check() { # expected-status description folder
    want=$1; what=$2
    timeout 300 "$bin" --check-mods "$3" >"$dir/out" 2>"$dir/err"
    got=$?
    [ "$got" = "$want" ] || fail "$what: exit $got, wanted $want ($(head -c 600 "$dir/out" "$dir/err"))"
}
manifest() { # folder id
    mkdir -p "$1"
    printf 'return { id = "%s", name = "%s", version = "1.1.0", api_version = 1 }\n' "$2" "$2" >"$1/mod.lua"
}

# ---- Migrations ----
m="$dir/mig_loop"; manifest "$m" mig_loop; mkdir -p "$m/migrations"
printf -- '-- loops\nreturn function(st)\n  while true do end\nend\n' >"$m/migrations/001_loop.lua"
check 1 "a migration that never ends" "$m"
grep -q "mig_loop/migrations/001_loop.lua:3: instruction limit exceeded" "$dir/out" || fail "a looping migration: $(cat "$dir/out")"
[ "$(wc -l <"$dir/out")" = 1 ] || fail "a looping migration: not one line: $(cat "$dir/out")"

m="$dir/mig_nil"; manifest "$m" mig_nil; mkdir -p "$m/migrations"
printf -- '-- assumes a field an empty storage does not have\nreturn function(st)\n  for _, v in ipairs(st.history) do v.year = 1958 end\nend\n' \
    >"$m/migrations/001_years.lua"
check 1 "a migration that fails on an empty storage" "$m"
grep -q "mig_nil/migrations/001_years.lua:3: .*nil" "$dir/out" || fail "a failing migration: $(cat "$dir/out")"

m="$dir/mig_returns"; manifest "$m" mig_returns; mkdir -p "$m/migrations"
printf 'return function(st) return st end\n' >"$m/migrations/001_returns.lua"
check 1 "a migration that returns its table" "$m"
grep -q "mig_returns/migrations/001_returns.lua:1: a migration changes the storage table it is given and returns nothing" \
    "$dir/out" || fail "a migration that returns: $(cat "$dir/out")"

# A good one, on storage the mod keeps: no problem. Its event fills the
# storage the migration then sees at the sample months.
m="$dir/mig_good"; manifest "$m" mig_good; mkdir -p "$m/migrations" "$m/events" "$m/locale"
cat >"$m/events/keeper.lua" <<'LUA'
return { id = "keeper", trigger = function(s)
  storage.history = storage.history or {}
  table.insert(storage.history, { month = s.month })
  return false
end, options = { { id = "ok" } } }
LUA
printf 'return { ["event.keeper.title"] = "Keeper", ["event.keeper.text"] = "Keeps", ["event.keeper.option.ok"] = "OK" }\n' >"$m/locale/en.lua"
printf 'return { ["event.keeper.title"] = "记录", ["event.keeper.text"] = "记录", ["event.keeper.option.ok"] = "好" }\n' >"$m/locale/zh.lua"
printf 'return function(st)\n  assert(st.history == nil or #st.history > 0)\n  for _, v in ipairs(st.history or {}) do v.year = v.year or 1958 end\nend\n' >"$m/migrations/001_years.lua"
check 0 "a good migration" "$m"

# ---- A syntax error under a long path: one line, the whole path ----
long="$dir/a_very_long_folder_name_for_a_mod_that_someone_keeps_deep/another_long_folder_name_here/and_more/syntax_mod"
manifest "$long" syntax_mod; mkdir -p "$long/events"
printf 'return {\n  id = "broken",\n  options = { { id = "a" }\n' >"$long/events/broken.lua"
check 1 "a syntax error under a long path" "$long"
[ "$(grep -c "broken.lua:4:" "$dir/out")" = 1 ] || fail "a syntax error under a long path: not once: $(cat "$dir/out")"
grep -q "^$long/events/broken.lua:4: '}' expected" "$dir/out" || fail "a syntax error under a long path: $(cat "$dir/out")"

# ---- An option label of 5,000 characters ----
for kind in short long; do
    m="$dir/label_$kind"; mkdir -p "$m/events" "$m/locale"
    printf 'return { id = "label_test", name = "Label", version = "1.0.0", api_version = 1, languages = { "en", "zh" } }\n' \
        >"$m/mod.lua"
    # February 1958: a month no event of the base game is dated in.
    # February 1958: no event of the base game is dated then, so the card is the mod's.
    printf 'return { id = "labelled", when = { date = "1958-02" }, options = { { id = "read", historical = true } } }\n' \
        >"$m/events/labelled.lua"
    if [ "$kind" = long ]; then
        label=$(awk 'BEGIN { for (i = 0; i < 500; i++) printf "Read it all "; }')
    else
        label="Read it"
    fi
    printf 'return { ["event.labelled.title"] = "A label", ["event.labelled.text"] = "Its option has a label.", ["event.labelled.option.read"] = "%s" }\n' \
        "$label" >"$m/locale/en.lua"
    cp "$m/locale/en.lua" "$m/locale/zh.lua"
    timeout 120 "$bin" --screenshot "$dir/$kind.png" --screen event --at 1958-02 --lang en --size 1440x900 \
        --mods "$m" --no-user-mods >"$dir/out" 2>&1 || fail "the card with a $kind label: $(cat "$dir/out")"
done
# The card is 760 logical pixels wide in the middle of the screen: at
# 1440 x 900 (a UI scale of 1.125) columns 292 to 1153 with its shadow.
# Left of column 280 and from column 1165 on, the two shots are the same.
"$compare" "$dir/short.png" "$dir/long.png" "$dir/label-diff.png" --outside-columns 280 1165 >"$dir/out" 2>&1 ||
    fail "a 5,000-character label reaches out of the card: $(cat "$dir/out") (see $dir/label-diff.png)"
# And it is not simply the same picture: the label is drawn.
"$compare" "$dir/short.png" "$dir/long.png" "$dir/any-diff.png" --outside-columns 0 0 >/dev/null 2>&1 &&
    fail "the long label drew nothing"

[ "$failures" -eq 0 ] && echo "check mods: all checks passed"
exit "$failures"
