#!/usr/bin/env bash
# The `ankang contest` commands end to end: a bank from the starter bank, every
# example config checked, run twice with the same arguments (byte-identical),
# and replayed from its log to the same standings.
set -euo pipefail
ankang=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

"$ankang" bank init --db "$work/bank.db" >/dev/null

for config in "$source_dir"/data/contests/*.json; do
  name=$(basename "$config" .json)
  "$ankang" contest check "$config" >/dev/null || fail "contest check $name"
  "$ankang" contest run --config "$config" --bank "$work/bank.db" --seed 42 --bots 4 --accuracy 0.7 \
    --log "$work/$name.1.log" --json >"$work/$name.1.json" || fail "contest run $name"
  "$ankang" contest run --config "$config" --bank "$work/bank.db" --seed 42 --bots 4 --accuracy 0.7 \
    --log "$work/$name.2.log" --json >"$work/$name.2.json" || fail "second contest run $name"
  cmp -s "$work/$name.1.json" "$work/$name.2.json" || fail "$name: two runs with the same seed differ"
  cmp -s "$work/$name.1.log" "$work/$name.2.log" || fail "$name: two logs with the same seed differ"
  [ -s "$work/$name.1.json" ] || fail "$name: empty standings"
  "$ankang" contest replay "$work/$name.1.log" --json >"$work/$name.replay.json" || fail "contest replay $name"
  cmp -s "$work/$name.1.json" "$work/$name.replay.json" || fail "$name: replay gives other standings"
  # Another seed draws another contest.
  "$ankang" contest run --config "$config" --bank "$work/bank.db" --seed 43 --bots 4 --accuracy 0.7 \
    --json >"$work/$name.3.json"
  cmp -s "$work/$name.1.json" "$work/$name.3.json" && fail "$name: seeds 42 and 43 gave the same standings"
  echo "ok $name"
done

# A bad config is refused, naming the field.
printf '{"format":"team","rounds":[{"kind":"buzzer","questoins":3}]}' >"$work/bad.json"
if "$ankang" contest check "$work/bad.json" 2>"$work/bad.err"; then fail "a bad config passed the check"; fi
grep -q 'questoins' "$work/bad.err" || fail "the error does not name the bad field: $(cat "$work/bad.err")"
echo "ok bad config"

# The on-site rules' fields are checked too, in Chinese and in English, naming the field.
printf '{"id":"a","name":"b","format":"team","start_points":100,"lifelines":1,\n"rounds":[{"kind":"risk","stakes":[10,20],"stake_difficulty":[[1]]},{"kind":"audience","types":["essay"]}]}' \
  >"$work/onsite_bad.json"
if LC_ALL=zh_CN.UTF-8 "$ankang" contest check "$work/onsite_bad.json" 2>"$work/onsite_bad.zh"; then
  fail "a bad on-site config passed the check"
fi
grep -q 'rounds\[1\]\.types\[0\]: 应为以下之一' "$work/onsite_bad.zh" || fail "no Chinese error for the type: $(cat "$work/onsite_bad.zh")"
LC_ALL=C "$ankang" contest check "$work/onsite_bad.json" 2>"$work/onsite_bad.en" && fail "a bad on-site config passed the check"
grep -q 'onsite_bad.json: rounds\[1\]\.types\[0\]: must be one of' "$work/onsite_bad.en" || fail "no English error for the type: $(cat "$work/onsite_bad.en")"
printf '{"id":"a","name":"b","format":"team","start_points":100,"rounds":[{"kind":"risk","stakes":[10,20],"stake_difficulty":[[1]]}]}' \
  >"$work/stakes_bad.json"
LC_ALL=zh_CN.UTF-8 "$ankang" contest check "$work/stakes_bad.json" 2>"$work/stakes_bad.zh" && fail "unmatched stake_difficulty passed"
grep -q 'stakes_bad.json: rounds\[0\]\.stake_difficulty: 应为每个分值档位（共 2 个）各写一组难度' "$work/stakes_bad.zh" ||
  fail "no Chinese error for stake_difficulty: $(cat "$work/stakes_bad.zh")"
echo "ok bad on-site config"
