#!/usr/bin/env bash
# Kiosk escape under Xvfb with a window manager (openbox): the full-screen
# kiosk, a worker in the middle of a timed test, then Escape, Alt+F4 (which
# openbox turns into the close request the title bar's close button sends)
# and Alt+Tab to another window. After each the kiosk must still run and be
# the active window. Then SIGTERM: the kiosk exits with status 0 within 5 s,
# the store passes integrity_check, the answers are kept and the attempt is
# left open for the restart to resume.
# Exit 77 (skipped) when Xvfb, openbox, xdotool, xmessage or sqlite3 is missing.
set -euo pipefail
kiosk=$1
make_bank=$2
export LANG=C.UTF-8

for tool in Xvfb openbox xdotool xmessage sqlite3; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (scripts/install-deps.sh installs it)"
    exit 77
  fi
done

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; cat "$work/kiosk.log" 2>/dev/null || true; exit 1; }
failures=0

exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$work/display")"
openbox >"$work/openbox.log" 2>&1 &
pids+=($!)
sleep 1

data="$work/data"
mkdir -p "$data"
"$make_bank" "$data/bank.db" >/dev/null
"$kiosk" --data-dir "$data" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
pids+=("$kiosk_pid")
for _ in $(seq 100); do grep -q first-frame "$work/kiosk.log" && break; sleep 0.1; done
grep -q first-frame "$work/kiosk.log" || fail "the kiosk drew no frame"
sleep 0.5
win=$(xdotool search --pid "$kiosk_pid" | head -n1)
[ -n "$win" ] || fail "no kiosk window"

tap() { xdotool mousemove "$1" "$2" click 1; sleep 0.7; }
sql() { sqlite3 "$data/kiosk.db" "$1"; }
attended() {
  kill -0 "$kiosk_pid" 2>/dev/null || fail "$1 ended the kiosk"
  local active
  active=$(xdotool getactivewindow 2>/dev/null || echo none)
  if [ "$active" != "$win" ]; then
    # Go on to the SIGTERM check; the run fails at the end.
    echo "FAIL: after $1 the active window is $active ($(xdotool getwindowname "$active" 2>/dev/null)), not the kiosk ($win)"
    failures=$((failures + 1))
    xdotool windowactivate --sync "$win" 2>/dev/null || true
    return
  fi
  echo "ok: $1 leaves the kiosk running and active"
}

# A worker in a timed test, two answers given (places of the 1920x1080
# screens: the enterprise, its first team, the name field, sign in, the timed
# test, option A, submit).
tap 960 800; tap 471 328; tap 471 700
xdotool type --delay 60 1001; sleep 0.4
tap 1430 845; xdotool type --delay 60 "Li Na"; sleep 0.4
tap 1619 998             # sign in
tap 494 250              # timed test
for _ in 1 2; do tap 494 320; tap 1619 998; done
answers=$(sql "SELECT COUNT(*) FROM events WHERE kind = 'scored'")
[ "$answers" = 2 ] || fail "expected 2 answers before the escapes, got $answers"

xdotool key Escape; sleep 1; attended "Escape"
xdotool key alt+F4; sleep 1; attended "Alt+F4 (the close request)"
xmessage -geometry +0+0 "another program" &
pids+=($!)
sleep 1
xdotool windowactivate --sync "$win" 2>/dev/null || true
xdotool key alt+Tab; sleep 1; attended "Alt+Tab"

# SIGTERM: a clean exit, for the supervisor to restart.
kill -TERM "$kiosk_pid"
status=""
for _ in $(seq 50); do
  if ! kill -0 "$kiosk_pid" 2>/dev/null; then
    wait "$kiosk_pid" && status=0 || status=$?
    break
  fi
  sleep 0.1
done
[ -n "$status" ] || fail "the kiosk was still running 5 s after SIGTERM"
[ "$status" = 0 ] || fail "SIGTERM: exit status $status"
echo "ok: SIGTERM ends the kiosk with status 0"
[ "$(sql "PRAGMA integrity_check")" = ok ] || fail "integrity_check after SIGTERM"
[ "$(sql "SELECT COUNT(*) FROM events WHERE kind = 'scored'")" = 2 ] || fail "answers lost at SIGTERM"
[ "$(sql "SELECT COUNT(*) FROM attempts WHERE finished_at IS NULL")" = 1 ] || fail "the attempt was not left to resume"
echo "ok: after SIGTERM the store is whole, 2 answers kept, the attempt open to resume"
[ "$failures" = 0 ] || { echo "FAIL: $failures escape(s) left the kiosk unattended"; exit 1; }
