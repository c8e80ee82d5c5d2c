#include "kiosk/store.h"

#include "embed/embedded_file.h"
#include "question_bank/bank.h"
#include "storage/migrations.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>

namespace ankang_kiosk_sql { std::span<const ankang::EmbeddedFile> files(); }

namespace ankang::kiosk {

namespace {

using storage::Statement;

// The schema ladder: kiosk/sql/NNN_*.sql, embedded by kiosk/CMakeLists.txt.
const std::vector<storage::Migration>& ladder() {
  static const std::vector<storage::Migration> steps = [] {
    std::vector<std::pair<std::string_view, std::string_view>> files;
    for (const auto& f : ankang_kiosk_sql::files()) files.emplace_back(f.path, f.text());
    return storage::make_ladder(std::move(files));
  }();
  return steps;
}

// The first column of the first row (0 when there is none); leaves the
// statement reset, so a cached one holds no read snapshot.
std::int64_t scalar(Statement& s) {
  const std::int64_t v = s.step() ? s.int64(0) : 0;
  s.reset();
  return v;
}

Worker worker_from(const Statement& s) {
  return {s.int64(0), s.int64(1), s.int64(2), s.text(3), s.text(4), s.text(5)};
}

constexpr std::string_view kWorkerColumns =
    "SELECT w.id, w.enterprise_id, w.team_id, w.employee_no, w.name, t.name FROM workers w "
    "JOIN teams t ON t.id = w.team_id ";

// Ints of the engine's events and the kiosk's rows, bound as SQLite integers.
std::int64_t i64(int v) { return v; }

}  // namespace

std::string_view mode_code(Mode m) {
  switch (m) {
    case Mode::practice: return "practice";
    case Mode::timed_test: return "timed_test";
    case Mode::mistakes: return "mistakes";
  }
  return "practice";
}

Store Store::open(const std::string& path) {
  // Database opens with WAL, synchronous=FULL and foreign keys, and names the
  // file when it cannot.
  Store store{storage::Database(path)};
  {
    Statement check = store.db_.prepare("PRAGMA quick_check");
    if (check.step() && check.text(0) != "ok")
      throw StoreError(Text{path + "：答题记录库已损坏：" + check.text(0),
                            path + ": the kiosk store is damaged: " + check.text(0)},
                       check.text(0));
  }
  storage::migrate(store.handle(), ladder(), Text{"答题记录库", "kiosk store"});
  return store;
}

int Store::schema_version() const { return storage::schema_version(db_.handle()); }

std::vector<Named> Store::enterprises() const {
  std::vector<Named> out;
  Statement s = db_.prepare("SELECT id, name FROM enterprises WHERE active ORDER BY id");
  while (s.step()) out.push_back({s.int64(0), s.text(1)});
  return out;
}

std::vector<Named> Store::teams(std::int64_t enterprise_id) const {
  std::vector<Named> out;
  Statement s = db_.prepare("SELECT id, name FROM teams WHERE enterprise_id = ? AND active ORDER BY id");
  s.bind(1, enterprise_id);
  while (s.step()) out.push_back({s.int64(0), s.text(1)});
  return out;
}

std::int64_t Store::add_enterprise(const std::string& name) {
  Statement s =
      db_.prepare("INSERT INTO enterprises (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id");
  s.bind(1, name);
  return scalar(s);
}

std::int64_t Store::add_team(std::int64_t enterprise_id, const std::string& name) {
  Statement s = db_.prepare(
      "INSERT INTO teams (enterprise_id, name) VALUES (?, ?) "
      "ON CONFLICT (enterprise_id, name) DO UPDATE SET name = name RETURNING id");
  s.bind(1, enterprise_id).bind(2, name);
  return scalar(s);
}

void Store::load_contest(const CurrentContest& contest, const std::vector<results::RosterEnterprise>& roster) {
  storage::Transaction t(db_);
  if (!roster.empty()) {
    db_.prepare("UPDATE enterprises SET active = 0").run();
    db_.prepare("UPDATE teams SET active = 0").run();
  }
  // Matched by name (the column is unique), so a worker who signs in again
  // under the same enterprise finds their number.
  Statement enterprise = db_.prepare(
      "INSERT INTO enterprises (name, uscc) VALUES (?, ?) "
      "ON CONFLICT (name) DO UPDATE SET uscc = excluded.uscc, active = 1 RETURNING id");
  Statement team = db_.prepare(
      "INSERT INTO teams (enterprise_id, name) VALUES (?, ?) ON CONFLICT (enterprise_id, name) DO UPDATE SET active = 1");
  for (const auto& e : roster) {
    enterprise.bind(1, e.name).bind(2, e.uscc);
    const std::int64_t id = scalar(enterprise);
    for (const auto& name : e.teams) {
      team.bind(1, id).bind(2, name);
      team.run();
    }
  }
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"contest_id", contest.id},
                                   {"contest_name", contest.name},
                                   {"contest_config", contest.config_json},
                                   {"contest_valid_until", std::to_string(contest.valid_until_ms)}})
    set_setting(key, value);
  t.commit();
}

