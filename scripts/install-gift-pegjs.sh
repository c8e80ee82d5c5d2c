#!/usr/bin/env bash
# Installs gift-pegjs, the independent GIFT parser the tests read the GIFT
# export with (tests/formats/gift), into .cache/gift-pegjs of the source tree.
# Idempotent: does nothing when the locked version is there already.
#   scripts/install-gift-pegjs.sh            from the npm registry
#   scripts/install-gift-pegjs.sh --offline  from npm's own cache only
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
spec="$root/tests/formats/gift"
dest="$root/.cache/gift-pegjs"

if [ -f "$dest/node_modules/gift-pegjs/package.json" ] && cmp -s "$spec/package-lock.json" "$dest/package-lock.json"; then
  exit 0
fi
mkdir -p "$dest"
cp "$spec/package.json" "$spec/package-lock.json" "$dest/"
echo "Installing gift-pegjs into $dest" >&2
(cd "$dest" && npm ci --no-audit --no-fund --loglevel=error "$@")
