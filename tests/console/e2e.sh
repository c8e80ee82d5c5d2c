#!/usr/bin/env bash
# End to end under Xvfb: the real ankang-console on a fresh workspace, driven
# with real X input (xdotool) through an organiser's year: a question file
# with a bad row (its good questions imported); a contest package built and
# signed onto the stick; an enterprise list with mistakes refused and
# located, then corrected; a kiosk registered from its key file on the stick;
# every bundle on the stick collected (twice); the results; the reports
# written onto the stick and opened in LibreOffice; the unit's roll-up for
# the city. Buttons are
# found by their label: the console writes where each one is after every
# frame (ANKANG_CONSOLE_ITEMS), the pointer is moved there and clicked.
# Checks the stores with sqlite3 and against the `ankang` command on the same
# files. ANKANG_SCREENSHOTS=DIR keeps a picture of every page in DIR.
# Exit 77 (skipped) when Xvfb or xdotool is missing.
set -euo pipefail
console=$1
ankang=$2


work=$(mktemp -d)
console_pid=""
source "$(dirname "$0")/../support/x_session.sh"
require_tools Xvfb xdotool sqlite3
cleanup() {
  [ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null || true
  stop_x
  rm -rf "$work"
}
trap cleanup EXIT
start_x "$work" 1600x900

stick="$work/media/STICK"
mkdir -p "$stick"
export ANKANG_MEDIA_ROOTS="$work/media" ANKANG_CONSOLE_ITEMS="$work/items"
export LANG=C.UTF-8
"$ankang" results simulate --out "$stick" --enterprises 8 --kiosks 2 --workers 120 >/dev/null
ws="$work/workspace"

fail() { echo "FAIL: $*"; [ -f "$work/console.log" ] && cat "$work/console.log"; exit 1; }
expect() {
  [ "$2" == "$3" ] || fail "$1: expected '$3', got '$2'"
  echo "ok: $1 = $2"
}
# Waits until no job runs and the label is on screen, then clicks it. A
# label ending in * matches every label that starts with the rest.
click() {
  local at=""
  for _ in $(seq 300); do
    if [ -f "$work/items" ] && ! grep -q '^0 0 @busy$' "$work/items"; then
      at=$(awk -v l="$1" '{ p = $1 " " $2; sub(/^-?[0-9]+ -?[0-9]+ /, "");
             if ($0 == l || (l ~ /\*$/ && index($0, substr(l, 1, length(l) - 1)) == 1)) { print p; exit } }' "$work/items")
      [ -n "$at" ] && break
    fi
    sleep 0.1
  done
  [ -n "$at" ] || { cut -d' ' -f3- "$work/items" >&2; fail "no button '$1' on screen"; }
  # shellcheck disable=SC2086
  xdotool mousemove $at click 1
  sleep 0.4
}
idle() {
  for _ in $(seq 300); do
    [ -f "$work/items" ] && ! grep -q '^0 0 @busy$' "$work/items" && return 0
    sleep 0.1
  done
  fail "a job did not finish"
}
shot() {
  [ -n "${ANKANG_SCREENSHOTS:-}" ] || return 0
  idle; sleep 0.5
  import -window root "$ANKANG_SCREENSHOTS/console-$1.png"
}
org() { sqlite3 "$ws/organiser.db" "$1"; }

"$console" --workspace "$ws" --size 1600x900 >"$work/console.log" 2>&1 &
console_pid=$!
for _ in $(seq 100); do grep -q first-frame "$work/console.log" && break; sleep 0.1; done
grep -q first-frame "$work/console.log" || fail "the console drew no frame"
shot home

# Question bank: a file of 40 good questions and one bad row. The file is
# refused whole at first, every problem located; then only the good ones.
"$ankang" bank init --db "$work/starter.db" >/dev/null
"$ankang" bank export --db "$work/starter.db" -o "$work/all.csv" --skip-unsupported >/dev/null 2>&1
{ head -n 41 "$work/all.csv"; echo "bad-row,单选题,,甲,乙,,,,,,Z,,,,,,,"; } >"$stick/本单位题库.csv"
click "题库"
click "导入题目文件"
click "本单位题库.csv"
click "打开所选文件"
idle
shot bank-problems
bank_count() { "$ankang" bank stats --db "$ws/bank.db" --json 2>/dev/null | grep -o '"total": *[0-9]*' | grep -o '[0-9]*$'; }
expect "questions after the file with a bad row" "$(bank_count)" 0
click "只导入正确的 40 题"
idle
expect "questions imported" "$(bank_count)" 40
shot bank

# Contest package: the timed test drawn from those 40, signed onto the stick.
click "竞赛包"
click "个人限时测试*"
click "抽题预览"
idle
shot contest
click "生成竞赛包……"
click "选择这个文件夹"
idle
package=$(ls "$stick"/*.ankpkg)
"$ankang" package show "$package" --key "$stick/organiser.pub" >"$work/package.json" \
  || fail "ankang package show refuses the console's package"
grep -q '2026-ankang-individual' "$work/package.json" || { head -c 400 "$work/package.json"; fail "the package is not the timed test"; }
echo "ok: ankang package show verifies $(basename "$package")"
expect "package signed by the workspace key" "$(cat "$stick/organiser.pub")" "$(cat "$ws/keys/organiser.pub")"

# Enterprises: a list with two mistakes registers nothing.
list="$stick/enterprises.csv"
cp "$list" "$work/good.csv"
awk -F, 'NR == 3 { $5 = "很多" } NR == 4 { $2 = "" } { print }' OFS=, "$work/good.csv" >"$stick/参赛企业名单.csv"
click "参赛企业"
click "导入企业名单（Excel / CSV）"
click "参赛企业名单.csv"
click "打开所选文件"
idle
expect "enterprises after the list with mistakes" "$(org "SELECT count(*) FROM enterprises")" 0
shot enterprises-problems
# Corrected: every enterprise registered, as `ankang enterprise import` does.
cp "$work/good.csv" "$stick/参赛企业名单.csv"
click "导入企业名单（Excel / CSV）"
click "参赛企业名单.csv"
click "打开所选文件"
idle
"$ankang" enterprise import --db "$work/cli.db" "$stick/参赛企业名单.csv" >/dev/null
expect "enterprises registered" "$(org "SELECT count(*) FROM enterprises WHERE registered = 1")" \
  "$(sqlite3 "$work/cli.db" "SELECT count(*) FROM enterprises WHERE registered = 1")"
shot enterprises

# Collect: the first kiosk registered from its key file; its bundles imported,
# the other kiosk's refused.
click "收集成绩"
click "登记答题终端"
click "devices"
click "kiosk-001.pub"
click "打开所选文件"
click "指纹一致，登记"
idle
expect "kiosks" "$(org "SELECT label FROM devices")" "kiosk-001"
click "从 U 盘或文件夹收集成绩"
click "选择这个文件夹"
idle
shot collect
"$ankang" device add --db "$work/cli.db" "$stick/devices/kiosk-001.pub" >/dev/null
"$ankang" results import --db "$work/cli.db" "$stick/bundles" >/dev/null 2>&1 || true  # refuses kiosk-002's
expect "answers collected" "$(org "SELECT count(*) FROM answers")" "$(sqlite3 "$work/cli.db" "SELECT count(*) FROM answers")"
expect "bundles collected" "$(org "SELECT count(*) FROM bundles")" "$(ls "$stick/bundles" | grep -c '^kiosk-001-')"
# The same stick again adds nothing.
click "从 U 盘或文件夹收集成绩"
click "选择这个文件夹"
idle
expect "answers after a second collection" "$(org "SELECT count(*) FROM answers")" "$(sqlite3 "$work/cli.db" "SELECT count(*) FROM answers")"

# Results, then the reports onto the stick, compared with `ankang report`.
click "成绩"
idle
shot results
mkdir -p "$stick/上报材料"
click "报表"
shot reports
click "选择文件夹并写入报表"
click "上报材料"
click "选择这个文件夹"
idle
shot reports-written
for f in 2026年参赛企业汇总表.xlsx 2026年参赛企业汇总表.csv 2026年安康杯竞赛活动总结.html; do
  [ -s "$stick/上报材料/$f" ] || fail "the console wrote no $f"
done
"$ankang" report --db "$ws/organiser.db" --year 2026 --format csv -o "$work/cli.csv" >/dev/null
cmp "$stick/上报材料/2026年参赛企业汇总表.csv" "$work/cli.csv" || fail "the console's CSV differs from ankang report's"
echo "ok: the summary table CSV is the one ankang report writes"
if command -v soffice >/dev/null; then
  "$ankang" report --db "$ws/organiser.db" --year 2026 --format xlsx -o "$work/cli.xlsx" >/dev/null
  mkdir -p "$work/lo-console" "$work/lo-cli"
  soffice --headless -env:UserInstallation="file://$work/lo-profile" --convert-to csv --outdir "$work/lo-console" \
    "$stick/上报材料/2026年参赛企业汇总表.xlsx" >/dev/null 2>&1
  soffice --headless -env:UserInstallation="file://$work/lo-profile" --convert-to csv --outdir "$work/lo-cli" \
    "$work/cli.xlsx" >/dev/null 2>&1
  [ -s "$work/lo-console/2026年参赛企业汇总表.csv" ] || fail "LibreOffice cannot open the console's XLSX"
  cmp "$work/lo-console/2026年参赛企业汇总表.csv" "$work/lo-cli/cli.csv" || fail "the XLSX as LibreOffice reads it differs"
  echo "ok: LibreOffice reads the console's XLSX as the one ankang report writes"
fi

# City roll-up, the unit's side: this workspace's signed roll-up onto the
# stick, which the city's `ankang rollup import` accepts.
mkdir -p "$stick/市总工会"
click "城市汇总"
click "##unit_name"
xdotool type --delay 40 "Gulou Union"; sleep 0.4
click "导出本单位汇总文件"
click "市总工会"
click "选择这个文件夹"
idle
shot rollup
rollup=$(ls "$stick/市总工会/"*.ankr) || fail "no roll-up on the stick"
pub=$(ls "$stick/市总工会/"*.pub) || fail "no unit key beside the roll-up"
"$ankang" unit add --db "$work/city.db" --label "Gulou Union" "$pub" >/dev/null
"$ankang" rollup import --db "$work/city.db" "$rollup" >"$work/rollup.txt" 2>&1 || { cat "$work/rollup.txt"; fail "the city refuses the console's roll-up"; }
expect "answers in the city store" "$(sqlite3 "$work/city.db" "SELECT count(*) FROM answers")" "$(org "SELECT count(*) FROM answers")"

kill "$console_pid"
wait "$console_pid" 2>/dev/null || true
console_pid=""
echo "PASS"
