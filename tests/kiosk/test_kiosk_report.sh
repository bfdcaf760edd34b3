#!/bin/sh
# The curator's report (issue 15): greatleap --kiosk-report LOGDIR reads
# kiosk.log and its rotated copies, oldest first, and writes
# kiosk-sessions.csv and kiosk-summary.txt. A log written by hand (two days,
# a session split across a rotation, a visitor who walked away, one who
# switched language, a restart mid-session) must give exactly these rows
# and shares; nothing but dates, times, durations, screens and options may
# reach the report.
#
# Usage: test_kiosk_report.sh GREATLEAP WORKDIR
set -eu
game=$1
work=$2
rm -rf "$work"
mkdir -p "$work/log" "$work/out"
fail() { echo "FAIL: $*"; exit 1; }

# The older file: the first day, and a session that goes on in kiosk.log.
cat > "$work/log/kiosk.log.1" <<'LOG'
2026-03-01T09:00:00.000+08:00 INFO started: 0.1.0, log /home/kiosk/.local/state/greatleap/kiosk.log
2026-03-01T09:00:00.001+08:00 INFO visitors start in zh
2026-03-01T09:00:00.500+08:00 INFO screen attract
2026-03-01T09:10:00.000+08:00 INFO screen intro primary 1 2 3 4
2026-03-01T09:10:05.000+08:00 INFO screen game
2026-03-01T09:10:20.000+08:00 INFO card communes_are_good options 1 2 3 4
2026-03-01T09:10:30.000+08:00 INFO chose communes_are_good communes_everywhere (touch)
2026-03-01T09:10:40.000+08:00 INFO reveal over (touch)
2026-03-01T09:11:00.000+08:00 INFO chose lushan heed_peng (timeout)
2026-03-01T09:12:00.000+08:00 INFO screen ending primary 1 2 3 4
2026-03-01T09:12:30.000+08:00 INFO screen attract
2026-03-01T17:00:00.000+08:00 INFO screen intro primary 1 2 3 4
2026-03-01T17:00:10.000+08:00 INFO language en
2026-03-01T17:00:20.000+08:00 INFO chose communes_are_good communes_slowly (touch)
LOG
cat > "$work/log/kiosk.log" <<'LOG'
2026-03-01T17:01:20.000+08:00 INFO chose lushan purge_peng (touch)
2026-03-01T17:02:00.000+08:00 INFO screen ending primary 1 2 3 4
2026-03-01T17:02:40.000+08:00 INFO screen attract
2026-03-02T10:00:00.000+08:00 INFO screen intro primary 1 2 3 4
2026-03-02T10:00:30.000+08:00 INFO chose communes_are_good communes_everywhere (touch)
2026-03-02T10:01:30.000+08:00 INFO idle for 60 s: back to the attract loop
2026-03-02T10:01:30.001+08:00 INFO screen attract
2026-03-02T11:00:00.000+08:00 INFO screen intro primary 1 2 3 4
2026-03-02T11:00:50.000+08:00 INFO chose communes_are_good communes_everywhere (timeout)
2026-03-02T11:01:00.000+08:00 INFO started: 0.1.0, log /home/kiosk/.local/state/greatleap/kiosk.log
not a log line at all
LOG

"$game" --kiosk-report "$work/log" --out "$work/out" > "$work/stdout.txt" || fail "--kiosk-report failed"
csv=$work/out/kiosk-sessions.csv
txt=$work/out/kiosk-summary.txt
[ -f "$csv" ] && [ -f "$txt" ] || fail "the CSV or the summary is missing"
cat > "$work/want.csv" <<'CSV'
session,date,start,seconds,reached_ending,answered_by_touch,timed_out,language,choices
1,2026-03-01,09:10,150,yes,1,1,zh,communes_are_good=communes_everywhere;lushan=heed_peng
2,2026-03-01,17:00,160,yes,2,0,en,communes_are_good=communes_slowly;lushan=purge_peng
3,2026-03-02,10:00,30,no,1,0,zh,communes_are_good=communes_everywhere
4,2026-03-02,11:00,50,no,0,1,zh,communes_are_good=communes_everywhere
CSV
diff -u "$work/want.csv" "$csv" || fail "kiosk-sessions.csv is not as expected"
for want in "Sessions: 4" "Reached the ending: 2 (50 %)" "Left before the ending: 2" \
    "  2026-03-01         2         2" "  2026-03-02         2         0" \
    "  communes_are_good (4 answers)" "communes_everywhere                     3   75.0 %  (2 by touch)" \
    "communes_slowly                         1   25.0 %  (1 by touch)" "  lushan (2 answers)" \
    "1 not read"; do
    grep -qF "$want" "$txt" || fail "the summary lacks '$want'"
done
# Time spent: (150 + 160 + 30 + 50) / 4 s = 1.6 minutes; 155 s = 2.6 for the two who finished.
grep -qF "Time spent: 1.6 minutes a session on average; 2.6 minutes for those who reached the ending" "$txt" ||
    fail "the time spent is wrong: $(grep 'Time spent' "$txt")"
# No personal data: nothing from the log's paths or screen coordinates.
if grep -q "/home\|primary\|kiosk.log" "$csv"; then fail "the CSV carries more than the sessions"; fi
# A folder without a log is an error, not an empty report.
if "$game" --kiosk-report "$work/out" --out "$work/none" 2>/dev/null; then fail "no kiosk.log, yet status 0"; fi
echo "ok: 4 sessions, 2 days, shares and times as computed by hand"
