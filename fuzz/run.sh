#!/usr/bin/env bash
# Runs the libFuzzer targets and writes a summary (docs/RELIABILITY.md, "Fuzzing").
#
#   fuzz/run.sh [TARGET...]      each target for RUNS executions (default 1,000,000)
#   fuzz/run.sh control          the CSV target with a planted out-of-bounds read
#
# Builds nothing; configure and build first:
#   CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DANKANG_FUZZ=ON \
#     -DANKANG_BUILD_TESTS=OFF -DANKANG_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
#   cmake --build build-fuzz -j2 --target fuzz_csv ...   (or all)
# Environment: BUILD (default build-fuzz), RUNS (default 1000000), MAX_TIME
# (seconds per target, default none: on a busy machine a time cap instead).
# New inputs go to BUILD/fuzz-work/TARGET/, crashes to BUILD/fuzz-artifacts/TARGET/,
# logs to BUILD/fuzz-logs/, the summary to BUILD/fuzz-summary.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD:-$root/build-fuzz}"
runs="${RUNS:-1000000}"
max_time="${MAX_TIME:-0}"
shared="$root/../shared"
all=(csv xlsx gift moodle_xml aiken text docx contest_config contest_package score_bundle enterprise_import rollup)

# Seeds read at run time from files the project does not keep in fuzz/corpus/.
extra_seeds() {
  local target="$1" dir="$build/fuzz-extra/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  case "$target" in
    gift) cp "$shared"/interop/moodle/gift/*.txt "$dir"/ 2>/dev/null || true ;;
    moodle_xml) cp "$shared"/interop/moodle/xml/*.xml "$dir"/ 2>/dev/null || true ;;
    contest_config) cp "$root"/data/contests/*.json "$dir"/ ;;
  esac
  echo "$dir"
}

# One line of the summary from a libFuzzer log.
summarize() {
  local target="$1" log="$2" status="$3"
  local execs rate rss corpus secs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  corpus=$(grep -o 'corp: [0-9]*/[0-9]*[bKM]*' "$log" | tail -1 | sed 's/corp: //')
  local finding="none"
  if [[ "$status" != 0 ]]; then
    finding=$(grep -m1 -o 'ERROR: [A-Za-z]*Sanitizer: [a-z-]*\|ERROR: libFuzzer: [a-z-]*\|runtime error: .*\|terminate called .*' "$log" ||
      echo "none (stopped, exit $status)")
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$target" "${execs:-?}" "${secs:-?}" "${rate:-?}" "${corpus:-?}" "${rss:-?}" "$finding"
}

run_target() {
  local target="$1" bin="$build/bin/fuzz_$1" seeds="$root/fuzz/corpus/$1"
  local name="${2:-$1}"
  [[ "$name" == control ]] && bin="$build/bin/fuzz_control"
  [[ -x "$bin" ]] || { echo "missing $bin: build it first" >&2; return 1; }
  local work="$build/fuzz-work/$name" artifacts="$build/fuzz-artifacts/$name/" log="$build/fuzz-logs/$name.log"
  mkdir -p "$work" "$artifacts" "$build/fuzz-logs"
  local extra
  extra=$(extra_seeds "$target")
  # The control starts from nothing: from the CSV seeds its planted bug hid for 259,123 runs.
  [[ "$name" == control ]] && seeds="$work" && extra="$work"
  local status=0
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/fuzz/ubsan.supp" \
  "$bin" -runs="$runs" -max_total_time="$max_time" -malloc_limit_mb=64 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$work" "$seeds" "$extra" >"$log" 2>&1 || status=$?
  summarize "$name" "$log" "$status" | tee -a "$build/fuzz-summary.md"
}

header='| target | executions | seconds | exec/s | corpus (files/bytes) | peak RSS MB | finding |'
if [[ "${1:-}" == control ]]; then
  echo "$header" >>"$build/fuzz-summary.md"
  echo '|---|---:|---:|---:|---:|---:|---|' >>"$build/fuzz-summary.md"
  # A fresh work directory, so the control starts from the seeds alone.
  rm -rf "$build/fuzz-work/control"
  run_target csv control || true
  grep -m1 -o 'Test unit written to .*' "$build/fuzz-logs/control.log" || true
  grep -m1 '^#[0-9]*' "$build/fuzz-logs/control.log" >/dev/null && \
    grep -B2 'ERROR: AddressSanitizer' "$build/fuzz-logs/control.log" | grep -o '^#[0-9]*' | tail -1 || true
  exit 0
fi

targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all[@]}")
echo "$header" >>"$build/fuzz-summary.md"
echo '|---|---:|---:|---:|---:|---:|---|' >>"$build/fuzz-summary.md"
failed=0
for t in "${targets[@]}"; do run_target "$t" || failed=1; done
exit "$failed"
