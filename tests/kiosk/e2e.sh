#!/usr/bin/env bash
# End to end under Xvfb: the real kiosk binary, a fresh data directory, real
# X input events (xdotool): sign-in with the employee number tapped on the
# keypad where its keys were first seen, a five-question practice, then a timed
# test killed with SIGKILL halfway and finished after a restart. Checks the
# kiosk store with sqlite3, and the score bundles exported after each
# attempt (ankang-kiosk --export-bundle) with the organiser's `ankang device
# add`, `results verify` and `results import`. Exit 77 (skipped) when Xvfb or
# xdotool is missing.
set -euo pipefail
kiosk=$1
make_bank=$2
ankang=$3
export LANG=C.UTF-8   # the organiser CLI answers in English: the checks below read it


work=$(mktemp -d)
kiosk_pid=""
source "$(dirname "$0")/../support/x_session.sh"
require_tools Xvfb xdotool sqlite3
cleanup() {
  [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null || true
  stop_x
  rm -rf "$work"
}
trap cleanup EXIT
start_x "$work" 1920x1080

data="$work/data"
mkdir -p "$data"
"$make_bank" "$data/bank.db" >/dev/null

start_kiosk() {
  : >"$work/kiosk.log"
  ANKANG_KIOSK_ITEMS="$work/items" "$kiosk" --windowed --size 1920x1080 --data-dir "$data" >>"$work/kiosk.log" 2>&1 &
  kiosk_pid=$!
  for _ in $(seq 100); do grep -q first-frame "$work/kiosk.log" && return 0; sleep 0.1; done
  echo "FAIL: the kiosk drew no frame"; cat "$work/kiosk.log"; exit 1
}
tap() { xdotool mousemove "$1" "$2" click 1; sleep 0.7; }
# Where the last frame drew a target (ANKANG_KIOSK_ITEMS: "x y label" lines).
place() {
  local x y label
  while read -r x y label; do
    if [ "$label" = "$1" ]; then echo "$x $y"; return 0; fi
  done <"$work/items"
  echo "FAIL: no “$1” on the screen; it shows:" >&2; cat "$work/items" >&2; exit 1
}
tap_on() { local at; at=$(place "$1"); tap $at; }
# Option A of the question on screen (make_e2e_bank: "正确选项 N").
answer_a() { tap_on "$(grep -o '正确选项 [0-9]' "$work/items" | head -n1)"; }
sql() { sqlite3 "$data/kiosk.db" "$1"; }
expect() {
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected '$3', got '$2'"; exit 1; fi
  echo "ok: $1 = $2"
}

# Places on the 1920x1080 screens (see docs/screenshots).
submit=(1619 998)
sign_in() {
  tap 960 800            # attract: tap to start
  tap_on 示范企业         # the enterprise
  tap_on 一班             # its first team
}

start_kiosk
sign_in
# The keypad where it was before the first digit: the name field that then
# appears moves nothing, so these taps are 1001 (they were 11 once).
keys=(); for d in 1 0 0 1; do keys+=("$(place "$d")"); done
for at in "${keys[@]}"; do tap $at; done
tap_on name; xdotool type --delay 60 "Zhang Wei"; sleep 0.4   # first time: the name
tap_on 确认签到
tap_on 全部类别           # practice, all categories
for i in 1 2 3 4 5; do
  answer_a
  tap "${submit[@]}"     # submit: committed before the feedback shows
  tap "${submit[@]}"     # next question / see the result
done
expect "workers" "$(sql "SELECT employee_no || ' ' || name FROM workers")" "1001 Zhang Wei"
expect "practice answers" "$(sql "SELECT COUNT(*) FROM events e JOIN attempts a ON a.id = e.attempt_id WHERE a.mode = 'practice' AND e.kind = 'scored'")" 5
expect "practice finished" "$(sql "SELECT points || '/' || correct FROM attempts WHERE mode = 'practice' AND finished_at IS NOT NULL")" "50/5"
tap 960 990              # result: back to start

# The first score bundle, to a folder standing for a USB stick, while the
# kiosk runs; the organiser registers the kiosk and checks the bundle.
usb="$work/usb"; org="$work/org.db"
mkdir -p "$usb"
"$kiosk" --data-dir "$data" --export-bundle "$usb" >"$work/export1.txt"
bundle1=$(head -n1 "$work/export1.txt")
expect "first export (attempts answers sequence)" "$(sed -n 2p "$work/export1.txt")" "1 5 1"
expect "bundles in the store" "$(sql "SELECT sequence || ' ' || answers FROM bundles")" "1 5"
"$ankang" device add --db "$org" "$data/device.pub"
"$ankang" results verify --db "$org" "$bundle1" || { echo "FAIL: results verify refused $bundle1"; exit 1; }
echo "ok: results verify accepts $bundle1"
expect "import" "$("$ankang" results import --db "$org" "$bundle1" | tail -n1)" \
  "imported 1, already imported 0, refused 0, answers added 5, team results added 0"
if "$kiosk" --data-dir "$data" --export-bundle "$usb" >/dev/null 2>"$work/export-none.txt"; then
  echo "FAIL: a second export with nothing new succeeded"; exit 1
fi
echo "ok: nothing new to export: $(cat "$work/export-none.txt")"

# Timed test: two answers, then SIGKILL.
sign_in
xdotool type --delay 60 1001; sleep 0.4   # a badge scanner types the number
tap "${submit[@]}"       # known worker: no name asked
tap_on 限时测试
for i in 1 2; do answer_a; tap "${submit[@]}"; done
expect "answers before the kill" "$(sql "SELECT COUNT(*) FROM events e JOIN attempts a ON a.id = e.attempt_id WHERE a.mode = 'timed_test' AND e.kind = 'scored'")" 2
sleep 1.5                # a clock checkpoint
before=$(sql "SELECT clock_ms FROM attempts WHERE mode = 'timed_test'")
kill -9 "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null || true
start_kiosk              # resumes at question 3 without signing in
for i in 3 4 5; do answer_a; tap "${submit[@]}"; done
expect "one timed attempt" "$(sql "SELECT COUNT(*) FROM attempts WHERE mode = 'timed_test'")" 1
expect "timed test finished" "$(sql "SELECT points || '/' || correct || '/' || passed FROM attempts WHERE mode = 'timed_test' AND finished_at IS NOT NULL")" "50/5/1"
after=$(sql "SELECT clock_ms FROM attempts WHERE mode = 'timed_test'")
if [ "$after" -lt "$before" ]; then echo "FAIL: the clock went back ($before -> $after)"; exit 1; fi
echo "ok: the attempt clock went on from $before ms to $after ms"

# The second bundle carries the timed test and chains to the first.
"$kiosk" --data-dir "$data" --export-bundle "$usb" >"$work/export2.txt"
bundle2=$(head -n1 "$work/export2.txt")
expect "second export (attempts answers sequence)" "$(sed -n 2p "$work/export2.txt")" "1 5 2"
"$ankang" results verify --db "$org" "$bundle1" "$bundle2" || { echo "FAIL: results verify refused the bundles"; exit 1; }
echo "ok: results verify accepts both bundles"
expect "import of the folder" "$("$ankang" results import --db "$org" "$usb" | tail -n1)" \
  "imported 1, already imported 1, refused 0, answers added 5, team results added 0"
