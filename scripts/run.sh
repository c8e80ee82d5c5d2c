#!/usr/bin/env bash
# `make run`: start the kiosk on this machine's screen, windowed for a first
# look (the installed kiosk runs full screen and locked down).
set -euo pipefail
build=${1:-build}
shift || true
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
没有找到显示器（DISPLAY 未设置），无法打开答题终端。请在桌面环境中运行 make run。
No display found (DISPLAY is not set): the kiosk needs a screen. Run `make run` from a desktop session.
The command-line tool works without one: build/bin/ankang --help
MSG
  exit 1
fi
# The kiosk keeps its store in $XDG_DATA_HOME/ankang, like the installed one.
exec "$build/bin/ankang-kiosk" --windowed "$@"
