// Storage faults. A scripted kiosk session (open the store, sign in, a timed
// test answered to the end, export a bundle) runs in a child process with
// one fault: the Nth write, the Nth fsync or the Nth write answered with
// SQLITE_FULL (a VFS that wraps the default unix VFS), or the Nth SQLite
// allocation failing (SQLITE_CONFIG_MALLOC, set before sqlite3_initialize).
// For every N until the session runs without meeting its fault:
//   - no crash (the child ends by itself, never by a signal);
//   - no false "saved": what the child was told had succeeded (a worker, an
//     attempt, every answer, the export) is there after reopening without
//     faults, and every acknowledged answer replays as scored;
//   - the store passes PRAGMA integrity_check.
//
//   faults_harness --fault write|sync|full|malloc [--every K] [--max N] [--stop-at-error] [--control]
//
// --every K tries every Kth N (the full run: 1). After an error the worker
// goes on answering, as at the kiosk, unless --stop-at-error. --control
// acknowledges an answer even when the store threw: the run must then find
// false saves.
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/bundle_export.h"
#include "kiosk_script.h"
#include "results/bundle.h"
#include "results/error.h"

namespace ankang::reliability {
namespace {

using namespace ankang::kiosk;
namespace fs = std::filesystem;

enum class Fault { write, sync, full, malloc };

// [SECTION] Fault injection: one counter, armed with the call that fails.

long g_calls = 0;    // calls of the kind counted so far
long g_fail_at = 0;  // 0: disarmed
Fault g_fault = Fault::write;

bool fail_now() {
  if (g_fail_at == 0) return false;
  return ++g_calls == g_fail_at;
}

// The VFS shim: each file wraps a file of the default VFS.
sqlite3_vfs* g_real = nullptr;
struct ShimFile {
  sqlite3_file base;
  sqlite3_file* real;
};
sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f)->real; }

int shim_close(sqlite3_file* f) { return real_of(f)->pMethods->xClose(real_of(f)); }
int shim_read(sqlite3_file* f, void* p, int n, sqlite3_int64 off) { return real_of(f)->pMethods->xRead(real_of(f), p, n, off); }
int shim_write(sqlite3_file* f, const void* p, int n, sqlite3_int64 off) {
  if ((g_fault == Fault::write || g_fault == Fault::full) && fail_now())
    return g_fault == Fault::full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
  return real_of(f)->pMethods->xWrite(real_of(f), p, n, off);
}
int shim_truncate(sqlite3_file* f, sqlite3_int64 size) { return real_of(f)->pMethods->xTruncate(real_of(f), size); }
int shim_sync(sqlite3_file* f, int flags) {
  if (g_fault == Fault::sync && fail_now()) return SQLITE_IOERR_FSYNC;
  return real_of(f)->pMethods->xSync(real_of(f), flags);
}
int shim_size(sqlite3_file* f, sqlite3_int64* size) { return real_of(f)->pMethods->xFileSize(real_of(f), size); }
int shim_lock(sqlite3_file* f, int l) { return real_of(f)->pMethods->xLock(real_of(f), l); }
int shim_unlock(sqlite3_file* f, int l) { return real_of(f)->pMethods->xUnlock(real_of(f), l); }
int shim_check(sqlite3_file* f, int* out) { return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out); }
int shim_control(sqlite3_file* f, int op, void* arg) { return real_of(f)->pMethods->xFileControl(real_of(f), op, arg); }
int shim_sector(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int shim_device(sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); }
int shim_shm_map(sqlite3_file* f, int pg, int sz, int extend, void volatile** pp) {
  return real_of(f)->pMethods->xShmMap(real_of(f), pg, sz, extend, pp);
}
int shim_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
void shim_shm_barrier(sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
int shim_shm_unmap(sqlite3_file* f, int del) { return real_of(f)->pMethods->xShmUnmap(real_of(f), del); }

const sqlite3_io_methods kShimIo = {
    2,            shim_close,  shim_read,    shim_write,     shim_truncate,  shim_sync,       shim_size,
    shim_lock,    shim_unlock, shim_check,   shim_control,   shim_sector,    shim_device,     shim_shm_map,
    shim_shm_lock, shim_shm_barrier, shim_shm_unmap, nullptr, nullptr};

int shim_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  auto* f = reinterpret_cast<ShimFile*>(file);
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  const int rc = g_real->xOpen(g_real, name, f->real, flags, out_flags);
  file->pMethods = f->real->pMethods ? &kShimIo : nullptr;
  return rc;
}
int shim_delete(sqlite3_vfs*, const char* name, int sync) { return g_real->xDelete(g_real, name, sync); }
int shim_access(sqlite3_vfs*, const char* name, int flags, int* out) { return g_real->xAccess(g_real, name, flags, out); }
int shim_full_path(sqlite3_vfs*, const char* name, int n, char* out) { return g_real->xFullPathname(g_real, name, n, out); }
int shim_random(sqlite3_vfs*, int n, char* out) { return g_real->xRandomness(g_real, n, out); }
int shim_sleep(sqlite3_vfs*, int us) { return g_real->xSleep(g_real, us); }
int shim_time(sqlite3_vfs*, double* out) { return g_real->xCurrentTime(g_real, out); }
int shim_last_error(sqlite3_vfs*, int n, char* out) { return g_real->xGetLastError(g_real, n, out); }
int shim_time64(sqlite3_vfs*, sqlite3_int64* out) { return g_real->xCurrentTimeInt64(g_real, out); }

