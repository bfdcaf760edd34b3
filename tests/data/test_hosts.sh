#!/bin/sh
# Nothing under assets/ names a host of doubtful standing (issue 11): no host
# on denied_hosts.txt appears anywhere, and every web address is on
# allowed_hosts.txt. And no citation names "seed", the internal name of the
# textbook chapter the game was first written from.
# Usage: test_hosts.sh REPOSITORY, or test_hosts.sh --self-test (the check
# must catch a planted denied host, an unlisted address and a "seed" citation).
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = --self-test ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/assets/data" "$tmp/scripts" "$tmp/engine/ui"
    echo "name,value,unit,kind,source,note" > "$tmp/assets/data/params.csv"
    for plant in "read on www.cchere.com" "see https://example.invalid/x" "sources = { \"seed\" }"; do
        rm -f "$tmp/assets/note.md" "$tmp/scripts/x.lua"
        case $plant in
            sources*) echo "$plant" > "$tmp/scripts/x.lua" ;;
            *) echo "$plant" > "$tmp/assets/note.md" ;;
        esac
        if sh "$0" "$tmp" 2>/dev/null; then
            echo "self-test: '$plant' was not caught" >&2
            exit 1
        fi
    done
    echo "self-test: every planted fault was caught"
    exit 0
fi
root=${1:?repository}
fail=0
comment() { grep -v '^#' "$1" | grep -v '^$'; }

# 1. Denied hosts, anywhere in any text file of assets/ (fonts and pictures
#    are binary and skipped by -I).
for host in $(comment "$here/denied_hosts.txt"); do
    found=$(grep -rIil -- "$host" "$root/assets" 2>/dev/null)
    if [ -n "$found" ]; then
        echo "denied host '$host' in: $found" >&2
        fail=1
    fi
done

# 2. Every address's host is allowed (exactly, or under an allowed ".suffix").
allowed=$(comment "$here/allowed_hosts.txt")
hosts=$(grep -rIohE 'https?://[^/[:space:]<>)"|,]+' "$root/assets" | sed -E 's#^https?://##; s#[.]$##' | sort -u)
for h in $hosts; do
    ok=0
    for a in $allowed; do
        case $a in
            .*) case $h in *"$a") ok=1 ;; esac ;;
            *) [ "$h" = "$a" ] && ok=1 ;;
        esac
        [ $ok = 1 ] && break
    done
    if [ $ok = 0 ]; then
        echo "address on a host not in allowed_hosts.txt: $h" >&2
        grep -rIl -- "$h" "$root/assets" | sed 's/^/    in /' >&2
        fail=1
    fi
done

# 3. "seed" is cited nowhere: not in any sources list, not in the interface's
#    citations, not in the parameters' source column.
if grep -rn '"seed"' "$root/scripts" "$root/engine/ui" >&2; then
    echo 'a citation names "seed"' >&2
    fail=1
fi
if cut -d, -f5 "$root/assets/data/params.csv" | grep -qw seed; then
    echo 'params.csv cites "seed"' >&2
    fail=1
fi

[ $fail = 0 ] && echo "assets/: no denied host, every address allowed, no citation of 'seed'"
exit $fail
