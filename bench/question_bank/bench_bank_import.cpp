// Import of an N-question CSV (default 100,000), search index included, vs the
// sqlite3 shell's `.import` of the same file into a bare table plus the same
// FTS5 trigram index. Prints both times and their ratio (target <= 1.5),
// then what importing the sheet again, corrected, costs on the full bank.
//   bench_bank_import [N] [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include <sys/resource.h>

#include "question_bank/bank.h"
#include "question_bank/formats/format.h"
#include "synthetic_bank.h"

namespace fs = std::filesystem;
using namespace ankang;

namespace {

// CPU seconds (user + system) of this process or of its finished children:
// on a shared machine the wall clock also counts waiting for a core.
double cpu_seconds(int who) {
  rusage u{};
  getrusage(who, &u);
  auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return sec(u.ru_utime) + sec(u.ru_stime);
}

void remove_db(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix);
}

struct OurTimes {
  double parse = 0, insert = 0, total = 0, cpu = 0;
};

// What `ankang bank import` does: read, parse and validate, insert in one transaction.
OurTimes import_with_ankang(const fs::path& csv, const fs::path& db, int expected) {
  remove_db(db);
  OurTimes t;
  const double cpu_start = cpu_seconds(RUSAGE_SELF);
  auto start = std::chrono::steady_clock::now();
  std::ifstream in(csv, std::ios::binary);
  std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto parsed = bank::parse_questions(csv.string(), bytes, bank::Format::csv);
  if (!parsed.ok() || static_cast<int>(parsed.questions.size()) != expected) {
    std::fprintf(stderr, "the CSV did not parse cleanly: %zu questions, %zu rejected, %zu file errors\n",
                 parsed.questions.size(), parsed.rejected.size(), parsed.file_errors.size());
    for (const auto& r : parsed.rejected)
      for (const auto& d : r.reasons) std::fprintf(stderr, "  %s\n", bank::format_diagnostic(d, false).c_str());
    std::exit(1);
  }
  std::vector<Question> questions;
  questions.reserve(parsed.questions.size());
  for (auto& p : parsed.questions) questions.push_back(std::move(p.question));
  t.parse = bench::seconds_since(start);
  auto insert_start = std::chrono::steady_clock::now();
  {
    auto bank = bank::Bank::open(db.string());
    auto outcome = bank.insert(questions);
    if (outcome.inserted != expected) {
      std::fprintf(stderr, "inserted %d of %d\n", outcome.inserted, expected);
      std::exit(1);
    }
  }
  t.insert = bench::seconds_since(insert_start);
  t.total = bench::seconds_since(start);
  t.cpu = cpu_seconds(RUSAGE_SELF) - cpu_start;
  return t;
}

struct Timed {
  double wall = 0, cpu = 0;
};

template <typename F>
Timed timed(F&& work) {
  const double cpu_start = cpu_seconds(RUSAGE_SELF);
  const auto start = std::chrono::steady_clock::now();
  work();
  return {bench::seconds_since(start), cpu_seconds(RUSAGE_SELF) - cpu_start};
}

// The sheet imported again into the bank it filled, corrected: every 10th
// question (single choice or true/false) with another answer. Times what
// finding the changed questions costs (Bank::changed, the search insert()
// makes before it writes), for the sheet unchanged and corrected, and the
// corrected import with OnChanged::replace (changed questions found, new ones
// stored, old ones retired).
void reimport_corrected(const fs::path& db, int n) {
  std::vector<Question> sheet;
  sheet.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) sheet.push_back(bench::synthetic_question(static_cast<std::uint64_t>(i)));
  auto corrected = sheet;
  int edits = 0;
  for (std::size_t i = 0; i < corrected.size(); i += 10) {
    auto& q = corrected[i];
    if (q.type == QuestionType::true_false) {
      q.truth = !q.truth;
      ++edits;
    } else if (q.type == QuestionType::single) {
      q.correct = {(q.correct.front() + 1) % static_cast<int>(q.options.size())};
      ++edits;
    }
  }
  auto bank = bank::Bank::open(db.string());
  std::size_t unchanged_found = 0, corrected_found = 0;
  const auto same = timed([&] { unchanged_found = bank.changed(sheet).size(); });
  const auto found = timed([&] { corrected_found = bank.changed(corrected).size(); });
  bank::InsertOutcome outcome;
  const auto replace = timed([&] { outcome = bank.insert(corrected, {}, bank::OnChanged::replace); });
  std::printf("re-import into the full bank: finding changed questions %.2f s (CPU %.2f s) for the sheet again "
              "(%zu found), %.2f s (CPU %.2f s) for it corrected (%zu found of %d edited); "
              "corrected import with --replace %.2f s (CPU %.2f s): %d stored, %d replaced, %d duplicates\n",
              same.wall, same.cpu, unchanged_found, found.wall, found.cpu, corrected_found, edits, replace.wall,
              replace.cpu, outcome.inserted, outcome.replaced, outcome.duplicates);
}