void install_vfs() {
  static sqlite3_vfs shim{};
  g_real = sqlite3_vfs_find(nullptr);
  shim.iVersion = 2;
  shim.szOsFile = static_cast<int>(sizeof(ShimFile)) + g_real->szOsFile;
  shim.mxPathname = g_real->mxPathname;
  shim.zName = "ankang-faulty";
  shim.xOpen = shim_open;
  shim.xDelete = shim_delete;
  shim.xAccess = shim_access;
  shim.xFullPathname = shim_full_path;
  shim.xRandomness = shim_random;
  shim.xSleep = shim_sleep;
  shim.xCurrentTime = shim_time;
  shim.xGetLastError = shim_last_error;
  shim.xCurrentTimeInt64 = shim_time64;
  sqlite3_vfs_register(&shim, 1);  // the default: Store::open uses it unchanged
}

// The allocator: SQLite's own, with the Nth allocation (malloc or realloc) failing.
sqlite3_mem_methods g_mem{};
void* mem_malloc(int n) { return fail_now() ? nullptr : g_mem.xMalloc(n); }
void* mem_realloc(void* p, int n) { return fail_now() ? nullptr : g_mem.xRealloc(p, n); }

void install_allocator() {
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &g_mem);
  static sqlite3_mem_methods wrapped = g_mem;
  wrapped.xMalloc = mem_malloc;
  wrapped.xRealloc = mem_realloc;
  if (sqlite3_config(SQLITE_CONFIG_MALLOC, &wrapped) != SQLITE_OK) {
    std::fprintf(stderr, "SQLITE_CONFIG_MALLOC refused: SQLite was initialised already\n");
    std::exit(2);
  }
}

// [SECTION] The scripted session, in the child.

void say(int fd, const std::string& line) {
  const std::string l = line + "\n";
  if (::write(fd, l.data(), l.size()) != static_cast<ssize_t>(l.size())) std::_Exit(4);
}

results::KeyPair device_key() {
  std::array<std::uint8_t, 32> seed{};
  seed.fill(42);
  return results::key_pair_from_seed(seed);
}

constexpr const char* kUscc = "91350100MA2YQ8KX3A";
constexpr std::int64_t kNow = 1782000000000;

// Errors are what a kiosk shows on screen; after one the worker goes on
// tapping, as at the kiosk. Only what returned normally is reported saved.
void session(const fs::path& dir, int fd, bool control, bool stop_at_error) {
  std::unique_ptr<Store> store;
  try {
    store = std::make_unique<Store>(Store::open((dir / "kiosk.db").string()));
  } catch (const std::exception&) {
    say(fd, "ERROR open");
    return;
  }
  Worker w;
  try {
    w = ensure_worker(*store, 1);
    store->set_enterprise_uscc(w.enterprise_id, kUscc);
    say(fd, "WORKER " + std::to_string(w.id));
  } catch (const std::exception&) {
    say(fd, "ERROR sign-in");
    return;
  }
  std::unique_ptr<Session> s;
  try {
    s = std::make_unique<Session>(start_attempt(*store, w, Mode::timed_test, 5, kNow));
    say(fd, "ATTEMPT " + std::to_string(s->attempt_id()));
  } catch (const std::exception&) {
    say(fd, "ERROR begin");
    return;
  }
  Millis clock = 0;
  int errors = 0;
  while (const auto in = next_intent(*s, clock, static_cast<std::uint64_t>(clock))) {
    clock += 1000;
    const std::string ack = "ACK " + std::to_string(s->attempt_id()) + " " + std::to_string(in->question) + " " +
                            std::string(intent_code(in->kind));
    try {
      s->apply(*in, clock, kNow + clock);
      say(fd, ack);
    } catch (const std::exception&) {
      if (control) say(fd, ack);
      say(fd, "ERROR answer");
      if (stop_at_error || ++errors > 3) return;
    }
  }
  try {
    const ExportResult r = export_bundle(*store, device_key(), "ankang-2026",
                                         [](const std::string&) { return std::string("安全生产法"); },
                                         (dir / "usb").string(), kNow + clock);
    say(fd, "EXPORTED " + std::to_string(r.sequence) + " " + r.file);
  } catch (const std::exception&) {
    say(fd, "ERROR export");
  }
}

