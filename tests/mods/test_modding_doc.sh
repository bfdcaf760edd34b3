#!/bin/sh
# Runs every code example of docs/modding.md. Each ```lua block starts with a
# comment naming its file ("-- my_first_mod/mod.lua"); the blocks are written
# into a scratch folder in order, and the mods there are checked with
# --check-mods and tested with --test-mods whenever a block is about to
# replace a file (so every version of a file is run) and at the end.
# Usage: test_modding_doc.sh path/to/greatleap docs/modding.md scratch-folder
set -u
bin=$1; doc=$2; dir=$3
rm -rf "$dir" && mkdir -p "$dir/blocks" "$dir/mods" && dir=$(cd "$dir" && pwd)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

awk -v out="$dir/blocks" '
    /^```lua[ \t]*$/ { inside = 1; n++; first = 1; next }
    /^```/ && inside { inside = 0; close(out "/" n ".lua"); next }
    inside && first {
        first = 0
        if ($0 !~ /^-- [A-Za-z0-9_\/.]+\.lua$/) {
            printf "line %d: a lua block must start with a comment naming its file, like -- my_mod/mod.lua\n", NR
            bad = 1
        }
        print substr($0, 4) > (out "/" n ".path")
        close(out "/" n ".path")
    }
    inside { print > (out "/" n ".lua") }
    END { print n + 0 > (out "/count"); exit bad }
' "$doc" || fail "docs/modding.md has a lua block without its file name"

count=$(cat "$dir/blocks/count")
[ "$count" -ge 10 ] || fail "only $count lua blocks found in $doc"

checkpoint() { # why
    mods=$(find "$dir/mods" -mindepth 1 -maxdepth 1 -type d | sort)
    # shellcheck disable=SC2086
    if ! "$bin" --check-mods $mods >"$dir/check.out" 2>&1; then
        fail "--check-mods $1:"; cat "$dir/check.out"
    elif [ -s "$dir/check.out" ]; then
        fail "--check-mods $1 succeeded but was not silent, as the doc says it is:"; cat "$dir/check.out"
    fi
    # shellcheck disable=SC2086
    if ! "$bin" --test-mods $mods >"$dir/test.out" 2>&1; then
        fail "--test-mods $1:"; cat "$dir/test.out"
    fi
    checkpoints=$((checkpoints + 1))
}

checkpoints=0
i=1
while [ "$i" -le "$count" ]; do
    path=$(cat "$dir/blocks/$i.path")
    dest="$dir/mods/$path"
    [ -e "$dest" ] && checkpoint "before block $i replaces $path"
    mkdir -p "$(dirname "$dest")"
    cp "$dir/blocks/$i.lua" "$dest"
    # A block of an example mod quotes its file exactly (after the line naming it).
    example="$(dirname "$doc")/examples/$path"
    case "$path" in relief_watch/*)
        tail -n +2 "$dir/blocks/$i.lua" | cmp -s - "$example" || fail "block $i differs from $example"
    esac
    i=$((i + 1))
done
checkpoint "with every block written"
# The output section 5 shows: the tutorial's mod with the lever misspelt
# and the Chinese title left out, checked from the folder holding it.
awk '/^## 5\./ { in5 = 1 } /^## 6\./ { in5 = 0 }
     in5 && /^```text/ { inside = 1; next } inside && /^```/ { exit } inside { print }' "$doc" >"$dir/shown.out"
[ -s "$dir/shown.out" ] || fail "section 5 of $doc shows no --check-mods output"
rm -rf "$dir/broken" && mkdir -p "$dir/broken" && cp -R "$dir/mods/my_first_mod" "$dir/broken/"
sed -i 's/report_inflation/report_inflaton/' "$dir/broken/my_first_mod/events/lian_county_rice.lua"
sed -i '/event.lian_county_rice.title/d' "$dir/broken/my_first_mod/locale/zh.lua"
if (cd "$dir/broken" && "$bin" --check-mods my_first_mod >"$dir/broken.out" 2>/dev/null); then
    fail "--check-mods passed a mod with a misspelt lever"
fi
diff -u "$dir/shown.out" "$dir/broken.out" || fail "--check-mods does not print what section 5 of $doc shows"
[ "$checkpoints" -ge 2 ] || fail "expected files to be replaced in the tutorial (checkpoints: $checkpoints)"

[ "$failures" -eq 0 ] && echo "modding.md: $count lua blocks, checked and tested at $checkpoints points"
exit "$failures"
