#!/usr/bin/env bash
# The kiosk as systemd runs it (Type=notify, WatchdogSec=): a Python stand-in
# for systemd's notify socket records what the kiosk sends. Checks READY=1,
# WATCHDOG=1 pings while the kiosk sits idle, and that SIGTERM saves and exits
# with status 0 (the store is closed: SQLite's -wal file is gone).
# Exit 77 (skipped) without Xvfb or Python.
set -euo pipefail
kiosk=$1
command -v Xvfb >/dev/null && command -v python3 >/dev/null || { echo "SKIP: needs Xvfb and python3"; exit 77; }

work=$(mktemp -d)
xvfb_pid=""; kiosk_pid=""; listener_pid=""
cleanup() {
  for p in $kiosk_pid $listener_pid $xvfb_pid; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- kiosk log"; cat "$work/kiosk.log" || true; echo "--- notify"; cat "$work/notify.log" || true; exit 1; }

Xvfb -displayfd 3 -screen 0 1280x800x24 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"

sock="$work/notify.sock"
python3 - "$sock" "$work/notify.log" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
start = time.monotonic()
with open(sys.argv[2], "a", buffering=1) as log:
    while True:
        msg = s.recv(4096).decode()
        for line in msg.splitlines():
            log.write(f"{time.monotonic() - start:.3f} {line}\n")
PY
listener_pid=$!
for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
: >"$work/notify.log"

data="$work/data"
NOTIFY_SOCKET=$sock WATCHDOG_USEC=1000000 "$kiosk" --windowed --size 1280x800 --data-dir "$data" \
  >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
for _ in $(seq 300); do grep -q "READY=1" "$work/notify.log" && break; sleep 0.1; done
grep -q "READY=1" "$work/notify.log" || fail "no READY=1"
echo "ok: READY=1"

# Idle for 3 s: a 1 s watchdog needs a ping at least every second.
before=$(grep -c "WATCHDOG=1" "$work/notify.log" || true)
sleep 3
after=$(grep -c "WATCHDOG=1" "$work/notify.log" || true)
pings=$((after - before))
[ "$pings" -ge 3 ] || fail "only $pings WATCHDOG=1 in 3 s of idle (1 s watchdog)"
echo "ok: $pings WATCHDOG=1 in 3 s idle"
awk '/WATCHDOG=1/ { if (last != "" && $1 - last > 1.0) { print "gap " $1 - last; bad = 1 } last = $1 } END { exit bad }' \
  "$work/notify.log" || fail "a gap between pings longer than the watchdog"
echo "ok: no gap between pings longer than 1 s"

[ -e "$data/kiosk.db-wal" ] || fail "the running kiosk has no WAL file (test premise)"
start=$(date +%s%N)
kill -TERM "$kiosk_pid"
status=0
wait "$kiosk_pid" || status=$?
kiosk_pid=""
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$status" -eq 0 ] || fail "SIGTERM: exit status $status"
[ "$ms" -lt 5000 ] || fail "SIGTERM took $ms ms"
grep -q "STOPPING=1" "$work/notify.log" || fail "no STOPPING=1"
[ ! -e "$data/kiosk.db-wal" ] || fail "kiosk.db-wal left behind: the store was not closed"
echo "ok: SIGTERM -> STOPPING=1, exit 0 in $ms ms, store closed"

# The lock went with the process: the kiosk starts again on the directory.
"$kiosk" --windowed --size 1280x800 --data-dir "$data" --first-frame-exit >"$work/kiosk.log" 2>&1 \
  || fail "restart on the same data directory"
echo "ok: restarts on the same data directory"

# Under cage, systemd's WATCHDOG_PID is the compositor, the kiosk's parent:
# the kiosk pings all the same. A shell stands in for cage (`; :` keeps it
# from exec'ing the kiosk, so it stays the parent).
: >"$work/notify.log"
NOTIFY_SOCKET=$sock WATCHDOG_USEC=1000000 bash -c \
  'WATCHDOG_PID=$$ "$0" --windowed --size 1280x800 --data-dir "$1"; :' "$kiosk" "$data" >"$work/kiosk.log" 2>&1 &
shell_pid=$!
for _ in $(seq 300); do grep -q "READY=1" "$work/notify.log" && break; sleep 0.1; done
sleep 2
pings=$(grep -c "WATCHDOG=1" "$work/notify.log" || true)
kiosk_pid=$(pgrep -P "$shell_pid" || true)
[ -n "$kiosk_pid" ] && kill -TERM "$kiosk_pid"
wait "$shell_pid" || true
kiosk_pid=""
[ "$pings" -ge 2 ] || fail "as the child of WATCHDOG_PID: only $pings WATCHDOG=1 in 2 s"
echo "ok: as the child of WATCHDOG_PID (cage): $pings WATCHDOG=1 in 2 s"

# A WATCHDOG_PID that is neither the kiosk nor its parent is another
# process's watchdog: no pings.
: >"$work/notify.log"
NOTIFY_SOCKET=$sock WATCHDOG_USEC=1000000 WATCHDOG_PID=1 "$kiosk" --windowed --size 1280x800 --data-dir "$data" \
  >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
for _ in $(seq 300); do grep -q "READY=1" "$work/notify.log" && break; sleep 0.1; done
sleep 2
kill -TERM "$kiosk_pid"; wait "$kiosk_pid" || true
kiosk_pid=""
! grep -q "WATCHDOG=1" "$work/notify.log" || fail "pinged another process's watchdog"
echo "ok: no WATCHDOG=1 for another process's watchdog"
