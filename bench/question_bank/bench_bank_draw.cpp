// Drawing a 100-question paper from banks of 100,000 and 1,000,000 questions:
// median over many seeds, the 1M/100k ratio (target <= 2), and the ratio to
// drawing each stratum in SQL with ORDER BY random() LIMIT k, measured on the
// same banks in the same run.
//   bench_bank_draw [SMALL=100000] [LARGE=1000000] [DRAWS=301]
// Prints wall-clock and CPU medians: on a busy machine the wall clock also
// counts waiting for a core.
// The banks are kept in $TMPDIR/ankang-bench-draw/ and reused; delete it to rebuild.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <sqlite3.h>
#include <time.h>

#include "question_bank/bank.h"
#include "question_bank/draw.h"
#include "synthetic_bank.h"

namespace fs = std::filesystem;
using namespace ankang;

namespace {

bank::Bank bank_of(int n, const fs::path& dir) {
  fs::path path = dir / ("bank-" + std::to_string(n) + ".db");
  auto bank = bank::Bank::open(path.string());
  if (bank.count() == n) return bank;
  if (bank.count() != 0) {
    std::fprintf(stderr, "%s holds %d questions, not %d: delete it\n", path.c_str(), bank.count(), n);
    std::exit(1);
  }
  auto start = std::chrono::steady_clock::now();
  const int batch = 100000;
  for (int from = 0; from < n; from += batch) {
    std::vector<Question> qs;
    for (int i = from; i < std::min(n, from + batch); ++i) qs.push_back(bench::synthetic_question(static_cast<std::uint64_t>(i)));
    bank.insert(qs);
  }
  std::printf("built %s: %d questions in %.1f s\n", path.c_str(), n, bench::seconds_since(start));
  return bank;
}

// 10 strata x 10 questions: one top-level category each, types and difficulties varied.
bank::Blueprint paper_blueprint() {
  bank::Blueprint bp;
  const QuestionType types[] = {QuestionType::single, QuestionType::multiple, QuestionType::true_false};
  for (int i = 0; i < 10; ++i) {
    bank::BlueprintStratum s;
    s.category = {bench::synthetic_category(i)};
    s.type = types[i % 3];
    s.difficulties = i % 2 ? std::vector<int>{2, 3} : std::vector<int>{4};
    s.count = 10;
    bp.strata.push_back(s);
  }
  return bp;
}

// CPU seconds of this thread: on a shared machine the wall clock also counts
// waiting for a core.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

struct Timing {
  double wall = 0, cpu = 0;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

Timing median_draw(bank::Bank& bank, const bank::Blueprint& bp, int draws) {
  std::vector<double> wall, cpu;
  std::size_t expected = 0;
  for (const auto& s : bp.strata) expected += static_cast<std::size_t>(s.count);
  for (int seed = 1; seed <= draws; ++seed) {
    const double cpu_start = thread_cpu_seconds();
    auto start = std::chrono::steady_clock::now();
    auto papers = bank::draw_papers(bank, bp, {.seed = static_cast<std::uint64_t>(seed)});
    wall.push_back(bench::seconds_since(start));
    cpu.push_back(thread_cpu_seconds() - cpu_start);
    if (papers[0].size() != expected) std::exit(1);
  }
  return {median(wall), median(cpu)};
}

// The usual SQL: each stratum's matching rows in random order, first k.
Timing median_order_by_random(bank::Bank& bank, const bank::Blueprint& bp, int draws) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(bank.handle(),
      "SELECT q.id FROM questions q JOIN categories c ON c.id = q.category_id "
      "WHERE (c.path = ?1 OR c.path LIKE ?1 || '/%') AND q.type = ?2 AND q.difficulty BETWEEN ?3 AND ?4 "
      "AND q.status = 'active' ORDER BY random() LIMIT ?5", -1, &st, nullptr);
  std::vector<double> wall, cpu;
  for (int r = 0; r < draws; ++r) {
    const double cpu_start = thread_cpu_seconds();
    auto start = std::chrono::steady_clock::now();
    std::vector<std::string> ids;
    sqlite3_exec(bank.handle(), "BEGIN", nullptr, nullptr, nullptr);
    for (const auto& s : bp.strata) {
      std::string path = join_category(s.category);
      std::string type(type_code(*s.type));
      sqlite3_bind_text(st, 1, path.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 2, type.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int(st, 3, s.difficulties.front());
      sqlite3_bind_int(st, 4, s.difficulties.back());
      sqlite3_bind_int(st, 5, s.count);
      while (sqlite3_step(st) == SQLITE_ROW) ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
      sqlite3_reset(st);
    }
    sqlite3_exec(bank.handle(), "COMMIT", nullptr, nullptr, nullptr);
    wall.push_back(bench::seconds_since(start));
    cpu.push_back(thread_cpu_seconds() - cpu_start);
    if (ids.size() != 100) std::exit(1);
  }
  sqlite3_finalize(st);
  return {median(wall), median(cpu)};
}

}  // namespace

int main(int argc, char** argv) {
  const int small = argc > 1 ? std::atoi(argv[1]) : 100000;
  const int large = argc > 2 ? std::atoi(argv[2]) : 1000000;
  const int draws = argc > 3 ? std::atoi(argv[3]) : 301;
  fs::path dir = fs::temp_directory_path() / "ankang-bench-draw";
  fs::create_directories(dir);
  auto bp = paper_blueprint();

  // The fixed cost of a draw (statements, transaction, strata lookup): a 1-question paper.
  bank::Blueprint one{{bp.strata.front()}};
  one.strata.front().count = 1;

  Timing ours[2], sql[2], fixed[2];
  int sizes[2] = {small, large};
  for (int b = 0; b < 2; ++b) {
    auto bank = bank_of(sizes[b], dir);
    median_draw(bank, bp, 20);  // warm the page cache
    ours[b] = median_draw(bank, bp, draws);
    fixed[b] = median_draw(bank, one, draws);
    sql[b] = median_order_by_random(bank, bp, 5);
    std::printf("%8d questions: 100-question draw median %.3f ms (CPU %.3f ms; 1-question paper CPU %.3f ms), "
                "ORDER BY random() median %.1f ms (CPU %.1f ms), ratio %.0fx\n",
                sizes[b], ours[b].wall * 1e3, ours[b].cpu * 1e3, fixed[b].cpu * 1e3, sql[b].wall * 1e3,
                sql[b].cpu * 1e3, sql[b].cpu / ours[b].cpu);
  }
  std::printf("draw %d vs %d questions: wall %.2fx, CPU %.2fx (target <= 2); %d-question bank under 1 ms: "
              "wall %s, CPU %s\n",
              large, small, ours[1].wall / ours[0].wall, ours[1].cpu / ours[0].cpu, small,
              ours[0].wall < 1e-3 ? "yes" : "no", ours[0].cpu < 1e-3 ? "yes" : "no");
  return 0;
}
