// Console benchmark (docs/PERFORMANCE.md, "Console"): cold start of
// ankang-console, fork to the "first-frame" line it prints once its first
// frame is presented (--first-frame-exit), against bare_window --video-only
// (the same SDL2 + OpenGL + ImGui window with the console's window options),
// in alternating runs of the same process, as a ratio of the medians:
//   1. on an empty workspace (made by a first, untimed start);
//   2. on a workspace whose organiser store is big (simulated answers
//      imported as bundles): the console must not read the store before
//      its first frame;
//   3. both again starting on the 城市汇总 page (--page rollup), which reads
//      the store in a job and draws more texts than the home page;
//   4. the results page of both, 300 frames once the page has read the
//      store (--frame-stats): the UI's CPU time and the whole frame's.
// Needs an X display (run under xvfb-run).
//   console_bench ANKANG_CONSOLE BARE_WINDOW [RUNS] [ANSWERS]
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/support/first_frame.h"
#include "results/simulate.h"
#include "results/store.h"

namespace {

namespace fs = std::filesystem;
using namespace ankang;

struct Medians {
  double console = 0, bare = 0;
  long console_rss = 0, bare_rss = 0;
};

Medians alternate(const std::string& console, const std::string& bare, const std::string& workspace, int runs,
                  const std::vector<std::string>& extra = {}) {
  std::vector<double> c, b;
  Medians m;
  for (int i = 0; i < runs; ++i) {  // alternating, so drift hits both alike; which goes first alternates too
    const auto one_console = [&] {
      std::vector<std::string> argv = {console, "--first-frame-exit", "--workspace", workspace};
      argv.insert(argv.end(), extra.begin(), extra.end());
      const auto r = bench::run_to_first_frame(argv);
      c.push_back(r.ms);
      m.console_rss = std::max(m.console_rss, r.max_rss_kb);
    };
    const auto one_bare = [&] {
      const auto r = bench::run_to_first_frame({bare, "--video-only"});
      b.push_back(r.ms);
      m.bare_rss = std::max(m.bare_rss, r.max_rss_kb);
    };
    if (i % 2 == 0) {
      one_console();
      one_bare();
    } else {
      one_bare();
      one_console();
    }
  }
  m.console = bench::median(c);
  m.bare = bench::median(b);
  std::printf("  console runs (ms):");
  for (const double x : c) std::printf(" %.0f", x);
  std::printf("\n  bare runs (ms):   ");
  for (const double x : b) std::printf(" %.0f", x);
  std::printf("\n");
  return m;
}

void report(const char* what, const Medians& m) {
  std::printf("%s: console %.0f ms, bare window %.0f ms, ratio %.2f (target <= 1.3); peak RSS console %.1f MB, bare %.1f MB\n",
              what, m.console, m.bare, m.console / m.bare, m.console_rss / 1024.0, m.bare_rss / 1024.0);
}

// A workspace whose organiser store holds `answers` simulated answers (20 to
// an attempt, one attempt per worker, 5 attempts to a bundle), imported in
// one batch as `ankang results import` does. Made in a child process: a
// program forked from a big parent counts the parent's pages in its peak RSS.
void fill_big_store_here(const std::string& workspace, int answers) {
  fs::create_directories(workspace);
  results::SimulationOptions o;
  o.questions_per_paper = 20;
  o.attempts_per_bundle = 5;
  o.workers = std::max(1, answers / o.questions_per_paper);
  o.kiosks = 10;
  o.enterprises = 200;
  o.seed = 7;
  o.contest_id = "ankang-console-bench";
  const auto sim = results::simulate(o);
  results::OrganiserStore store(workspace + "/organiser.db");
  for (const auto& k : sim.kiosks) store.add_device(k.public_key, "");
  for (const auto& e : sim.enterprises) store.add_enterprise(e, o.year);
  store.begin_batch();
  for (const auto& bundle : sim.bundles) store.import_bundle(bundle.bytes, bundle.name);
  store.commit_batch();
}

void fill_big_store(const std::string& workspace, int answers) {
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid == 0) {
    fill_big_store_here(workspace, answers);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "making the big store failed (status %d)\n", status);
    std::exit(1);
  }
}

