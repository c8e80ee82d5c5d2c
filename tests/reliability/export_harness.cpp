// Export to USB, interrupted. Each run copies a kiosk store with finished
// attempts and exports a score bundle in a child process with the kiosk's
// own export code, which is either killed with SIGKILL at a random moment or
// runs under a random RLIMIT_FSIZE (writes fail like a full stick). Then:
//   - every *.ankb in the folder verifies (never a half bundle under the
//     name the organiser imports);
//   - a bundle the store recorded as exported is in the folder, whole, with
//     the recorded hash; the store passes integrity_check;
//   - whatever else is left (temporary files) never verifies unless it is
//     whole, and `ankang results import` of a folder holding all of them
//     and one good bundle imports exactly that one.
//
//   export_harness [--runs N] [--seed S] [--ankang PATH] [--control]
//
// --control writes the bundle straight to its final name in small pieces,
// without the temporary file: the run must then find half bundles.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk/bundle_export.h"
#include "kiosk_script.h"
#include "results/bundle.h"
#include "results/error.h"

namespace ankang::reliability {
namespace {

using namespace ankang::kiosk;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kUscc = "91350100MA2YQ8KX3A";
constexpr const char* kContest = "ankang-2026";
constexpr std::int64_t kNow = 1782000000000;

struct Options {
  int runs = 100;
  std::uint64_t seed = 1;
  std::string ankang;
  bool control = false;
};

results::KeyPair device_key() {
  std::array<std::uint8_t, 32> seed{};
  seed.fill(42);
  return results::key_pair_from_seed(seed);
}

CategoryOf categories() {
  return [](const std::string&) { return std::string("安全生产法"); };
}

// A kiosk store with `attempts` finished attempts, closed cleanly.
void make_template(const std::string& db, int attempts) {
  Store store = Store::open(db);
  for (int i = 0; i < attempts; ++i) {
    const Worker w = ensure_worker(store, i % 7);
    store.set_enterprise_uscc(w.enterprise_id, kUscc);
    Session s = start_attempt(store, w, i % 2 ? Mode::timed_test : Mode::practice, static_cast<std::uint64_t>(i), kNow);
    Millis clock = 0;
    while (const auto in = next_intent(s, clock, static_cast<std::uint64_t>(clock + i))) s.apply(*in, clock += 900, kNow);
  }
}

// The control's writer: the final name at once, in small pieces, no fsync.
void careless_export(Store& store, const std::string& folder) {
  const auto payload = to_payload(store.unexported_attempts(), kContest, categories());
  const results::Bytes bytes = results::write_bundle(kContest, 1, {}, payload, device_key());
  std::FILE* f = std::fopen((fs::path(folder) / "kiosk-careless-000001.ankb").c_str(), "wb");
  if (!f) std::_Exit(1);
  for (std::size_t i = 0; i < bytes.size(); i += 64) {
    if (std::fwrite(bytes.data() + i, 1, std::min<std::size_t>(64, bytes.size() - i), f) == 0) std::_Exit(1);
    std::fflush(f);
  }
  std::fclose(f);
}

[[noreturn]] void child(const std::string& db, const std::string& folder, long fsize_limit, bool control) {
  ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG, as on a full disk
  try {
    Store store = Store::open(db);
    // The limit stands for a full stick: set once the store is open (its
    // shared-memory file is 32 KiB), so it is the export that meets it.
    if (fsize_limit >= 0) {
      const rlimit lim{static_cast<rlim_t>(fsize_limit), static_cast<rlim_t>(fsize_limit)};
      ::setrlimit(RLIMIT_FSIZE, &lim);
    }
    if (control) careless_export(store, folder);
    else export_bundle(store, device_key(), kContest, categories(), folder, kNow);
    std::_Exit(0);
  } catch (const ExportError&) {
    std::_Exit(1);
  } catch (const std::exception&) {
    std::_Exit(2);
  }
}

results::DeviceLookup lookup() {
  return [pub = device_key().public_key](const results::DeviceId& id) -> std::optional<results::PublicKey> {
    if (id == results::device_id_of(pub)) return pub;
    return std::nullopt;
  };
}

bool verifies(const std::string& file) {
  try {
    results::read_bundle_file(file, lookup());
    return true;
  } catch (const results::ResultsError&) {
    return false;
  }
}

struct Tally {
  int runs = 0, killed = 0, full = 0;
  int exported = 0, refused = 0;  // the child's own outcome when it was not killed
  int whole_bundles = 0, leftovers = 0, whole_leftovers = 0, orphans = 0;
  int half_bundles = 0, missing_recorded = 0, integrity_failures = 0, import_failures = 0;
};

// One interrupted export; the folder's files are checked, leftovers kept.
void one_run(const Options& o, const fs::path& root, const fs::path& keep, int i, Rng& rng, Tally& t,
             double full_ms, std::size_t bundle_bytes) {
  const fs::path run = root / ("run-" + std::to_string(i));
  fs::create_directories(run / "usb");
  fs::copy_file(root / "template.db", run / "kiosk.db");
  const bool kill = rng.below(2) == 0;
  const long limit = kill ? -1 : static_cast<long>(rng.below(bundle_bytes + 512));
  const auto delay = std::chrono::microseconds(static_cast<long>(rng.below(static_cast<std::uint64_t>(full_ms * 1000))));
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) child((run / "kiosk.db").string(), (run / "usb").string(), limit, o.control);
  int status = 0;
  if (kill) {
    const auto until = Clock::now() + delay;
    while (Clock::now() < until && ::waitpid(pid, &status, WNOHANG) == 0) ::usleep(50);
    ::kill(pid, SIGKILL);
  }
  ::waitpid(pid, &status, 0);
  ++t.runs;
  if (WIFSIGNALED(status)) ++t.killed;
  if (!kill) ++t.full;
  if (WIFEXITED(status)) (WEXITSTATUS(status) == 0 ? t.exported : t.refused)++;

