#!/usr/bin/env bash
# `make run`: start the kiosk on this machine's screen, windowed for a first
# look (the installed kiosk runs full screen and locked down).
# `make run APP=console`: start the organiser console instead.
set -euo pipefail
build=${1:-build}
shift || true
app=${APP:-kiosk}
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
没有找到显示器（DISPLAY 未设置），无法打开窗口。请在桌面环境中运行 make run。
No display found (DISPLAY is not set): the kiosk and the console need a screen. Run `make run` from a desktop session.
The command-line tool works without one: build/bin/ankang --help
MSG
  exit 1
fi
case "$app" in
  # The console keeps its workspace in $XDG_DATA_HOME/ankang/console.
  console) exec "$build/bin/ankang-console" "$@" ;;
  # The kiosk keeps its store in $XDG_DATA_HOME/ankang, like the installed one.
  kiosk) exec "$build/bin/ankang-kiosk" --windowed "$@" ;;
  *) echo "APP=$app: 应为 kiosk 或 console / should be kiosk or console" >&2; exit 2 ;;
esac