// The results page's frame times (ankang-console --frame-stats) once it has
// read the store: "frames N ui_p50_ms .. ui_p99_ms .. frame_p50_ms .. frame_p99_ms ..".
struct FrameStats {
  double ui_p50 = 0, ui_p99 = 0, frame_p50 = 0, frame_p99 = 0;
};

FrameStats results_frames(const std::string& console, const std::string& workspace, int frames) {
  const std::string cmd = "'" + console + "' --workspace '" + workspace + "' --page results --size 1920x1080 --frame-stats " +
                          std::to_string(frames);
  FrameStats f;
  if (std::FILE* p = popen(cmd.c_str(), "r")) {
    char line[512];
    while (std::fgets(line, sizeof line, p))
      std::sscanf(line, "frames %*d ui_p50_ms %lf ui_p99_ms %lf frame_p50_ms %lf frame_p99_ms %lf", &f.ui_p50, &f.ui_p99,
                  &f.frame_p50, &f.frame_p99);
    pclose(p);
  }
  return f;
}

void report_frames(const std::string& console, const std::string& empty, const std::string& big, int frames) {
  const auto e = results_frames(console, empty, frames);
  const auto b = results_frames(console, big, frames);
  std::printf("results page, %d frames at 1920x1080 (ms, median / 99th percentile):\n", frames);
  std::printf("  empty store: UI %.3f / %.3f, whole frame %.2f / %.2f\n", e.ui_p50, e.ui_p99, e.frame_p50, e.frame_p99);
  std::printf("  big store:   UI %.3f / %.3f, whole frame %.2f / %.2f (target: under 16 ms)\n", b.ui_p50, b.ui_p99,
              b.frame_p50, b.frame_p99);
  std::printf("  ratio big / empty: UI %.2f, whole frame %.2f (99th percentile)\n", b.ui_p99 / e.ui_p99,
              b.frame_p99 / e.frame_p99);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: console_bench ANKANG_CONSOLE BARE_WINDOW [RUNS] [ANSWERS]   (under xvfb-run)\n");
    return 2;
  }
  if (!std::getenv("DISPLAY")) {
    std::printf("SKIP: no X display; run under xvfb-run\n");
    return 0;
  }
  const std::string console = argv[1], bare = argv[2];
  const int runs = argc > 3 ? std::atoi(argv[3]) : 11;
  const int answers = argc > 4 ? std::atoi(argv[4]) : 1000000;
  const fs::path dir = fs::temp_directory_path() / ("ankang-console-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);

  const std::string empty = (dir / "empty").string();
  const auto first = bench::run_to_first_frame({console, "--first-frame-exit", "--workspace", empty});
  std::printf("first start (makes the workspace): %.0f ms\n", first.ms);
  std::printf("empty workspace, %d alternating runs each:\n", runs);
  report("start to first frame, empty workspace", alternate(console, bare, empty, runs));

  // The 城市汇总 page draws more texts than the home page (its glyphs join the atlas before the first frame).
  std::printf("empty workspace, starting on the 城市汇总 page (--page rollup), %d alternating runs each:\n", runs);
  report("start to first frame, empty workspace, --page rollup", alternate(console, bare, empty, runs, {"--page", "rollup"}));

  const std::string big = (dir / "big").string();
  const auto t = std::chrono::steady_clock::now();
  fill_big_store(big, answers);
  const auto store_mb = static_cast<double>(fs::file_size(big + "/organiser.db")) / (1024.0 * 1024.0);
  std::printf("big store: %d answers, organiser.db %.1f MB (made in %.1f s, not timed)\n", answers, store_mb,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count());
  std::printf("big store, %d alternating runs each:\n", runs);
  report("start to first frame, big store", alternate(console, bare, big, runs));
  // The 城市汇总 page reads the store in a job: its first frame says so and does not wait.
  std::printf("big store, starting on the 城市汇总 page (--page rollup), %d alternating runs each:\n", runs);
  report("start to first frame, big store, --page rollup", alternate(console, bare, big, runs, {"--page", "rollup"}));
  // The results page of that store, drawn frame after frame once it is read.
  report_frames(console, empty, big, 300);
  fs::remove_all(dir);
  return 0;
}
