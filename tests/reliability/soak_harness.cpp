// Soak: one kiosk process takes practices and timed tests through the real
// store and session code, worker after worker, until it has stored the
// answers asked for, exporting a bundle every 1,000. Resident memory is read
// from /proc/self/statm after a warm-up and at the end; it must grow less
// than 5 %. The warm-up (4,000 answers by default) lets SQLite's page cache
// (2 MiB per connection, bounded) fill as the store grows; the run then
// measures the next 10,000 answers. Built with ANKANG_SANITIZE=address, the
// same run is checked by LeakSanitizer at exit.
//
//   soak_harness [--answers N] [--warm-up W] [--max-growth PCT] [--control]
//
// --control leaks every attempt's session (a leak the kiosk must not have):
// the run must then report growth of 5 % or more, and LeakSanitizer the leak.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "kiosk/bundle_export.h"
#include "kiosk_script.h"

namespace ankang::reliability {
namespace {

using namespace ankang::kiosk;
namespace fs = std::filesystem;

long resident_kib() {
  std::ifstream in("/proc/self/statm");
  long pages = 0, resident = 0;
  in >> pages >> resident;
  return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

int run(int argc, char** argv) {
  long warm_up = 4000, measured = 10000;
  double max_growth = 5.0;
  bool control = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--answers" && i + 1 < argc) measured = std::atol(argv[++i]);
    else if (a == "--warm-up" && i + 1 < argc) warm_up = std::atol(argv[++i]);
    else if (a == "--max-growth" && i + 1 < argc) max_growth = std::atof(argv[++i]);
    else if (a == "--control") control = true;
    else {
      std::fprintf(stderr, "用法 / usage: soak_harness [--answers N] [--warm-up W] [--max-growth PCT] [--control]\n");
      return 2;
    }
  }
  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  std::string tmpl = (base / "ankang-soak-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return 2;
  const fs::path dir = tmpl;
  fs::create_directories(dir / "usb");
  std::array<std::uint8_t, 32> seed{};
  seed.fill(3);
  const results::KeyPair key = results::key_pair_from_seed(seed);

  const auto started = std::chrono::steady_clock::now();
  long answers = 0, attempts = 0, bundles = 0, warm_kib = 0;
  const long answers_wanted = warm_up + measured;
  std::string curve;                            // KiB at every tenth of the run
  {
    Store store = Store::open((dir / "kiosk.db").string());
    Rng rng(11);
    long next_export = 1000, next_report = answers_wanted / 10;
    while (answers < answers_wanted) {
      const Worker w = ensure_worker(store, static_cast<int>(attempts % 50));
      store.set_enterprise_uscc(w.enterprise_id, "91350100MA2YQ8KX3A");
      const Mode mode = attempts % 2 ? Mode::timed_test : Mode::practice;
      auto s = std::make_unique<Session>(start_attempt(store, w, mode, rng.next(), 1782000000000 + attempts));
      Millis clock = 0;
      while (const auto in = next_intent(*s, clock, rng.next())) {
        s->apply(*in, clock += 800, 1782000000000 + attempts);
        if (in->kind == IntentKind::answer) ++answers;
      }
      ++attempts;
      if (control) static_cast<void>(s.release());  // the control's leak
      if (answers >= next_export) {
        export_bundle(store, key, "ankang-2026", [](const std::string&) { return std::string("安全生产法"); },
                      (dir / "usb").string(), 1782000000000 + attempts);
        ++bundles;
        next_export += 1000;
      }
      if (!warm_kib && answers >= warm_up) warm_kib = resident_kib();
      if (answers >= next_report) {
        curve += " " + std::to_string(resident_kib());
        next_report += answers_wanted / 10;
      }
    }
  }
  const long end_kib = resident_kib();
  fs::remove_all(dir);
  const double growth = warm_kib ? 100.0 * static_cast<double>(end_kib - warm_kib) / static_cast<double>(warm_kib) : 0;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%s: %ld answers in %ld attempts, %ld bundles; resident %ld KiB after %ld answers, %ld KiB at the end "
              "(%+.2f %%, limit %.1f %%); KiB at each tenth:%s; %.1f s\n",
              control ? "control (sessions leaked)" : "soak", answers, attempts, bundles, warm_kib, warm_up, end_kib,
              growth, max_growth, curve.c_str(), seconds);
  if (control) {
    std::printf("%s\n", growth >= max_growth ? "控制组内存增长被发现，检测有效 / the control's growth was seen"
                                             : "控制组未见增长 / the control grew too little: the harness proves nothing");
    return growth >= max_growth ? 0 : 1;
  }
  return growth < max_growth ? 0 : 1;
}

}  // namespace
}  // namespace ankang::reliability

int main(int argc, char** argv) { return ankang::reliability::run(argc, argv); }