  bool whole_ankb = false;
  for (const auto& entry : fs::directory_iterator(run / "usb")) {
    const std::string file = entry.path().string();
    if (entry.path().extension() == ".ankb") {
      if (verifies(file)) {
        ++t.whole_bundles;
        whole_ankb = true;
      } else if (++t.half_bundles <= 5) {
        std::fprintf(stderr, "  half bundle under its final name: %s (%ju bytes)\n", file.c_str(),
                     static_cast<std::uintmax_t>(entry.file_size()));
      }
    } else {
      ++t.leftovers;
      if (verifies(file)) ++t.whole_leftovers;
      fs::copy_file(entry.path(), keep / ("run-" + std::to_string(i) + "-" + entry.path().filename().string()));
    }
  }
  if (!o.control) {
    Store store = Store::open((run / "kiosk.db").string());
    if (integrity(store) != "ok") ++t.integrity_failures;
    const BundleLink last = store.last_bundle();
    if (last.sequence > 0) {
      bool found = false;
      for (const auto& entry : fs::directory_iterator(run / "usb"))
        if (entry.path().extension() == ".ankb" && verifies(entry.path().string()))
          found = found || results::to_hex(results::blake2b(results::read_file(entry.path().string(), results::kMaxBundleBytes))) ==
                               last.hash_hex;
      if (!found && ++t.missing_recorded <= 5) std::fprintf(stderr, "  run %d: recorded as exported, not in the folder\n", i);
    } else if (whole_ankb) {
      ++t.orphans;  // written but not recorded: the next export writes the same sequence again
    }
  }
  fs::remove_all(run);
}

// `ankang results import` of the leftovers plus one good bundle: exactly one imported.
void import_leftovers(const Options& o, const fs::path& root, const fs::path& keep, Tally& t) {
  if (o.ankang.empty()) return;
  const fs::path good = root / "good";
  fs::create_directories(good / "usb");
  fs::copy_file(root / "template.db", good / "kiosk.db");
  {
    Store store = Store::open((good / "kiosk.db").string());
    const ExportResult r = export_bundle(store, device_key(), kContest, categories(), (good / "usb").string(), kNow);
    fs::copy_file(r.file, keep / fs::path(r.file).filename());
  }
  const std::string org = (root / "org.db").string();
  const std::string out = (root / "import.txt").string();
  const std::string cmd = "LANG=C '" + o.ankang + "' device add --db '" + org + "' " +
                          results::to_hex(device_key().public_key) + " >/dev/null && LANG=C '" + o.ankang +
                          "' results import --db '" + org + "' '" + keep.string() + "' > '" + out + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (rc != 0 || text.find("imported 1, already imported 0, refused 0") == std::string::npos) {
    ++t.import_failures;
    std::fprintf(stderr, "  results import of the leftovers: exit %d\n%s", rc, text.c_str());
  }
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--runs" && has_value) o.runs = std::atoi(argv[++i]);
    else if (a == "--seed" && has_value) o.seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--ankang" && has_value) o.ankang = argv[++i];
    else if (a == "--control") o.control = true;
    else {
      std::fprintf(stderr, "用法 / usage: export_harness [--runs N] [--seed S] [--ankang PATH] [--control]\n");
      std::exit(2);
    }
  }
  return o;
}

