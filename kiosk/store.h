// The kiosk store: one SQLite file in the data directory (WAL,
// synchronous=FULL). Schema in kiosk/sql/, applied in order by
// PRAGMA user_version. Every accepted answer is one transaction, committed
// before the screen moves on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/contest.h"
#include "results/package.h"
#include "storage/sqlite.h"

namespace ankang::kiosk {

// The storage layer's error: what() names the file and the reason, Chinese
// then English.
using StoreError = storage::StorageError;

struct Worker {
  std::int64_t id = 0;
  std::int64_t enterprise_id = 0;
  std::int64_t team_id = 0;
  std::string employee_no;
  std::string name;
  std::string team;
};

struct Named {
  std::int64_t id = 0;
  std::string name;
};

enum class Mode { practice, timed_test, mistakes };
std::string_view mode_code(Mode m);

struct AttemptRow {
  std::int64_t id = 0;
  std::int64_t worker_id = 0;
  Mode mode = Mode::practice;
  std::string config_json;
  std::vector<std::string> question_ids;
  std::uint64_t seed = 0;
  Millis clock_ms = 0;
  std::vector<TimedIntent> log;
};

struct BoardRow {
  std::string name;
  std::string team;
  int points = 0;
};

struct TeamBoardRow {
  std::string team;
  int workers = 0;
  int points = 0;
};

// A finished attempt not yet exported, with what a score bundle carries.
struct ExportAnswer {
  int question = 0;  // index into the attempt's question ids
  int credit = 0;    // permille
  int points = 0;
  Millis shown_ms = 0;
  Millis latency_ms = 0;
  std::string uuid;  // made when the answer was committed
  std::string response;
};

struct ExportAttempt {
  std::int64_t id = 0;
  std::string employee_no, name, team, enterprise, uscc;
  std::string config_json;
  std::vector<std::string> question_ids;
  std::uint64_t seed = 0;
  std::int64_t started_at_ms = 0, finished_at_ms = 0;
  std::vector<ExportAnswer> answers;
};

// A host-mode team contest left open by a crash or a stop signal.
struct HostRow {
  std::int64_t id = 0;
  std::string config_json;  // the whole contest config
  std::vector<std::string> question_ids;
  std::vector<std::string> teams;
  std::string enterprise_uscc;
  std::uint64_t seed = 0;
  std::int64_t started_at_ms = 0;
  Millis clock_ms = 0;  // the contest's own clock, checkpointed while it runs
  std::vector<TimedIntent> log;
};

struct HostTeamResult {
  std::string team;
  int rank = 0;
  int points = 0;
  int correct = 0;
  int fouls = 0;
};

// A finished host contest no bundle carried yet.
struct ExportHostContest {
  std::int64_t id = 0;
  std::string uuid;
  std::string enterprise_uscc;
  std::uint64_t seed = 0;
  std::int64_t started_at_ms = 0, finished_at_ms = 0;
  std::vector<HostTeamResult> teams;  // best first
};

// The last bundle this device wrote (sequence 0 and no hash before the first).
struct BundleLink {
  std::uint64_t sequence = 0;
  std::string hash_hex;
};

// The contest a package set: shown on the attract screen, carried by bundles.
struct CurrentContest {
  std::string id;
  std::string name;
  std::string config_json;
  std::int64_t valid_until_ms = 0;
};

struct Counts {
  int attempts = 0;
  int answers = 0;
};

class Store {
 public:
  // Opens or creates, checks (quick_check) and migrates.
  static Store open(const std::string& path);
  Store(Store&&) noexcept = default;
  Store& operator=(Store&&) noexcept = default;

  int schema_version() const;

  // Roster: the enterprises and teams the sign-in screen lists.
  std::vector<Named> enterprises() const;
  std::vector<Named> teams(std::int64_t enterprise_id) const;
  std::int64_t add_enterprise(const std::string& name);
  std::int64_t add_team(std::int64_t enterprise_id, const std::string& name);
  void set_enterprise_uscc(std::int64_t enterprise_id, const std::string& uscc);
  std::string enterprise_uscc(std::int64_t enterprise_id) const;
  // One transaction: the package's enterprises and teams become the roster
  // (those it does not list leave it, their workers stay) and its contest
  // the current one. An empty roster (a version 1 package) leaves the roster.
  void load_contest(const CurrentContest& contest, const std::vector<results::RosterEnterprise>& roster);
  std::optional<CurrentContest> current_contest() const;
  std::optional<Worker> find_worker(std::int64_t enterprise_id, const std::string& employee_no) const;
  Worker add_worker(std::int64_t enterprise_id, std::int64_t team_id, const std::string& employee_no,
                    const std::string& name, std::int64_t now_unix);

