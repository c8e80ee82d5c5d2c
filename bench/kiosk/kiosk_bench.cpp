// Kiosk benchmarks, each against a baseline measured in the same run
// (docs/PERFORMANCE.md, "Kiosk"):
//   1. start to first frame (the "first-frame" line each prints once the
//      frame is presented): ankang-kiosk (starter bank) vs bare_window;
//   2. peak resident memory of both;
//   3. CPU of an idle kiosk over 30 s (ANKANG_IDLE_SECONDS to change) and
//      its resident memory at the end;
//   4. tap to durable answer (engine reduce + one committed transaction)
//      p99 vs a bare SQLite one-row commit, WAL and synchronous=FULL, same disk;
//   5. building the font atlas: at start-up, with a paper, with the whole bank.
// Needs an X display (run under xvfb-run).
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <imgui.h>

#include "bench/support/first_frame.h"
#include "machine/font_lookup.h"
#include "kiosk/session.h"
#include "kiosk/store.h"
#include "question_bank/bank.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace ankang;
using namespace ankang::kiosk;

using bench::median;
using bench::percentile;
using bench::Run;
Run run(const std::vector<std::string>& argv) { return bench::run_to_first_frame(argv); }

// utime + stime of a process in clock ticks.
long cpu_ticks(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string s((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const auto close = s.rfind(')');
  std::vector<std::string> fields;
  std::string cur;
  for (std::size_t i = close + 2; i < s.size(); ++i) {
    if (s[i] == ' ') {
      fields.push_back(cur);
      cur.clear();
    } else {
      cur += s[i];
    }
  }
  // Fields after the name start at 3 (state); utime is 14, stime 15.
  return std::stol(fields.at(11)) + std::stol(fields.at(12));
}

// Resident memory of a running process, from /proc.
long rss_kb(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

struct Idle {
  double cpu_percent = 0;
  long rss_kb = 0;  // at the end of the idle time
};

Idle idle_kiosk(const std::string& kiosk, const std::string& data, int seconds) {
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr)) _exit(126);
    execl(kiosk.c_str(), kiosk.c_str(), "--windowed", "--data-dir", data.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  sleep(3);  // start-up and the first frames
  const long before = cpu_ticks(pid);
  sleep(static_cast<unsigned>(seconds));
  const long after = cpu_ticks(pid);
  Idle idle;
  idle.rss_kb = rss_kb(pid);
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  idle.cpu_percent = 100.0 * static_cast<double>(after - before) / static_cast<double>(sysconf(_SC_CLK_TCK)) / seconds;
  return idle;
}

std::vector<Question> bench_paper(int n) {
  std::vector<Question> out;
  for (int i = 0; i < n; ++i) {
    Question q;
    q.id = "bench-" + std::to_string(i);
    q.type = QuestionType::single;
    q.stem = "题目";
    q.options = {"甲", "乙", "丙", "丁"};
    q.correct = {0};
    out.push_back(q);
  }
  return out;
}

std::vector<double> durable_answers(const std::string& dir, int n) {
  Store store = Store::open(dir + "/kiosk.db");
  const auto e = store.add_enterprise("甲");
  const Worker w = store.add_worker(e, store.add_team(e, "一班"), "1", "甲", 0);
  SessionRules rules;
  rules.test_questions = n;
  rules.test_ms = 0;
  Session s(store, w, Mode::timed_test, session_config(Mode::timed_test, rules, {}), bench_paper(n), 1, 0);
  std::vector<double> ms;
  for (int i = 0; i < n; ++i) {
    Intent in = s.intent(IntentKind::answer);
    in.response.choices = 1;
    const auto t = Clock::now();
    s.apply(in, i * 1000, 0);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  return ms;
}

std::vector<double> bare_commits(const std::string& dir, int n) {
  sqlite3* db = nullptr;
  sqlite3_open((dir + "/bare.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (x INTEGER)", nullptr, nullptr,
               nullptr);
  std::vector<double> ms;
  for (int i = 0; i < n; ++i) {
    const auto t = Clock::now();
    sqlite3_exec(db, "BEGIN; INSERT INTO t VALUES (1); COMMIT", nullptr, nullptr, nullptr);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  sqlite3_close(db);
  return ms;
}

// Building the font atlas on the CPU (no GL), median of 5, at the 1080p body
// size: the start-up atlas (UI strings and the demonstration roster), the
// same plus the 20 questions of a paper (what a tap on 限时测试 adds before
// the first question shows) and plus the whole bank (what start-up built
// before the glyphs came with the questions).
void atlas_builds(const std::string& data) {
  const machine::FontFile font = machine::find_cjk_font();
  if (font.path.empty()) {
    std::printf("atlas builds: SKIP, no CJK font\n");
    return;
  }
  const auto all = bank::Bank::open(data + "/bank.db").all();
  const std::vector<std::string_view> roster = {"示范企业", "一班", "二班", "三班", "四班"};
  std::vector<std::string_view> paper = roster;
  for (std::size_t i = 0; i < all.size() && i < 20; ++i) ui::add_question_texts(all[i], paper);
  std::vector<std::string_view> bank = roster;
  for (const Question& q : all) ui::add_question_texts(q, bank);
  ImGui::CreateContext();
  for (const auto& [name, texts] : {std::pair{"start-up", &roster}, {"+ 20-question paper", &paper},
                                     {"+ whole bank", &bank}}) {
    std::vector<double> ms;
    for (int i = 0; i < 5; ++i) {
      const auto t = Clock::now();
      ui::build_fonts(*ImGui::GetIO().Fonts, font.path, font.index, 36.0f, *texts);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    }
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    std::printf("atlas %s: %.0f ms, body font %d glyphs, texture %dx%d\n", name, median(ms), ui::fonts().body->Glyphs.Size,
                atlas.TexWidth, atlas.TexHeight);
  }
  ImGui::DestroyContext();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: kiosk_bench ANKANG_KIOSK BARE_WINDOW   (under xvfb-run)\n");
    return 2;
  }
  if (!std::getenv("DISPLAY")) {
    std::printf("SKIP: no X display; run under xvfb-run\n");
    return 0;
  }
  const std::string kiosk = argv[1], bare = argv[2];
  const fs::path dir = fs::temp_directory_path() / ("ankang-kiosk-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string data = (dir / "data").string();

  // The first start builds the data directory (starter bank, key, PIN hash).
  const Run first = run({kiosk, "--windowed", "--first-frame-exit", "--data-dir", data});
  std::vector<double> k_ms, b_ms;
  long k_rss = 0, b_rss = 0;
  for (int i = 0; i < 11; ++i) {  // interleaved, so drift hits both alike
    const Run k = run({kiosk, "--windowed", "--first-frame-exit", "--data-dir", data});
    const Run b = run({bare});
    k_ms.push_back(k.ms);
    b_ms.push_back(b.ms);
    k_rss = std::max(k_rss, k.max_rss_kb);
    b_rss = std::max(b_rss, b.max_rss_kb);
  }
  const double km = median(k_ms), bm = median(b_ms);
  std::printf("start to first frame: kiosk %.0f ms, bare window %.0f ms, ratio %.2f (target <= 1.3)\n", km, bm, km / bm);
  std::printf("first start (creates the data directory): %.0f ms\n", first.ms);
  std::printf("peak RSS: kiosk %.1f MB, bare window %.1f MB, difference %.1f MB (target <= 50)\n", k_rss / 1024.0,
              b_rss / 1024.0, (k_rss - b_rss) / 1024.0);

  const int idle_s = std::getenv("ANKANG_IDLE_SECONDS") ? std::atoi(std::getenv("ANKANG_IDLE_SECONDS")) : 30;
  const Idle idle = idle_kiosk(kiosk, data, idle_s);
  std::printf("idle CPU over %d s: %.2f %% of a core (target < 1)\n", idle_s, idle.cpu_percent);
  std::printf("resident memory of the idle kiosk: %.1f MB, bare window peak + %.1f MB\n", idle.rss_kb / 1024.0,
              (idle.rss_kb - b_rss) / 1024.0);

  atlas_builds(data);

  const int n = 300;
  const auto bare_ms = bare_commits(dir.string(), n);
  const auto tap_ms = durable_answers(dir.string(), n);
  const double tp = percentile(tap_ms, 0.99), bp = percentile(bare_ms, 0.99);
  std::printf("tap to durable answer p99: %.2f ms (median %.2f), bare one-row commit p99: %.2f ms (median %.2f), "
              "ratio %.2f (target <= 2)\n",
              tp, median(tap_ms), bp, median(bare_ms), tp / bp);
  fs::remove_all(dir);
  return 0;
}
