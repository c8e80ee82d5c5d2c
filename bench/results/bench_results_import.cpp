// bench_results_import [BUNDLES] [ANSWERS_PER_ATTEMPT] [random]
//
// Simulates BUNDLES signed bundles (default 10,000, 5 attempts of 20 answers
// each: 1,000,000 answers; answer ids time-ordered as kiosks make them, or
// random version 4 ids with `random`), then measures in the same run:
//   ours:     read every file, verify, import into the organiser store
//             (aggregates kept up to date)
//   baseline: the sqlite3 shell `.import` of the same answers from CSV plus
//             the GROUP BY giving per-enterprise participants, attempts and
//             mean score
//   report:   the summary table and the annual summary from the store
// and prints the ratio ours / baseline (target <= 2) and the report time (< 1 s).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <unordered_map>

#include "results/report.h"
#include "results/report_html.h"
#include "results/simulate.h"
#include "results/store.h"
#include "results/uscc.h"

using namespace ankang::results;
namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// CPU seconds (user + system) of this process or of its finished children:
// the machine is shared, so wall time mostly measures the neighbours.
double cpu_seconds(int who) {
  rusage u{};
  getrusage(who, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
  const int bundles = argc > 1 ? std::atoi(argv[1]) : 10000;
  SimulationOptions o;
  o.attempts_per_bundle = 5;
  o.questions_per_paper = argc > 2 ? std::atoi(argv[2]) : 20;
  o.time_ordered_ids = !(argc > 3 && std::string(argv[3]) == "random");
  o.workers = bundles * o.attempts_per_bundle;
  o.kiosks = std::max(1, bundles / 100);
  o.enterprises = 200;
  o.seed = 2026;
  o.year = 2026;
  const auto dir = fs::temp_directory_path() / ("ankang-bench-results-" + std::to_string(::getpid()));
  fs::create_directories(dir);

  std::printf("simulating %d bundles (%s answer ids)...\n", bundles, o.time_ordered_ids ? "time-ordered" : "random");
  auto sim = simulate(o);
  write_simulation(sim, dir.string());
  std::size_t bytes = 0;
  for (const auto& b : sim.bundles) bytes += b.bytes.size();
  std::printf("%zu bundles, %zu answers, %.1f bytes per answer on disk (header and signature included)\n", sim.bundles.size(),
              sim.answers, static_cast<double>(bytes) / static_cast<double>(sim.answers));

  // The same answers as CSV for the baseline (not timed).
  {
    std::ofstream csv(dir / "answers.csv");
    csv << "uuid,uscc,employee_no,question,response,correct_permille,centipoints,latency_ms,attempt_percent\n";
    std::unordered_map<std::string, PublicKey> keys;
    for (const auto& k : sim.kiosks) keys[to_hex(device_id_of(k.public_key))] = k.public_key;
    auto fast = [&](const DeviceId& id) -> std::optional<PublicKey> { return keys.at(to_hex(id)); };
    for (const auto& sb : sim.bundles) {
      auto b = read_bundle(sb.bytes, fast);
      for (const auto& t : b.payload.attempts) {
        const auto& w = b.payload.workers[t.worker];
        for (const auto& a : t.answers)
          csv << uuid_to_string(a.uuid) << ',' << w.enterprise_uscc << ',' << w.employee_no << ',' << b.payload.questions[a.question].id
              << ',' << a.response << ',' << a.correct_permille << ',' << a.centipoints << ',' << a.latency_ms << ',' << t.percent()
              << '\n';
      }
    }
  }

  // Baseline: the sqlite3 shell.
  const auto base_db = (dir / "baseline.db").string();
  {
    std::ofstream script(dir / "baseline.sql");
    script << "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n.mode csv\n.import " << (dir / "answers.csv").string()
           << " answers\n"
           << ".output /dev/null\n"
              "SELECT uscc, count(DISTINCT employee_no), count(*), avg(attempt_percent) FROM answers GROUP BY uscc;\n";
  }
  auto t0 = std::chrono::steady_clock::now();
  double c0 = cpu_seconds(RUSAGE_CHILDREN);
  const auto cmd = "sqlite3 " + base_db + " < " + (dir / "baseline.sql").string();
  if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "the sqlite3 shell failed: %s\n", cmd.c_str());
    return 1;
  }
  const double baseline = seconds_since(t0);
  const double baseline_cpu = cpu_seconds(RUSAGE_CHILDREN) - c0;

  // Ours.
  const auto store_path = (dir / "organiser.db").string();
  OrganiserStore store(store_path);
  for (const auto& k : sim.kiosks) store.add_device(k.public_key, "");
  for (const auto& e : sim.enterprises) store.add_enterprise(e, o.year);
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir / "bundles")) files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  t0 = std::chrono::steady_clock::now();
  c0 = cpu_seconds(RUSAGE_SELF);
  int refused = 0;
  long answers = 0;
  store.begin_batch();
  for (const auto& f : files) {
    auto out = store.import_bundle(read_file(f, kMaxBundleBytes), f);
    refused += out.status != ImportOutcome::Status::imported;
    answers += out.answers;
  }
  store.commit_batch();
  const double ours = seconds_since(t0);
  const double ours_cpu = cpu_seconds(RUSAGE_SELF) - c0;

  t0 = std::chrono::steady_clock::now();
  c0 = cpu_seconds(RUSAGE_SELF);
  auto table = summary_table(store, o.year, 60);
  const double table_s = seconds_since(t0);
  const double table_cpu = cpu_seconds(RUSAGE_SELF) - c0;
  t0 = std::chrono::steady_clock::now();
  auto html = annual_summary_html(store, table, AwardFormula::participation, 10);
  const double html_s = seconds_since(t0);

  std::printf("                                       wall      cpu\n");
  std::printf("baseline (sqlite3 .import + GROUP BY): %6.2f s  %6.2f s\n", baseline, baseline_cpu);
  std::printf("verify + import:                       %6.2f s  %6.2f s (%ld answers, %d refused)\n", ours, ours_cpu, answers, refused);
  std::printf("ratio import / baseline:               %6.2f    %6.2f   (target <= 2)\n", ours / baseline, ours_cpu / baseline_cpu);
  std::printf("summary table from the store:          %6.3f s  %6.3f s (target < 1 s)\n", table_s, table_cpu);
  std::printf("annual summary HTML from the store:    %.3f s (%zu bytes)\n", html_s, html.size());
  fs::remove_all(dir);
  return refused == 0 ? 0 : 1;
}
