#!/bin/sh
# The committed API reference (docs/api) must be what --api-dump writes now:
# it is generated from the engine's API list and core.h, so a change there
# without regenerating the docs fails here.
# Usage: test_api_docs.sh path/to/greatleap docs/api scratch-folder
set -u
bin=$1; committed=$2; dir=$3
rm -rf "$dir" && mkdir -p "$dir"
"$bin" --api-dump "$dir" --quiet || { echo "FAIL: --api-dump failed"; exit 1; }
failures=0
for f in api.md api.json greatleap.d.lua; do
    [ -s "$dir/$f" ] || { echo "FAIL: --api-dump wrote no $f"; failures=$((failures + 1)); continue; }
    if ! cmp -s "$dir/$f" "$committed/$f"; then
        echo "FAIL: $committed/$f is stale; regenerate it with: greatleap --api-dump docs/api"
        diff -u "$committed/$f" "$dir/$f" | head -20
        failures=$((failures + 1))
    fi
done
# The documents hold what they promise.
grep -q '^| `enact` | method | `fx:enact(policy_id)`' "$dir/api.md" || { echo "FAIL: api.md lacks fx:enact"; failures=$((failures + 1)); }
grep -q '"name": "yield_mult", "scope": "province"' "$dir/api.json" || { echo "FAIL: api.json lacks the levers"; failures=$((failures + 1)); }
grep -q '^function State:policy_active(policy_id) end$' "$dir/greatleap.d.lua" || { echo "FAIL: greatleap.d.lua lacks State:policy_active"; failures=$((failures + 1)); }
[ "$failures" -eq 0 ] && echo "api docs: up to date"
exit "$failures"
