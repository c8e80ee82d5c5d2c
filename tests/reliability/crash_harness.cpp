// Crash safety of the kiosk store. A child process takes scripted practices
// and timed tests through the real store and session code and reports on a
// pipe; the parent kills it with SIGKILL at seeded random points, restarts it
// on the same store and checks:
//   - every intent the child acknowledged (after the store's commit returned)
//     is in the store, with its content;
//   - PRAGMA integrity_check passes after every restart and at the end;
//   - an interrupted attempt resumes with the same answers, at the same
//     question and with the same time left.
//
//   crash_harness [--kills N] [--seed S] [--dir DIR] [--control]
//
// --control acknowledges before the commit and sets synchronous=OFF: the run
// must then find losses, or the harness could not see them. Exit 0 when the
// run shows what it must (no fault; with --control, at least one loss).
//
// Child protocol, one line per write (atomic below PIPE_BUF):
//   INTEGRITY text | FRESH | RESUME a n clock position remaining
//   NEW a mode | TRY a seq clock | ACK a seq kind question choices clock position finished
//   CKTRY a clock | CKACK a clock | DONE a | ABANDON a | ERROR text
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk_script.h"

namespace ankang::reliability {
namespace {

using namespace ankang::kiosk;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  int kills = 50;
  std::uint64_t seed = 1;
  std::string dir;
  bool control = false;
};

// [SECTION] The child: a kiosk that runs until it is killed.

void say(int fd, const std::string& line) {
  const std::string l = line + "\n";
  if (::write(fd, l.data(), l.size()) != static_cast<ssize_t>(l.size())) std::_Exit(4);
}

[[noreturn]] void child_main(const std::string& db, int fd, std::uint64_t seed, bool control) {
  try {
    Store store = Store::open(db);
    if (control) sqlite3_exec(store.handle(), "PRAGMA synchronous=OFF", nullptr, nullptr, nullptr);
    say(fd, "INTEGRITY " + integrity(store));
    Rng rng(seed);
    std::unique_ptr<Session> session;
    int seq = 0;
    Millis clock = 0;
    if (const auto row = store.open_attempt()) {
      const auto worker = store.worker(row->worker_id);
      session = std::make_unique<Session>(store, *worker, *row, paper_of(row->question_ids));
      seq = static_cast<int>(row->log.size());
      clock = session->start_clock();
      const View v = session->view(clock);
      say(fd, "RESUME " + std::to_string(row->id) + " " + std::to_string(seq) + " " + std::to_string(clock) + " " +
                  std::to_string(v.position) + " " + std::to_string(v.paper_remaining_ms));
    } else {
      say(fd, "FRESH");
    }
    const std::int64_t now = 1782000000000;
    for (;;) {
      if (!session || session->finished()) {
        if (session) say(fd, "DONE " + std::to_string(session->attempt_id()));
        const int count = store.counts().attempts;
        const Mode mode = count % 2 ? Mode::timed_test : Mode::practice;
        const Worker w = ensure_worker(store, count % 5);
        session = std::make_unique<Session>(start_attempt(store, w, mode, rng.next(), now));
        seq = 1;  // the start intent is stored with the attempt
        clock = 0;
        say(fd, "NEW " + std::to_string(session->attempt_id()) + " " + std::string(mode_code(mode)) + " " +
                    std::to_string(session->view(0).position));
        continue;
      }
      const auto in = next_intent(*session, clock, rng.next());
      const std::string a = std::to_string(session->attempt_id());
      if (!in) {
        say(fd, "TRY " + a + " -1 " + std::to_string(clock));
        store.abandon(session->attempt_id(), now);
        say(fd, "ABANDON " + a);
        session.reset();
        continue;
      }
      if (session->mode() == Mode::timed_test && in->kind == IntentKind::answer) {
        // The kiosk saves the attempt clock once a second while it runs.
        clock += 250;
        say(fd, "CKTRY " + a + " " + std::to_string(clock));
        if (control) say(fd, "CKACK " + a + " " + std::to_string(clock));
        store.checkpoint(session->attempt_id(), clock);
        if (!control) say(fd, "CKACK " + a + " " + std::to_string(clock));
      }
      clock += 500 + static_cast<Millis>(rng.below(1000));
      say(fd, "TRY " + a + " " + std::to_string(seq) + " " + std::to_string(clock));
      const auto ack = [&](int position, bool finished) {
        say(fd, "ACK " + a + " " + std::to_string(seq) + " " + std::string(intent_code(in->kind)) + " " +
                    std::to_string(in->question) + " " + std::to_string(in->response.choices) + " " +
                    std::to_string(clock) + " " + std::to_string(position) + " " + (finished ? "1" : "0"));
      };
      if (control) ack(-1, false);
      session->apply(*in, clock, now);
      if (!control) ack(session->view(clock).position, session->finished());
      ++seq;
    }
  } catch (const std::exception& e) {
    std::string what = e.what();
    for (char& c : what)
      if (c == '\n') c = ' ';
    say(fd, "ERROR " + what);
    std::_Exit(3);
  }
}

// [SECTION] The parent: what was acknowledged, and what must be found.

struct Acked {
  std::int64_t attempt = 0;
  int seq = 0;
  std::string kind;
  int question = 0;
  std::uint64_t choices = 0;
  Millis clock = 0;
};

struct AttemptModel {
  bool timed = false;
  int acked = 0;  // intents committed and acknowledged (or found on resume)
  bool inflight = false;
  Millis acked_clock = 0, tried_clock = 0;
  int position = 0;  // after the last acknowledged intent (-1: unknown)
  bool finished = false;  // by the last acknowledged intent
  bool done = false;
};

struct Tally {
  int kills = 0, restarts = 0, resumes = 0, fresh_starts = 0;
  int acked_intents = 0, acked_answers = 0, acked_checkpoints = 0;
  int integrity_failures = 0, resume_mismatches = 0, lost = 0, child_errors = 0;
};

class Parent {
 public:
  void line(const std::string& text) {
    std::istringstream in(text);
    std::string word;
    in >> word;
    if (word == "INTEGRITY") {
      std::string rest;
      std::getline(in, rest);
      if (rest != " ok") fault(tally_.integrity_failures, "integrity_check:" + rest);
    } else if (word == "FRESH") {
      ++tally_.fresh_starts;
      // No open attempt: the one running must have been finished by its last intent.
      if (current_ && !attempts_[current_].inflight && !attempts_[current_].finished)
        fault(tally_.resume_mismatches, "attempt " + std::to_string(current_) + " vanished");
      current_ = 0;
    } else if (word == "RESUME") {
      std::int64_t a = 0;
      int n = 0, position = 0;
      Millis clock = 0, remaining = 0;
      in >> a >> n >> clock >> position >> remaining;
      resume(a, n, clock, position, remaining);
    } else if (word == "NEW") {
      std::int64_t a = 0;
      std::string mode;
      int position = 0;
      in >> a >> mode >> position;
      if (current_ && current_ != a && !attempts_[current_].inflight && !attempts_[current_].finished &&
          !attempts_[current_].done)
        fault(tally_.resume_mismatches, "attempt " + std::to_string(current_) + " left open");
      AttemptModel m;
      m.timed = mode == "timed_test";
      m.acked = 1;
      m.position = position;
      attempts_[a] = m;
      acked_.push_back({a, 0, "start", -1, 0, 0});
      ++tally_.acked_intents;
      current_ = a;
    } else if (word == "TRY" || word == "CKTRY") {
      std::int64_t a = 0;
      int seq = 0;
      Millis clock = 0;
      in >> a;
      if (word == "TRY") in >> seq;
      in >> clock;
      auto& m = attempts_[a];
      if (word == "TRY") m.inflight = true;
      m.tried_clock = std::max(m.tried_clock, clock);
    } else if (word == "ACK") {
      Acked k;
      int position = 0, finished = 0;
      in >> k.attempt >> k.seq >> k.kind >> k.question >> k.choices >> k.clock >> position >> finished;
      auto& m = attempts_[k.attempt];
      m.inflight = false;
      m.finished = finished == 1;
      m.acked = k.seq + 1;
      m.acked_clock = std::max(m.acked_clock, k.clock);
      m.position = position;
      acked_.push_back(k);
      ++tally_.acked_intents;
      if (k.kind == "answer") ++tally_.acked_answers;
    } else if (word == "CKACK") {
      std::int64_t a = 0;
      Millis clock = 0;
      in >> a >> clock;
      auto& m = attempts_[a];
      m.acked_clock = std::max(m.acked_clock, clock);
      checkpoints_.emplace_back(a, clock);
      ++tally_.acked_checkpoints;
    } else if (word == "DONE" || word == "ABANDON") {
      std::int64_t a = 0;
      in >> a;
      attempts_[a].done = true;
      attempts_[a].inflight = false;
      current_ = 0;
    } else if (word == "ERROR") {
      fault(tally_.child_errors, text);
    }
  }