// [SECTION] The parent: what the child was told, checked without faults.

struct Tally {
  long tried = 0, completed = 0, errors_shown = 0;
  long crashes = 0, false_saves = 0, integrity_failures = 0;
  long acknowledged = 0;
};

void fault_found(long& counter, long n, const std::string& what) {
  if (++counter <= 5) std::fprintf(stderr, "  N=%ld: %s\n", n, what.c_str());
}

// Rebuilds an attempt from its stored log and returns the questions it scores.
std::set<int> replayed_answers(Store& store, std::int64_t attempt) {
  AttemptRow row;
  row.id = attempt;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(store.handle(), "SELECT worker_id, mode, config, question_ids, seed FROM attempts WHERE id = ?",
                     -1, &s, nullptr);
  sqlite3_bind_int64(s, 1, attempt);
  std::set<int> out;
  if (sqlite3_step(s) != SQLITE_ROW) {
    sqlite3_finalize(s);
    return out;
  }
  row.worker_id = sqlite3_column_int64(s, 0);
  row.mode = Mode::timed_test;
  row.config_json = reinterpret_cast<const char*>(sqlite3_column_text(s, 2));
  const std::string ids = reinterpret_cast<const char*>(sqlite3_column_text(s, 3));
  row.seed = static_cast<std::uint64_t>(sqlite3_column_int64(s, 4));
  sqlite3_finalize(s);
  // question_ids is a JSON array of strings: "q1","q7",…
  for (std::size_t at = ids.find('"'); at != std::string::npos; at = ids.find('"', ids.find('"', at + 1) + 1))
    row.question_ids.push_back(ids.substr(at + 1, ids.find('"', at + 1) - at - 1));
  sqlite3_prepare_v2(store.handle(), "SELECT at_ms, body FROM intents WHERE attempt_id = ? ORDER BY seq", -1, &s,
                     nullptr);
  sqlite3_bind_int64(s, 1, attempt);
  while (sqlite3_step(s) == SQLITE_ROW)
    row.log.push_back({sqlite3_column_int64(s, 0), intent_from_json(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)))});
  sqlite3_finalize(s);
  const auto worker = store.worker(row.worker_id);
  if (!worker) return out;
  Session replay(store, *worker, row, paper_of(row.question_ids));
  for (const Event& e : replay.all_events())
    if (e.kind == EventKind::scored) out.insert(e.question);
  return out;
}

void check(const fs::path& dir, const std::vector<std::string>& lines, long n, Tally& t) try {
  Store store = Store::open((dir / "kiosk.db").string());
  const std::string ok = integrity(store);
  if (ok != "ok") fault_found(t.integrity_failures, n, "integrity_check: " + ok);
  std::map<std::int64_t, std::set<int>> replayed;
  for (const std::string& line : lines) {
    std::istringstream in(line);
    std::string word;
    in >> word;
    if (word == "ERROR") {
      ++t.errors_shown;
    } else if (word == "WORKER") {
      std::int64_t id = 0;
      in >> id;
      if (!store.worker(id)) fault_found(t.false_saves, n, "worker " + std::to_string(id) + " not stored");
    } else if (word == "ATTEMPT") {
      std::int64_t id = 0;
      in >> id;
      replayed[id] = replayed_answers(store, id);
      sqlite3_stmt* s = nullptr;
      sqlite3_prepare_v2(store.handle(), "SELECT count(*) FROM intents WHERE attempt_id = ?", -1, &s, nullptr);
      sqlite3_bind_int64(s, 1, id);
      const bool started = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) >= 1;
      sqlite3_finalize(s);
      if (!started) fault_found(t.false_saves, n, "attempt " + std::to_string(id) + " not stored with its start");
    } else if (word == "ACK") {
      std::int64_t attempt = 0;
      int question = 0;
      std::string kind;
      in >> attempt >> question >> kind;
      ++t.acknowledged;
      if (kind == "answer" && !replayed[attempt].count(question))
        fault_found(t.false_saves, n,
                    "answer to question " + std::to_string(question) + " acknowledged, not replayed from the store");
    } else if (word == "EXPORTED") {
      std::uint64_t sequence = 0;
      std::string file;
      in >> sequence >> file;
      if (store.last_bundle().sequence != sequence)
        fault_found(t.false_saves, n, "export " + std::to_string(sequence) + " not recorded");
      try {
        results::read_bundle_file(file, [](const results::DeviceId&) { return device_key().public_key; });
      } catch (const results::ResultsError& e) {
        fault_found(t.false_saves, n, "exported bundle does not verify: " + e.text().en);
      }
    }
  }
} catch (const std::exception& e) {
  fault_found(t.integrity_failures, n, std::string("reopening without faults failed: ") + e.what());
}

