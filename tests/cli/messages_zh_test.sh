#!/usr/bin/env bash
# In a Chinese locale the organiser reads Chinese: command-line mistakes,
# roster problems named by their columns, a missing file named once.
set -euo pipefail
ankang=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LANG=zh_CN.UTF-8 LC_ALL= LC_MESSAGES=

fail() { echo "FAIL: $*" >&2; exit 1; }
# expect_error WANT COMMAND...: the command fails and its stderr holds WANT.
expect_error() {
  local want=$1; shift
  if "$@" >"$work/out" 2>"$work/err"; then fail "$* succeeded"; fi
  grep -qF -- "$want" "$work/err" || fail "$*: no '$want' in: $(cat "$work/err")"
}

"$ankang" bank init --db "$work/bank.db" >/dev/null
expect_error "错误：缺少必需的选项 --db" "$ankang" enterprise import "$work/list.csv"
expect_error "错误：缺少子命令" "$ankang" enterprise
expect_error "无法识别的参数：--colour" "$ankang" bank stats --db "$work/bank.db" --colour
expect_error "参数值的格式不对" "$ankang" report --db "$work/org.db" --year 二〇二六 -o "$work/t.csv"
expect_error "文件不存在" "$ankang" contest run --config "$source_dir/data/contests/timed_test.json" --bank "$work/none.db"
"$ankang" --help >/dev/null || fail "--help is not an error"

# A roster's problems are named by its columns, not by field codes.
"$ankang" keys init --dir "$work/key" >/dev/null
printf '统一社会信用代码,企业名称,班组\n91350100M000100Y43,甲公司,一班\nbad,乙公司,\n' >"$work/roster.csv"
expect_error "roster.csv:3:1: 统一社会信用代码: " "$ankang" package build --key "$work/key" \
  --config "$source_dir/data/contests/timed_test.json" --bank "$work/bank.db" --roster "$work/roster.csv" --out "$work/p.ankpkg"
grep -qF "roster.csv:3:3: 班组: 班组为空" "$work/err" || fail "the team column is not named: $(cat "$work/err")"
if grep -qE ': (uscc|team|name): ' "$work/err"; then fail "a field code in Chinese: $(cat "$work/err")"; fi

# A question file with problems: its problems in Chinese and nothing about the command line.
printf '一、单选题\n1. 没有答案的题\nA. 甲\nB. 乙\n' >"$work/bank.txt"
expect_error "bank.txt:2:1: 这道题没有答案" "$ankang" bank validate "$work/bank.txt"
if grep -qF "命令行参数有误" "$work/err"; then fail "a failed command is called a command-line mistake: $(cat "$work/err")"; fi

# A file that is not there is named once.
expect_error "nothere.json: 无法读取文件" "$ankang" package build --key "$work/key" --config "$work/nothere.json" \
  --bank "$work/bank.db" --roster "$work/roster.csv" --out "$work/p.ankpkg"
if grep -qF "nothere.json: $work/nothere.json" "$work/err" || grep -qE "nothere.json: .*nothere.json: " "$work/err"; then
  fail "the file is named twice: $(cat "$work/err")"
fi
[ -e "$work/p.ankpkg" ] && fail "a package was written"
echo "ok messages in Chinese"