int run(const Options& o) {
  std::string tmpl = (fs::temp_directory_path() / "ankang-export-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return 2;
  const fs::path root = tmpl;
  const fs::path keep = root / "leftovers";
  fs::create_directories(keep);
  make_template((root / "template.db").string(), 40);

  // How long a whole export takes, so kills land anywhere in it.
  double full_ms = 0;
  std::size_t bundle_bytes = 0;
  for (int i = 0; i < 3; ++i) {
    const fs::path run = root / "calibrate";
    fs::create_directories(run / "usb");
    fs::copy_file(root / "template.db", run / "kiosk.db");
    const auto start = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) child((run / "kiosk.db").string(), (run / "usb").string(), -1, o.control);
    int status = 0;
    ::waitpid(pid, &status, 0);
    full_ms = std::max(full_ms, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    for (const auto& entry : fs::directory_iterator(run / "usb")) bundle_bytes = entry.file_size();
    fs::remove_all(run);
  }

  Tally t;
  Rng rng(o.seed);
  const auto started = Clock::now();
  for (int i = 0; i < o.runs; ++i) one_run(o, root, keep, i, rng, t, full_ms, bundle_bytes);
  if (!o.control) import_leftovers(o, root, keep, t);
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  fs::remove_all(root);

  std::printf(
      "%s: %d runs (%d killed, %d under a file size limit) of a %zu-byte bundle, a whole export %.1f ms; "
      "exports that completed %d, refused %d; whole bundles %d, half bundles %d; leftovers %d (%d whole), "
      "bundles written but not recorded %d; recorded but missing %d, integrity_check failures %d, "
      "import failures %d; %.1f s\n",
      o.control ? "control (no temporary file)" : "export run", t.runs, t.killed, t.full, bundle_bytes, full_ms,
      t.exported, t.refused, t.whole_bundles, t.half_bundles, t.leftovers, t.whole_leftovers, t.orphans,
      t.missing_recorded, t.integrity_failures, t.import_failures, seconds);
  if (o.control) {
    std::printf("%s\n", t.half_bundles > 0 ? "控制组发现半个成绩包，检测有效 / the control left half bundles: the harness sees them"
                                           : "控制组未发现半个成绩包 / the control left none: the harness proves nothing");
    return t.half_bundles > 0 ? 0 : 1;
  }
  return t.half_bundles == 0 && t.missing_recorded == 0 && t.integrity_failures == 0 && t.import_failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace ankang::reliability

int main(int argc, char** argv) { return ankang::reliability::run(ankang::reliability::parse(argc, argv)); }