  // Attempts.
  std::int64_t begin_attempt(const std::string& uuid, std::int64_t worker_id, Mode mode, const std::string& config_json,
                             const std::vector<std::string>& question_ids, std::uint64_t seed,
                             std::int64_t started_unix_ms);
  // One transaction: the intent, its events, the attempt clock, the mistake
  // book rows of the question answered, and (when the events finish the
  // attempt) the result. A scored answer gets its lifelong id and keeps its
  // compact response (bundle_export.h). Returns after COMMIT.
  void record(std::int64_t attempt_id, const TimedIntent& intent, const std::vector<Event>& events,
              const std::string& question_id, std::int64_t worker_id, std::int64_t now_unix_ms,
              const std::string& response = {});
  // The attempt clock while nothing is answered (timed tests).
  void checkpoint(std::int64_t attempt_id, Millis clock_ms);
  // Ends an attempt without a result (signed out, idle timeout).
  void abandon(std::int64_t attempt_id, std::int64_t now_unix_ms);
  // The attempt left open by a crash, with its log, if any.
  std::optional<AttemptRow> open_attempt() const;
  std::optional<Worker> worker(std::int64_t id) const;

  // Host-mode contests: the setup when it starts, then one transaction per
  // accepted host intent (with the standings when the contest has ended; a
  // correction after the end updates them until a bundle carried them).
  std::int64_t begin_host_contest(const std::string& uuid, const std::string& contest_id, const std::string& config_json,
                                  const std::vector<std::string>& question_ids, const std::vector<std::string>& teams,
                                  const std::string& enterprise_uscc, std::uint64_t seed, std::int64_t started_unix_ms);
  void record_host(std::int64_t contest, const TimedIntent& intent, const std::vector<HostTeamResult>* final_standings,
                   std::int64_t now_unix_ms);
  void checkpoint_host(std::int64_t contest, Millis clock_ms);
  // The host left before the end: the contest is closed without results.
  void abandon_host(std::int64_t contest, std::int64_t now_unix_ms);
  std::optional<HostRow> open_host_contest() const;

  // Mistake book and leaderboard.
  std::vector<std::string> mistakes(std::int64_t worker_id) const;
  // Best timed-test score per worker since a time, best first.
  std::vector<BoardRow> leaderboard(std::int64_t since_unix_ms, int limit) const;
  // Teams by the best timed-test scores of their workers since a time, added
  // up; best first.
  std::vector<TeamBoardRow> team_leaderboard(std::int64_t since_unix_ms, int limit) const;
  // 1-based rank of a worker's best timed-test score among a team or an
  // enterprise (0 when the worker has none).
  int rank_in_team(std::int64_t worker_id) const;
  int rank_in_enterprise(std::int64_t worker_id) const;
  Counts counts() const;

  // Score bundle export: attempts with a result that no bundle carried yet,
  // the device's last bundle, and (one transaction, after the file is safely
  // written) the new bundle and the attempts it carried.
  std::vector<ExportAttempt> unexported_attempts() const;
  std::vector<ExportHostContest> unexported_host_contests() const;
  BundleLink last_bundle() const;
  // Also clears the pending bundle: it is recorded now.
  void mark_exported(const BundleLink& bundle, const std::string& file, int answers,
                     const std::vector<std::int64_t>& attempt_ids, std::int64_t now_unix_ms,
                     const std::vector<std::int64_t>& host_contest_ids = {});
  // A bundle signed but not yet recorded as exported (its sequence, bytes and
  // attempts, as bundle_export.cpp writes them), kept before its file is put
  // in place so the next export writes the same bytes under that number.
  std::optional<std::string> pending_bundle() const;
  void set_pending_bundle(const std::string& text);

  std::optional<std::string> setting(const std::string& key) const;
  void set_setting(const std::string& key, const std::string& value);

  sqlite3* handle() const { return db_.handle(); }

 private:
  explicit Store(storage::Database db) : db_(std::move(db)) {}
  // Statements are prepared once per connection (Database::cached); the
  // const queries share them, hence mutable.
  mutable storage::Database db_;
};

// Intents as JSON text (the kiosk's own log format).
std::string intent_to_json(const Intent& in);
Intent intent_from_json(const std::string& text);

}  // namespace ankang::kiosk