  // After the last kill: everything acknowledged must be in the store.
  void final_check(const std::string& db) {
    Store store = Store::open(db);
    const std::string check = integrity(store);
    if (check != "ok") fault(tally_.integrity_failures, "final integrity_check: " + check);
    sqlite3* h = store.handle();
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(h, "SELECT at_ms, body FROM intents WHERE attempt_id = ? AND seq = ?", -1, &s, nullptr);
    for (const Acked& k : acked_) {
      sqlite3_bind_int64(s, 1, k.attempt);
      sqlite3_bind_int(s, 2, k.seq);
      const std::string where = "attempt " + std::to_string(k.attempt) + " intent " + std::to_string(k.seq);
      if (sqlite3_step(s) != SQLITE_ROW) {
        fault(tally_.lost, "lost: " + where + " (" + k.kind + ")");
      } else {
        const Intent in = intent_from_json(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)));
        const bool same = intent_code(in.kind) == k.kind && (k.kind == "start" || in.question == k.question) &&
                          in.response.choices == k.choices && (k.seq == 0 || sqlite3_column_int64(s, 0) == k.clock);
        if (!same) fault(tally_.lost, "changed: " + where);
      }
      sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    sqlite3_prepare_v2(h, "SELECT clock_ms, finished_at IS NOT NULL FROM attempts WHERE id = ?", -1, &s, nullptr);
    for (const auto& [a, clock] : checkpoints_) {
      sqlite3_bind_int64(s, 1, a);
      if (sqlite3_step(s) != SQLITE_ROW || sqlite3_column_int64(s, 0) < clock)
        fault(tally_.lost, "lost checkpoint: attempt " + std::to_string(a) + " clock " + std::to_string(clock));
      sqlite3_reset(s);
    }
    for (const auto& [a, m] : attempts_) {
      if (!m.done) continue;
      sqlite3_bind_int64(s, 1, a);
      if (sqlite3_step(s) != SQLITE_ROW || sqlite3_column_int(s, 1) != 1)
        fault(tally_.lost, "lost: the end of attempt " + std::to_string(a));
      sqlite3_reset(s);
    }
    sqlite3_finalize(s);
  }

