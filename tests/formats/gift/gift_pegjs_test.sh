#!/usr/bin/env bash
# The GIFT export read by gift-pegjs, a parser that shares no code with Ankang:
# a fixture bank of every type GIFT carries (compared question by question
# with Ankang's JSON export of the same bank), then the starter bank (count).
# Fails, never skips, when gift-pegjs is not installed.
# Usage: gift_pegjs_test.sh ANKANG_BINARY
set -euo pipefail

ankang="$1"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
modules="$root/.cache/gift-pegjs/node_modules"

if [ ! -f "$modules/gift-pegjs/package.json" ]; then
  "$root/scripts/install-gift-pegjs.sh" --offline ||
    { echo "FAIL: gift-pegjs is not installed in $modules and npm's cache does not have it; run scripts/install-deps.sh" >&2; exit 1; }
fi
export NODE_PATH="$modules"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export LANG=C LC_ALL= LC_MESSAGES=

"$ankang" bank import --db fixture.db "$here/fixture_bank.json"
"$ankang" bank export --db fixture.db --format gift -o fixture.gift
"$ankang" bank export --db fixture.db --format json -o fixture.json
node "$here/check_gift.js" fixture.gift fixture.json

"$ankang" bank init --db starter.db
"$ankang" bank export --db starter.db --format gift --skip-unsupported -o starter.gift | tee export.log
# The questions GIFT carries, as Ankang reads its own file back, in the file's order.
"$ankang" bank import --db readback.db starter.gift
"$ankang" bank export --db readback.db --format json -o readback.json
exported="$(sed -n 's/^\([0-9]*\) questions exported.*/\1/p' export.log)"
node -e '
  const n = JSON.parse(require("fs").readFileSync("readback.json", "utf8")).questions.length;
  if (n !== Number(process.argv[1])) { console.error(`FAIL: ${process.argv[1]} questions exported, ${n} read back`); process.exit(1); }
' "$exported"
node "$here/check_gift.js" starter.gift readback.json