std::optional<CurrentContest> Store::current_contest() const {
  auto name = setting("contest_name");
  if (!name) return std::nullopt;
  CurrentContest c;
  c.id = setting("contest_id").value_or("");
  c.name = *name;
  c.config_json = setting("contest_config").value_or("");
  c.valid_until_ms = std::stoll(setting("contest_valid_until").value_or("0"));
  return c;
}

std::optional<Worker> Store::find_worker(std::int64_t enterprise_id, const std::string& employee_no) const {
  Statement s = db_.prepare(std::string(kWorkerColumns) + "WHERE w.enterprise_id = ? AND w.employee_no = ?");
  s.bind(1, enterprise_id).bind(2, employee_no);
  if (!s.step()) return std::nullopt;
  return worker_from(s);
}

std::optional<Worker> Store::worker(std::int64_t id) const {
  Statement s = db_.prepare(std::string(kWorkerColumns) + "WHERE w.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return worker_from(s);
}

Worker Store::add_worker(std::int64_t enterprise_id, std::int64_t team_id, const std::string& employee_no,
                         const std::string& name, std::int64_t now_unix) {
  db_.prepare("INSERT INTO workers (enterprise_id, team_id, employee_no, name, created_at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, enterprise_id)
      .bind(2, team_id)
      .bind(3, employee_no)
      .bind(4, name)
      .bind(5, now_unix)
      .run();
  return *worker(db_.last_insert_id());
}

std::int64_t Store::begin_attempt(const std::string& uuid, std::int64_t worker_id, Mode mode,
                                  const std::string& config_json, const std::vector<std::string>& question_ids,
                                  std::uint64_t seed, std::int64_t started_unix_ms) {
  db_.prepare(
         "INSERT INTO attempts (uuid, worker_id, mode, config, question_ids, seed, started_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, uuid)
      .bind(2, worker_id)
      .bind(3, mode_code(mode))
      .bind(4, config_json)
      .bind(5, nlohmann::json(question_ids).dump())
      .bind(6, static_cast<std::int64_t>(seed))
      .bind(7, started_unix_ms)
      .run();
  return db_.last_insert_id();
}

void Store::set_enterprise_uscc(std::int64_t enterprise_id, const std::string& uscc) {
  db_.prepare("UPDATE enterprises SET uscc = ? WHERE id = ?").bind(1, uscc).bind(2, enterprise_id).run();
}

std::string Store::enterprise_uscc(std::int64_t enterprise_id) const {
  Statement s = db_.prepare("SELECT uscc FROM enterprises WHERE id = ?");
  s.bind(1, enterprise_id);
  return s.step() ? s.text(0) : std::string();
}

void Store::record(std::int64_t attempt_id, const TimedIntent& intent, const std::vector<Event>& events,
                   const std::string& question_id, std::int64_t worker_id, std::int64_t now_unix_ms,
                   const std::string& response) {
  // Every tap comes here: the statements are prepared once per connection.
  storage::Transaction t(db_);
  const std::int64_t seq = scalar(db_.cached("SELECT COUNT(*) FROM intents WHERE attempt_id = ?").bind(1, attempt_id));
  db_.cached("INSERT INTO intents (attempt_id, seq, at_ms, body) VALUES (?, ?, ?, ?)")
      .bind(1, attempt_id)
      .bind(2, seq)
      .bind(3, intent.at)
      .bind(4, intent_to_json(intent.intent))
      .run();
  std::int64_t ev_seq = scalar(db_.cached("SELECT COUNT(*) FROM events WHERE attempt_id = ?").bind(1, attempt_id));
  for (const Event& e : events) {
    // The answer's id is made once, here, so a bundle exported twice names it the same.
    const bool answer = e.kind == EventKind::scored;
    db_.cached(
           "INSERT INTO events (attempt_id, seq, kind, at_ms, question, credit, points, total, value, extra, reason, "
           "answer_uuid, response) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, attempt_id)
        .bind(2, ev_seq++)
        .bind(3, event_code(e.kind))
        .bind(4, e.at)
        .bind(5, i64(e.question))
        .bind(6, i64(e.credit))
        .bind(7, i64(e.points))
        .bind(8, i64(e.total))
        .bind(9, i64(e.value))
        .bind(10, i64(e.extra))
        .bind(11, reject_code(e.reason))
        .bind(12, answer ? bank::new_time_ordered_uuid() : std::string())
        .bind(13, answer ? response : std::string())
        .run();
    if ((e.kind == EventKind::scored || e.kind == EventKind::timed_out) && !question_id.empty()) {
      // The mistake book: a wrong answer adds the question, a right one clears it.
      db_.cached(e.credit < 1000 ? "INSERT INTO mistakes (worker_id, question_id, lapses) VALUES (?, ?, 1) "
                                   "ON CONFLICT (worker_id, question_id) DO UPDATE SET lapses = lapses + 1"
                                 : "DELETE FROM mistakes WHERE worker_id = ? AND question_id = ?")
          .bind(1, worker_id)
          .bind(2, question_id)
          .run();
    }
    if (e.kind == EventKind::submitted) {
      db_.cached("UPDATE attempts SET finished_at = ?, points = ?, correct = ?, passed = ? WHERE id = ?")
          .bind(1, now_unix_ms)
          .bind(2, i64(e.total))
          .bind(3, i64(e.value))
          .bind(4, i64(e.extra))
          .bind(5, attempt_id)
          .run();
    }
  }
  checkpoint(attempt_id, intent.at);
  t.commit();
}

void Store::checkpoint(std::int64_t attempt_id, Millis clock_ms) {
  db_.cached("UPDATE attempts SET clock_ms = MAX(clock_ms, ?) WHERE id = ?").bind(1, clock_ms).bind(2, attempt_id).run();
}

void Store::abandon(std::int64_t attempt_id, std::int64_t now_unix_ms) {
  db_.prepare("UPDATE attempts SET finished_at = ? WHERE id = ? AND finished_at IS NULL")
      .bind(1, now_unix_ms)
      .bind(2, attempt_id)
      .run();
}

std::optional<AttemptRow> Store::open_attempt() const {
  Statement s = db_.prepare(
      "SELECT id, worker_id, mode, config, question_ids, seed, clock_ms FROM attempts "
      "WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1");
  if (!s.step()) return std::nullopt;
  AttemptRow a;
  a.id = s.int64(0);
  a.worker_id = s.int64(1);
  const std::string mode = s.text(2);
  a.mode = mode == "timed_test" ? Mode::timed_test : mode == "mistakes" ? Mode::mistakes : Mode::practice;
  a.config_json = s.text(3);
  a.question_ids = nlohmann::json::parse(s.text(4)).get<std::vector<std::string>>();
  a.seed = static_cast<std::uint64_t>(s.int64(5));
  a.clock_ms = s.int64(6);
  Statement l = db_.prepare("SELECT at_ms, body FROM intents WHERE attempt_id = ? ORDER BY seq");
  l.bind(1, a.id);
  while (l.step()) a.log.push_back({l.int64(0), intent_from_json(l.text(1))});
  return a;
}

std::int64_t Store::begin_host_contest(const std::string& uuid, const std::string& contest_id,
                                      const std::string& config_json, const std::vector<std::string>& question_ids,
                                      const std::vector<std::string>& teams, const std::string& enterprise_uscc,
                                      std::uint64_t seed, std::int64_t started_unix_ms) {
  db_.prepare(
         "INSERT INTO host_contests (uuid, contest_id, config, question_ids, teams, enterprise_uscc, seed, started_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, uuid)
      .bind(2, contest_id)
      .bind(3, config_json)
      .bind(4, nlohmann::json(question_ids).dump())
      .bind(5, nlohmann::json(teams).dump())
      .bind(6, enterprise_uscc)
      .bind(7, static_cast<std::int64_t>(seed))
      .bind(8, started_unix_ms)
      .run();
  return db_.last_insert_id();
}

void Store::record_host(std::int64_t contest, const TimedIntent& intent,
                        const std::vector<HostTeamResult>* final_standings, std::int64_t now_unix_ms) {
  storage::Transaction t(db_);
  const std::int64_t seq = scalar(db_.cached("SELECT COUNT(*) FROM host_intents WHERE contest = ?").bind(1, contest));
  db_.cached("INSERT INTO host_intents (contest, seq, at_ms, body) VALUES (?, ?, ?, ?)")
      .bind(1, contest)
      .bind(2, seq)
      .bind(3, intent.at)
      .bind(4, intent_to_json(intent.intent))
      .run();
  checkpoint_host(contest, intent.at);
  if (final_standings) {
    Statement row = db_.prepare(
        "INSERT INTO host_results (contest, team_index, team, rank, points, correct, fouls) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (contest, team_index) DO UPDATE SET team = excluded.team, rank = excluded.rank, "
        "points = excluded.points, correct = excluded.correct, fouls = excluded.fouls");
    for (std::size_t i = 0; i < final_standings->size(); ++i) {
      const HostTeamResult& r = (*final_standings)[i];
      row.bind(1, contest).bind(2, static_cast<std::int64_t>(i)).bind(3, r.team).bind(4, i64(r.rank)).bind(5, i64(r.points));
      row.bind(6, i64(r.correct)).bind(7, i64(r.fouls));
      row.run();
    }
    // A correction after the end updates the standings, not the end.
    db_.prepare("UPDATE host_contests SET finished_at = COALESCE(finished_at, ?) WHERE id = ?")
        .bind(1, now_unix_ms)
        .bind(2, contest)
        .run();
  }
  t.commit();
}

void Store::checkpoint_host(std::int64_t contest, Millis clock_ms) {
  db_.cached("UPDATE host_contests SET clock_ms = MAX(clock_ms, ?) WHERE id = ?").bind(1, clock_ms).bind(2, contest).run();
}

void Store::abandon_host(std::int64_t contest, std::int64_t now_unix_ms) {
  db_.prepare("UPDATE host_contests SET finished_at = ? WHERE id = ? AND finished_at IS NULL")
      .bind(1, now_unix_ms)
      .bind(2, contest)
      .run();
}

std::optional<HostRow> Store::open_host_contest() const {
  Statement s = db_.prepare(
      "SELECT id, config, question_ids, teams, enterprise_uscc, seed, started_at, clock_ms FROM host_contests "
      "WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1");
  if (!s.step()) return std::nullopt;
  HostRow h;
  h.id = s.int64(0);
  h.config_json = s.text(1);
  h.question_ids = nlohmann::json::parse(s.text(2)).get<std::vector<std::string>>();
  h.teams = nlohmann::json::parse(s.text(3)).get<std::vector<std::string>>();
  h.enterprise_uscc = s.text(4);
  h.seed = static_cast<std::uint64_t>(s.int64(5));
  h.started_at_ms = s.int64(6);
  h.clock_ms = s.int64(7);
  Statement l = db_.prepare("SELECT at_ms, body FROM host_intents WHERE contest = ? ORDER BY seq");
  l.bind(1, h.id);
  while (l.step()) h.log.push_back({l.int64(0), intent_from_json(l.text(1))});
  return h;
}

std::vector<ExportHostContest> Store::unexported_host_contests() const {
  std::vector<ExportHostContest> out;
  Statement s = db_.prepare(
      "SELECT id, uuid, enterprise_uscc, seed, started_at, finished_at FROM host_contests c "
      "WHERE bundle_sequence IS NULL AND finished_at IS NOT NULL "
      "AND EXISTS (SELECT 1 FROM host_results r WHERE r.contest = c.id) ORDER BY id");
  while (s.step())
    out.push_back({s.int64(0), s.text(1), s.text(2), static_cast<std::uint64_t>(s.int64(3)), s.int64(4), s.int64(5), {}});
  for (ExportHostContest& c : out) {
    Statement r = db_.prepare(
        "SELECT team, rank, points, correct, fouls FROM host_results WHERE contest = ? ORDER BY rank, team_index");
    r.bind(1, c.id);
    while (r.step())
      c.teams.push_back({r.text(0), static_cast<int>(r.int64(1)), static_cast<int>(r.int64(2)),
                         static_cast<int>(r.int64(3)), static_cast<int>(r.int64(4))});
  }
  return out;
}

std::vector<std::string> Store::mistakes(std::int64_t worker_id) const {
  std::vector<std::string> out;
  Statement s = db_.prepare("SELECT question_id FROM mistakes WHERE worker_id = ? ORDER BY lapses DESC, question_id");
  s.bind(1, worker_id);
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::vector<BoardRow> Store::leaderboard(std::int64_t since_unix_ms, int limit) const {
  std::vector<BoardRow> out;
  Statement s = db_.prepare(
      "SELECT w.name, t.name, MAX(a.points) AS best FROM attempts a JOIN workers w ON w.id = a.worker_id "
      "JOIN teams t ON t.id = w.team_id WHERE a.mode = 'timed_test' AND a.points IS NOT NULL "
      "AND a.started_at >= ? GROUP BY w.id ORDER BY best DESC, MIN(a.finished_at - a.started_at) LIMIT ?");
  s.bind(1, since_unix_ms).bind(2, i64(limit));
  while (s.step()) out.push_back({s.text(0), s.text(1), static_cast<int>(s.int64(2))});
  return out;
}

std::vector<TeamBoardRow> Store::team_leaderboard(std::int64_t since_unix_ms, int limit) const {
  std::vector<TeamBoardRow> out;
  Statement s = db_.prepare(
      "WITH best AS (SELECT w.team_id AS team, MAX(a.points) AS pts FROM attempts a "
      "JOIN workers w ON w.id = a.worker_id WHERE a.mode = 'timed_test' AND a.points IS NOT NULL "
      "AND a.started_at >= ? GROUP BY w.id) "
      "SELECT t.name, COUNT(*), SUM(b.pts) AS total FROM best b JOIN teams t ON t.id = b.team "
      "GROUP BY b.team ORDER BY total DESC, t.name LIMIT ?");
  s.bind(1, since_unix_ms).bind(2, i64(limit));
  while (s.step()) out.push_back({s.text(0), static_cast<int>(s.int64(1)), static_cast<int>(s.int64(2))});
  return out;
}

namespace {

int rank_among(storage::Database& db, std::string_view group_column, std::int64_t worker_id) {
  Statement s = db.prepare(
      std::string("WITH best AS (SELECT w.id AS wid, w.") + std::string(group_column) +
      " AS grp, MAX(a.points) AS pts FROM attempts a JOIN workers w ON w.id = a.worker_id "
      "WHERE a.mode = 'timed_test' AND a.points IS NOT NULL GROUP BY w.id) "
      "SELECT 1 + (SELECT COUNT(*) FROM best b2 WHERE b2.grp = b.grp AND b2.pts > b.pts) FROM best b WHERE b.wid = ?");
  s.bind(1, worker_id);
  return static_cast<int>(scalar(s));
}

}  // namespace

int Store::rank_in_team(std::int64_t worker_id) const { return rank_among(db_, "team_id", worker_id); }
int Store::rank_in_enterprise(std::int64_t worker_id) const { return rank_among(db_, "enterprise_id", worker_id); }

Counts Store::counts() const {
  Counts c;
  Statement a = db_.prepare("SELECT COUNT(*) FROM attempts");
  c.attempts = static_cast<int>(scalar(a));
  Statement e = db_.prepare("SELECT COUNT(*) FROM events WHERE kind = 'scored'");
  c.answers = static_cast<int>(scalar(e));
  return c;
}

std::vector<ExportAttempt> Store::unexported_attempts() const {
  std::vector<ExportAttempt> out;
  Statement s = db_.prepare(
      "SELECT a.id, w.employee_no, w.name, t.name, e.name, e.uscc, a.config, a.question_ids, a.seed, a.started_at, "
      "a.finished_at FROM attempts a JOIN workers w ON w.id = a.worker_id JOIN teams t ON t.id = w.team_id "
      "JOIN enterprises e ON e.id = w.enterprise_id "
      "WHERE a.bundle_sequence IS NULL AND a.finished_at IS NOT NULL AND a.points IS NOT NULL ORDER BY a.id");
  while (s.step()) {
    ExportAttempt a;
    a.id = s.int64(0);
    a.employee_no = s.text(1);
    a.name = s.text(2);
    a.team = s.text(3);
    a.enterprise = s.text(4);
    a.uscc = s.text(5);
    a.config_json = s.text(6);
    a.question_ids = nlohmann::json::parse(s.text(7)).get<std::vector<std::string>>();
    a.seed = static_cast<std::uint64_t>(s.int64(8));
    a.started_at_ms = s.int64(9);
    a.finished_at_ms = s.int64(10);
    out.push_back(std::move(a));
  }
  for (ExportAttempt& a : out) {
    // When the question was shown: the last question_shown event before the answer.
    Statement e = db_.prepare(
        "SELECT e.question, e.credit, e.points, e.at_ms, e.value, e.answer_uuid, e.response, "
        "(SELECT MAX(s.at_ms) FROM events s WHERE s.attempt_id = e.attempt_id AND s.kind = 'question_shown' "
        "AND s.question = e.question AND s.seq < e.seq) FROM events e "
        "WHERE e.attempt_id = ? AND e.kind = 'scored' AND e.answer_uuid IS NOT NULL ORDER BY e.seq");
    e.bind(1, a.id);
    while (e.step()) {
      ExportAnswer x;
      x.question = static_cast<int>(e.int64(0));
      x.credit = static_cast<int>(e.int64(1));
      x.points = static_cast<int>(e.int64(2));
      x.latency_ms = e.int64(4);
      x.shown_ms = e.is_null(7) ? std::max<Millis>(0, e.int64(3) - x.latency_ms) : e.int64(7);
      x.uuid = e.text(5);
      x.response = e.text(6);
      a.answers.push_back(std::move(x));
    }
  }
  return out;
}

namespace {
// The settings row that holds the pending bundle.
constexpr std::string_view kPendingBundle = "pending_bundle";
}  // namespace

BundleLink Store::last_bundle() const {
  Statement s = db_.prepare("SELECT sequence, hash FROM bundles ORDER BY sequence DESC LIMIT 1");
  if (!s.step()) return {};
  return {static_cast<std::uint64_t>(s.int64(0)), s.text(1)};
}

void Store::mark_exported(const BundleLink& bundle, const std::string& file, int answers,
                          const std::vector<std::int64_t>& attempt_ids, std::int64_t now_unix_ms,
                          const std::vector<std::int64_t>& host_contest_ids) {
  storage::Transaction t(db_);
  const auto sequence = static_cast<std::int64_t>(bundle.sequence);
  db_.prepare("INSERT INTO bundles (sequence, hash, file, answers, created_at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, sequence)
      .bind(2, bundle.hash_hex)
      .bind(3, file)
      .bind(4, i64(answers))
      .bind(5, now_unix_ms)
      .run();
  Statement mark = db_.prepare("UPDATE attempts SET bundle_sequence = ? WHERE id = ?");
  for (std::int64_t id : attempt_ids) {
    mark.bind(1, sequence).bind(2, id);
    mark.run();
  }
  Statement mark_host = db_.prepare("UPDATE host_contests SET bundle_sequence = ? WHERE id = ?");
  for (std::int64_t id : host_contest_ids) {
    mark_host.bind(1, sequence).bind(2, id);
    mark_host.run();
  }
  db_.prepare("DELETE FROM settings WHERE key = ?").bind(1, std::string(kPendingBundle)).run();
  t.commit();
}

std::optional<std::string> Store::pending_bundle() const { return setting(std::string(kPendingBundle)); }

void Store::set_pending_bundle(const std::string& text) { set_setting(std::string(kPendingBundle), text); }

std::optional<std::string> Store::setting(const std::string& key) const {
  Statement s = db_.prepare("SELECT value FROM settings WHERE key = ?");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void Store::set_setting(const std::string& key, const std::string& value) {
  db_.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

std::string intent_to_json(const Intent& in) {
  nlohmann::json taps = nlohmann::json::array();
  for (const TapPoint& t : in.response.taps) taps.push_back({t.x, t.y});
  nlohmann::json j = {
      {"kind", intent_code(in.kind)},
      {"actor", in.actor},
      {"question", in.question},
      {"attempt", in.attempt},
      {"value", in.value},
      {"choices", in.response.choices},
      {"truth", in.response.truth},
      {"texts", in.response.texts},
      {"order", in.response.order},
      {"matches", in.response.matches},
      {"taps", taps},
  };
  if (!in.reason.empty()) j["reason"] = in.reason;
  return j.dump();
}

Intent intent_from_json(const std::string& text) {
  try {
    const auto j = nlohmann::json::parse(text);
    Intent in;
    const auto kind = intent_from_code(j.at("kind").get<std::string>());
    if (!kind) {
      const std::string code = j.at("kind").get<std::string>();
      throw StoreError(Text{"答题记录中有未知操作：" + code, "a stored intent has an unknown kind: " + code}, code);
    }
    in.kind = *kind;
    in.actor = j.at("actor").get<int>();
    in.question = j.at("question").get<int>();
    in.attempt = j.at("attempt").get<int>();
    in.value = j.at("value").get<int>();
    in.response.choices = j.at("choices").get<std::uint64_t>();
    in.response.truth = j.at("truth").get<bool>();
    in.response.texts = j.at("texts").get<std::vector<std::string>>();
    in.response.order = j.at("order").get<std::vector<int>>();
    in.response.matches = j.at("matches").get<std::vector<int>>();
    for (const auto& t : j.at("taps")) in.response.taps.push_back({t.at(0).get<int>(), t.at(1).get<int>()});
    if (j.contains("reason")) in.reason = j["reason"].get<std::string>();
    return in;
  } catch (const nlohmann::json::exception& e) {
    throw StoreError(Text{std::string("答题记录已损坏：") + e.what(), std::string("a stored intent is damaged: ") + e.what()},
                     e.what());
  }
}

}  // namespace ankang::kiosk