struct ShellTimes {
  double total = 0, cpu = 0;
};

ShellTimes import_with_sqlite3_shell(const fs::path& csv, const fs::path& db, const fs::path& script) {
  remove_db(db);
  std::ofstream(script) << ".mode csv\n.import '" << csv.string() << "' t\n"
                        << "CREATE VIRTUAL TABLE f USING fts5(stem, options, explanation, tokenize='trigram');\n"
                        << "INSERT INTO f (stem, options, explanation) SELECT 题干, "
                        << "选项A || char(10) || 选项B || char(10) || 选项C || char(10) || 选项D, 解析 FROM t;\n";
  const double cpu_start = cpu_seconds(RUSAGE_CHILDREN);
  auto start = std::chrono::steady_clock::now();
  std::string command = "sqlite3 '" + db.string() + "' < '" + script.string() + "'";
  if (std::system(command.c_str()) != 0) {
    std::fprintf(stderr, "the sqlite3 shell failed: %s\n", command.c_str());
    std::exit(1);
  }
  return {bench::seconds_since(start), cpu_seconds(RUSAGE_CHILDREN) - cpu_start};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  fs::path dir = fs::temp_directory_path() / "ankang-bench-import";
  fs::create_directories(dir);
  fs::path csv = dir / "questions.csv";
  {
    std::ofstream out(csv, std::ios::binary);
    out << bench::synthetic_csv_header();
    for (int i = 0; i < n; ++i) out << bench::synthetic_csv_row(static_cast<std::uint64_t>(i));
  }
  std::printf("CSV: %d questions, %.1f MB (%s)\n", n, static_cast<double>(fs::file_size(csv)) / 1e6, csv.c_str());

  std::vector<double> ours, ours_cpu, parse, insert, shell, shell_cpu;
  for (int r = 0; r < rounds; ++r) {
    auto s = import_with_sqlite3_shell(csv, dir / "shell.db", dir / "shell.sql");
    shell.push_back(s.total);
    shell_cpu.push_back(s.cpu);
    auto t = import_with_ankang(csv, dir / "ankang.db", n);
    ours.push_back(t.total);
    ours_cpu.push_back(t.cpu);
    parse.push_back(t.parse);
    insert.push_back(t.insert);
    std::printf("round %d: ankang %.2f s (parse %.2f + insert %.2f; CPU %.2f s), sqlite3 shell %.2f s (CPU %.2f s)\n",
                r + 1, t.total, t.parse, t.insert, t.cpu, s.total, s.cpu);
  }
  std::printf("median wall: ankang %.2f s (parse %.2f, insert %.2f), sqlite3 shell %.2f s, ratio %.2f (target <= 1.5)\n",
              median(ours), median(parse), median(insert), median(shell), median(ours) / median(shell));
  std::printf("median CPU:  ankang %.2f s, sqlite3 shell %.2f s, ratio %.2f\n", median(ours_cpu), median(shell_cpu),
              median(ours_cpu) / median(shell_cpu));
  std::printf("bank size: ankang %.1f MB, shell %.1f MB\n",
              static_cast<double>(fs::file_size(dir / "ankang.db")) / 1e6,
              static_cast<double>(fs::file_size(dir / "shell.db")) / 1e6);
  reimport_corrected(dir / "ankang.db", n);
  fs::remove_all(dir);
  return 0;
}
