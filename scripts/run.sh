#!/usr/bin/env bash
# `make run`: start the kiosk when it is built, else the CLI demo.
set -euo pipefail
build=${1:-build}
if [ -x "$build/bin/ankang-kiosk" ]; then
  exec "$build/bin/ankang-kiosk" "${@:2}"
fi
exec "$build/bin/ankang" demo "${@:2}"
