#!/bin/sh
# Configuration files (issue 13). The museum kiosk fails closed: a
# configuration named on the command line that is missing, or any file
# with a bad line (an unknown key, a value out of range, an exit chord
# whose key does not exist), keeps it from starting, with exit status 2,
# every problem on stderr with path:line, and a line in the kiosk's log;
# without a file of its own it starts on the defaults and says so in its
# log. The player's settings report every bad line and check every value's
# range, and the good lines still apply.
# Usage: test_fail_closed.sh path/to/greatleap scratch-folder
set -u
bin=$1
dir=$2
rm -rf "$dir" && mkdir -p "$dir"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
export SDL_VIDEODRIVER=dummy XDG_STATE_HOME="$dir/state" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
log="$dir/state/greatleap/kiosk.log"

# The kiosk runs one visitor session offscreen on a virtual clock (--soak 1).
kiosk() { # expected-status description [config-file]
    want=$1; what=$2; shift 2
    rm -f "$log"
    if [ $# -gt 0 ]; then
        timeout 120 "$bin" --kiosk --kiosk-config "$1" --soak 1 --size 800x500 >"$dir/out" 2>"$dir/err"
    else
        timeout 120 "$bin" --kiosk --soak 1 --size 800x500 >"$dir/out" 2>"$dir/err"
    fi
    got=$?
    [ "$got" = "$want" ] || fail "$what: exit $got, wanted $want ($(head -c 500 "$dir/err"))"
}

kiosk 2 "a named configuration that is missing" "$dir/missing.ini"
grep -q "missing.ini: No such file" "$dir/err" || fail "missing configuration: $(cat "$dir/err")"
grep -q "kiosk: refused to start" "$dir/err" || fail "missing configuration: not refused: $(cat "$dir/err")"
grep -q "ERROR refused to start: .*missing.ini" "$log" 2>/dev/null || fail "missing configuration: no line in the log"
grep -q "soak: start" "$dir/out" && fail "missing configuration: the kiosk ran anyway"

cat >"$dir/bad.ini" <<'INI'
# every line below but the PIN is wrong
exit_chord = ctrl+alt+nosuchkey
idle_seconds = 4294967396
month_ms = 10
language = fr
colour = red
this line has no equals sign
exit_pin = 90731
exit_chord = ctrl+a+b
INI
kiosk 2 "a configuration with bad lines" "$dir/bad.ini"
for want in "bad.ini:2: exit_chord must be" "bad.ini:3: idle_seconds must be a whole number from 10 to 3600, not '4294967396'" \
    "bad.ini:4: month_ms must be" "bad.ini:5: language must be en or zh" "bad.ini:6: unknown key 'colour'" \
    "bad.ini:7: expected key = value" "bad.ini:9: exit_chord must be"; do
    grep -q -- "$want" "$dir/err" || fail "bad lines: no '$want' in: $(cat "$dir/err")"
done
grep -q "bad.ini:8" "$dir/err" && fail "bad lines: the good PIN line was reported"
grep -q "ERROR refused to start" "$log" 2>/dev/null || fail "bad lines: no line in the log"

# The keys of issue 15: a decision asked from a month, the reveal's time,
# large text and high contrast; a decision that no event has.
cat >"$dir/bad15.ini" <<'INI'
key_events = lushan@1957-01
reveal_seconds = 2
large_text = maybe
high_contrast = yes
key_events = lushan, lushan
INI
kiosk 2 "a configuration with bad issue-15 lines" "$dir/bad15.ini"
for want in "bad15.ini:1: key_events: 'lushan@1957-01' is not an event id" \
    "bad15.ini:2: reveal_seconds must be a whole number from 3 to 600" "bad15.ini:3: large_text must be on or off" \
    "bad15.ini:4: high_contrast must be on or off" "bad15.ini:5: key_events: 'lushan' is listed twice"; do
    grep -q -- "$want" "$dir/err" || fail "issue-15 lines: no '$want' in: $(cat "$dir/err")"
done
printf 'key_events = no_such_event\n' >"$dir/no_event.ini"
kiosk 2 "a decision no event has" "$dir/no_event.ini"
grep -q "refused to start: key_events: there is no event 'no_such_event'" "$dir/err" ||
    fail "a decision no event has: $(cat "$dir/err")"
grep -q "ERROR refused to start: .*no_such_event" "$log" 2>/dev/null || fail "a decision no event has: no line in the log"
printf 'key_events = lushan@1959-07, granaries\nlarge_text = on\nhigh_contrast = on\nreveal_seconds = 5\n' \
    >"$dir/good15.ini"
kiosk 0 "a good configuration with the issue-15 keys" "$dir/good15.ini"

printf 'exit_chord = q\n' >"$dir/no_modifier.ini"
kiosk 2 "an exit chord without ctrl, alt or shift" "$dir/no_modifier.ini"

# A good file, and no file at all: the kiosk starts.
printf 'exit_chord = ctrl+alt+shift+x\nexit_pin = 90731\nidle_seconds = 30\n' >"$dir/good.ini"
kiosk 0 "a good configuration" "$dir/good.ini"
grep -q "no kiosk.ini" "$log" 2>/dev/null && fail "a good configuration: the log says there is none"
kiosk 0 "no configuration file"
grep -q "no kiosk.ini: every default applies, the published exit PIN too" "$log" 2>/dev/null ||
    fail "no configuration file: the log does not say the defaults apply: $(cat "$log" 2>/dev/null)"
# The default file, present and bad, is refused too.
mkdir -p "$dir/config/greatleap"
printf 'idle_seconds = 5\n' >"$dir/config/greatleap/kiosk.ini"
kiosk 2 "a bad default configuration"
grep -q "kiosk.ini:1: idle_seconds must be" "$dir/err" || fail "a bad default configuration: $(cat "$dir/err")"
rm "$dir/config/greatleap/kiosk.ini"

# The player's settings: every bad line reported, the good ones applied.
cat >"$dir/config/greatleap/settings.ini" <<'INI'
language = zh
ui_scale = 4294967396
speed = 9
fullscreen = 2
nonsense
ui_scale = 80
INI
timeout 120 "$bin" --screenshot "$dir/shot.png" --size 800x500 >"$dir/out" 2>"$dir/err"
[ $? = 0 ] || fail "bad settings: the screenshot failed: $(cat "$dir/err")"
for want in "settings.ini:2: ignored 'ui_scale = 4294967396'" "settings.ini:3: ignored 'speed = 9'" \
    "settings.ini:4: ignored 'fullscreen = 2'" "settings.ini:5: expected key = value"; do
    grep -q -- "$want" "$dir/err" || fail "bad settings: no '$want' in: $(cat "$dir/err")"
done
[ "$(grep -c "greatleap: settings:" "$dir/err")" = 4 ] || fail "bad settings: not one line per bad line: $(cat "$dir/err")"

[ "$failures" -eq 0 ] && echo "fail closed: all checks passed"
exit "$failures"