// Runs the session with the Nth call failing; false when N was never reached.
bool one(Fault fault, long n, bool control, bool stop_at_error, const fs::path& root, Tally& t) {
  const fs::path dir = root / ("n" + std::to_string(n));
  fs::create_directories(dir / "usb");
  int fds[2];
  if (::pipe(fds) != 0) std::exit(2);
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    g_fault = fault;
    g_calls = 0;
    g_fail_at = n;
    session(dir, fds[1], control, stop_at_error);
    say(fds[1], g_calls >= n ? "REACHED" : "UNREACHED");
    std::_Exit(0);
  }
  ::close(fds[1]);
  std::string text;
  char chunk[4096];
  ssize_t got;
  while ((got = ::read(fds[0], chunk, sizeof chunk)) > 0) text.append(chunk, static_cast<std::size_t>(got));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ++t.tried;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fault_found(t.crashes, n, WIFSIGNALED(status) ? std::string("killed by ") + strsignal(WTERMSIG(status))
                                                  : "exit " + std::to_string(WEXITSTATUS(status)));
  }
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  check(dir, lines, n, t);
  fs::remove_all(dir);
  const bool reached = std::find(lines.begin(), lines.end(), "UNREACHED") == lines.end();
  if (!reached) ++t.completed;
  return reached;
}

int run(int argc, char** argv) {
  Fault fault = Fault::write;
  std::string name = "write";
  long every = 1, max = 1000000;
  bool control = false, stop_at_error = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--fault" && has_value) name = argv[++i];
    else if (a == "--every" && has_value) every = std::max(1L, std::atol(argv[++i]));
    else if (a == "--max" && has_value) max = std::atol(argv[++i]);
    else if (a == "--control") control = true;
    else if (a == "--stop-at-error") stop_at_error = true;
    else name = "?";
  }
  if (name == "write") fault = Fault::write;
  else if (name == "sync") fault = Fault::sync;
  else if (name == "full") fault = Fault::full;
  else if (name == "malloc") fault = Fault::malloc;
  else {
    std::fprintf(stderr,
                 "用法 / usage: faults_harness --fault write|sync|full|malloc [--every K] [--max N] [--stop-at-error] "
                 "[--control]\n");
    return 2;
  }
  // Before anything initialises SQLite.
  if (fault == Fault::malloc) install_allocator();
  else install_vfs();

  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  std::string tmpl = (base / "ankang-faults-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return 2;
  const fs::path root = tmpl;
  const auto started = std::chrono::steady_clock::now();
  Tally t;
  long last = 0;
  for (long n = 1; n <= max; n += every) {
    last = n;
    if (!one(fault, n, control, stop_at_error, root, t)) break;
  }
  fs::remove_all(root);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(
      "%s%s%s: N = 1..%ld every %ld (%ld sessions, the last without meeting its fault: %s); errors shown %ld, "
      "acknowledged %ld; crashes %ld, false saves %ld, integrity_check failures %ld; %.1f s\n",
      control ? "control (acknowledged even when the store threw), " : "", name.c_str(),
      stop_at_error ? " (stop at the first error)" : "", last, every, t.tried,
      t.completed ? "yes" : "no", t.errors_shown, t.acknowledged, t.crashes, t.false_saves, t.integrity_failures,
      seconds);
  if (control) {
    std::printf("%s\n", t.false_saves > 0 ? "控制组发现虚假的“已保存”，检测有效 / the control found false saves: the harness sees them"
                                          : "控制组未发现问题 / the control found nothing: the harness proves nothing");
    return t.false_saves > 0 ? 0 : 1;
  }
  return t.crashes == 0 && t.false_saves == 0 && t.integrity_failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace ankang::reliability

int main(int argc, char** argv) { return ankang::reliability::run(argc, argv); }