  Tally& tally() { return tally_; }

 private:
  void fault(int& counter, const std::string& what) {
    ++counter;
    if (counter <= 5) std::fprintf(stderr, "  %s\n", what.c_str());
  }

  void resume(std::int64_t a, int n, Millis clock, int position, Millis remaining) {
    ++tally_.resumes;
    const std::string id = "attempt " + std::to_string(a);
    if (current_ && current_ != a && !attempts_[current_].inflight && !attempts_[current_].finished)
      fault(tally_.resume_mismatches, "resumed " + id + " instead of attempt " + std::to_string(current_));
    auto found = attempts_.find(a);
    if (found == attempts_.end()) {
      // Begun, but killed before it was announced: at most its start is stored.
      if (n > 1) fault(tally_.resume_mismatches, "unannounced " + id + " has " + std::to_string(n) + " intents");
      attempts_[a] = AttemptModel{};
      found = attempts_.find(a);
      found->second.timed = remaining >= 0;
    } else {
      const AttemptModel& m = found->second;
      const bool committed_inflight = m.inflight && n == m.acked + 1;
      if (n != m.acked && !committed_inflight)
        fault(tally_.resume_mismatches, id + " resumed with " + std::to_string(n) + " intents, " +
                                            std::to_string(m.acked) + " acknowledged");
      if (clock < m.acked_clock || clock > m.tried_clock)
        fault(tally_.resume_mismatches, id + " resumed at clock " + std::to_string(clock) + ", expected " +
                                            std::to_string(m.acked_clock) + ".." + std::to_string(m.tried_clock));
      if (!committed_inflight && m.position >= 0 && position != m.position)
        fault(tally_.resume_mismatches, id + " resumed at question " + std::to_string(position) + ", was at " +
                                            std::to_string(m.position));
      if (m.timed && remaining != kTestMs - clock)
        fault(tally_.resume_mismatches, id + " resumed with " + std::to_string(remaining) + " ms left at clock " +
                                            std::to_string(clock));
    }
    AttemptModel& m = found->second;
    m.acked = n;
    m.inflight = false;
    m.acked_clock = m.tried_clock = clock;
    m.position = position;
    current_ = a;
  }

