#!/bin/sh
# The manual page and the bash completion that the build writes from
# --help (packaging/from-help.sh): every option is in both, the page renders
# without a warning, and the completion offers options, folders, files and
# the values that --help lists.
# Usage: test_man_completion.sh greatleap greatleap.man greatleap.bash scratch-dir
set -u
bin=$1
man=$2
completion=$3
dir=$4
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
rm -rf "$dir" && mkdir -p "$dir/runs" "$dir/saves" || exit 1
touch "$dir/what-if.lua" "$dir/history.lua"

options=$("$bin" --help | awk '/^  --/ { print $1 }')
[ -n "$options" ] || fail "--help lists no option"
for opt in $options; do
    roff=$(printf '%s' "$opt" | sed 's/-/\\-/g')
    grep -qF "\\fB$roff\\fR" "$man" || fail "man page: no $opt"
done
grep -q '^\.TH GREATLEAP 6 ' "$man" || fail "man page: no .TH line for section 6"
grep -q '^\.SH COPYRIGHT' "$man" || fail "man page: no COPYRIGHT section"
grep -q 'MIT' "$man" || fail "man page: the licence is missing"
if command -v man >/dev/null 2>&1; then
    # As lintian checks manual pages.
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$man" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man page: $warnings"
else
    echo "SKIP: man is not installed (apt install man-db)"
fi

# What the completion offers for a command line whose last word is being
# completed, one word a line, sorted.
complete_line() {
    (cd "$dir" && bash -c '
        compopt() { :; }   # only works while bash itself completes
        . "$1"
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        _greatleap
        printf "%s\n" "${COMPREPLY[@]}" | sort' sh "$completion" "$@")
}
expect() { # expected-words command-line...
    want=$1
    shift
    got=$(complete_line "$@" | tr '\n' ' ' | sed 's/ $//')
    [ "$got" = "$want" ] || fail "completing '$*': '$got', wanted '$want'"
}
expect "--lang" greatleap --la
expect "en zh" greatleap --lang ""
expect "death_rate" greatleap --map-mode de
expect "accelerated software" greatleap --renderer ""
expect "reckoning reckoning-decisions reckoning-history" greatleap --screen reck
expect "historical history.lua" greatleap --choices hist
expect "runs saves" greatleap --out ""
expect "runs" greatleap --check-mods saves r
expect "--test-mods" greatleap --check-mods saves --test
expect "what-if.lua" greatleap --kiosk-config wh
expect "" greatleap --seed ""
[ "$(complete_line greatleap -- | sort)" = "$(printf '%s\n' "$options" | sort)" ] ||
    fail "completing '--': not every option of --help"

[ "$failures" -eq 0 ] && echo "man page and completion: all checks passed"
exit "$failures"