  Tally tally_;
  std::map<std::int64_t, AttemptModel> attempts_;
  std::vector<Acked> acked_;
  std::vector<std::pair<std::int64_t, Millis>> checkpoints_;
  std::int64_t current_ = 0;
};

// Reads the child's lines until `deadline` (or EOF); returns false at EOF.
// `acks` counts ACK lines seen.
bool pump(int fd, std::string& buffer, Parent& parent, int& acks, Clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left < 0 && deadline != Clock::time_point::max()) return true;
    pollfd p{fd, POLLIN, 0};
    const int r = ::poll(&p, 1, deadline == Clock::time_point::max() ? -1 : static_cast<int>(left));
    if (r == 0) return true;
    if (r < 0) continue;
    char chunk[4096];
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    std::size_t nl;
    while ((nl = buffer.find('\n')) != std::string::npos) {
      const std::string line = buffer.substr(0, nl);
      buffer.erase(0, nl + 1);
      if (line.rfind("ACK ", 0) == 0) ++acks;
      parent.line(line);
    }
  }
}

// One life of the child: start, let it acknowledge `acks_before` intents,
// wait `delay_us`, SIGKILL, read what it said before dying.
void one_life(const Options& o, const std::string& db, Parent& parent, std::uint64_t seed, int acks_before,
              int delay_us) {
  int fds[2];
  if (::pipe(fds) != 0) std::exit(2);
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    child_main(db, fds[1], seed, o.control);
  }
  ::close(fds[1]);
  std::string buffer;
  int acks = 0;
  bool open = true;
  // Until the chosen number of acknowledgements (or a second, if the child stalls).
  const auto give_up = Clock::now() + std::chrono::seconds(10);
  while (open && acks < acks_before && Clock::now() < give_up)
    open = pump(fds[0], buffer, parent, acks, std::min(give_up, Clock::now() + std::chrono::milliseconds(50)));
  if (open) open = pump(fds[0], buffer, parent, acks, Clock::now() + std::chrono::microseconds(delay_us));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  while (pump(fds[0], buffer, parent, acks, Clock::time_point::max())) {
  }
  ::close(fds[0]);
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++parent.tally().kills;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--kills" && has_value) o.kills = std::atoi(argv[++i]);
    else if (a == "--seed" && has_value) o.seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--dir" && has_value) o.dir = argv[++i];
    else if (a == "--control") o.control = true;
    else {
      std::fprintf(stderr, "用法 / usage: crash_harness [--kills N] [--seed S] [--dir DIR] [--control]\n");
      std::exit(2);
    }
  }
  return o;
}

int run(const Options& o) {
  std::string dir = o.dir;
  const bool temporary = dir.empty();
  if (temporary) {
    std::string tmpl = (fs::temp_directory_path() / "ankang-crash-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) return 2;
    dir = tmpl;
  }
  fs::create_directories(dir);
  const std::string db = (fs::path(dir) / "kiosk.db").string();
  Parent parent;
  Rng rng(o.seed);
  const auto started = Clock::now();
  for (int i = 0; i < o.kills; ++i)
    one_life(o, db, parent, rng.next(), static_cast<int>(rng.below(12)), static_cast<int>(rng.below(3000)));
  parent.final_check(db);
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  if (temporary) fs::remove_all(dir);

  const Tally& t = parent.tally();
  std::printf(
      "%s: %d kills, %d resumed attempts, %d fresh starts; acknowledged %d intents (%d answers), %d checkpoints; "
      "lost %d, integrity_check failures %d, resume mismatches %d, child errors %d; %.1f s\n",
      o.control ? "control (ack before commit, synchronous=OFF)" : "crash run", t.kills, t.resumes, t.fresh_starts,
      t.acked_intents, t.acked_answers, t.acked_checkpoints, t.lost, t.integrity_failures, t.resume_mismatches,
      t.child_errors, seconds);
  if (o.control) {
    const bool caught = t.lost > 0;
    std::printf("%s\n", caught ? "控制组发现丢失，检测有效 / the control found losses: the harness sees them"
                               : "控制组未发现丢失 / the control found no loss: the harness proves nothing");
    return caught ? 0 : 1;
  }
  const bool clean = t.lost == 0 && t.integrity_failures == 0 && t.resume_mismatches == 0 && t.child_errors == 0 &&
                     t.kills == o.kills;
  return clean ? 0 : 1;
}

}  // namespace
}  // namespace ankang::reliability

int main(int argc, char** argv) { return ankang::reliability::run(ankang::reliability::parse(argc, argv)); }
