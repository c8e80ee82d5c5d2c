#include "kiosk/store.h"

#include <sqlite3.h>

#include "embed/embedded_file.h"
#include "question_bank/bank.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace ankang_kiosk_sql { std::span<const ankang::EmbeddedFile> files(); }

namespace ankang::kiosk {

namespace {

// A prepared statement that finalizes itself.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK)
      throw StoreError(std::string("SQL 错误 / SQL error: ") + sqlite3_errmsg(db) + " in: " + sql);
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // True while there is a row.
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError(std::string("写入失败 / write failed: ") + sqlite3_errmsg(db_));
  }
  std::int64_t i64(int col) const { return sqlite3_column_int64(s_, col); }
  std::string text(int col) const {
    const auto* t = sqlite3_column_text(s_, col);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  bool null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown";
    sqlite3_free(err);
    throw StoreError("SQL 错误 / SQL error: " + msg);
  }
}

// Rolls back unless commit() was called.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { exec(db, "BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    exec(db_, "COMMIT");
    done_ = true;
  }

 private:
  sqlite3* db_;
  bool done_ = false;
};

int user_version(sqlite3* db) {
  Stmt s(db, "PRAGMA user_version");
  return s.step() ? static_cast<int>(s.i64(0)) : 0;
}

void migrate(sqlite3* db) {
  // Files are NNN_name.sql, sorted by path: file i brings the schema to i+1.
  const int have = user_version(db);
  for (unsigned long i = static_cast<unsigned long>(have); i < ankang_kiosk_sql::files().size(); ++i) {
    const std::string sql(ankang_kiosk_sql::files()[i].text());
    Transaction t(db);
    exec(db, sql.c_str());
    exec(db, ("PRAGMA user_version = " + std::to_string(i + 1)).c_str());
    t.commit();
  }
}

Worker worker_from(const Stmt& s) {
  return {s.i64(0), s.i64(1), s.i64(2), s.text(3), s.text(4), s.text(5)};
}

constexpr const char* kWorkerColumns =
    "SELECT w.id, w.enterprise_id, w.team_id, w.employee_no, w.name, t.name FROM workers w "
    "JOIN teams t ON t.id = w.team_id ";

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
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) !=
      SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw StoreError(path + ": 无法打开答题记录库 / cannot open the kiosk store: " + msg);
  }
  Store store(db, path);
  sqlite3_busy_timeout(db, 5000);
  try {
    exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    {
      Stmt check(db, "PRAGMA quick_check");
      if (check.step() && check.text(0) != "ok")
        throw StoreError("数据库损坏 / the database is damaged: " + check.text(0));
    }
    if (user_version(db) > static_cast<int>(ankang_kiosk_sql::files().size()))
      throw StoreError("数据库版本比程序新 / the store is newer than this program");
    migrate(db);
  } catch (const StoreError& e) {
    throw StoreError(path + ": " + e.what());
  }
  return store;
}

Store::Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
Store::Store(Store&& o) noexcept : db_(o.db_), path_(std::move(o.path_)) { o.db_ = nullptr; }
Store& Store::operator=(Store&& o) noexcept {
  if (this != &o) {
    sqlite3_close(db_);
    db_ = o.db_;
    path_ = std::move(o.path_);
    o.db_ = nullptr;
  }
  return *this;
}
Store::~Store() { sqlite3_close(db_); }

int Store::schema_version() const { return user_version(db_); }

std::vector<Named> Store::enterprises() const {
  std::vector<Named> out;
  Stmt s(db_, "SELECT id, name FROM enterprises ORDER BY id");
  while (s.step()) out.push_back({s.i64(0), s.text(1)});
  return out;
}

std::vector<Named> Store::teams(std::int64_t enterprise_id) const {
  std::vector<Named> out;
  Stmt s(db_, "SELECT id, name FROM teams WHERE enterprise_id = ? ORDER BY id");
  s.bind(1, enterprise_id);
  while (s.step()) out.push_back({s.i64(0), s.text(1)});
  return out;
}

std::int64_t Store::add_enterprise(const std::string& name) {
  Stmt s(db_, "INSERT INTO enterprises (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id");
  s.bind(1, name);
  s.step();
  return s.i64(0);
}

std::int64_t Store::add_team(std::int64_t enterprise_id, const std::string& name) {
  Stmt s(db_,
         "INSERT INTO teams (enterprise_id, name) VALUES (?, ?) "
         "ON CONFLICT (enterprise_id, name) DO UPDATE SET name = name RETURNING id");
  s.bind(1, enterprise_id).bind(2, name);
  s.step();
  return s.i64(0);
}

std::optional<Worker> Store::find_worker(std::int64_t enterprise_id, const std::string& employee_no) const {
  Stmt s(db_, (std::string(kWorkerColumns) + "WHERE w.enterprise_id = ? AND w.employee_no = ?").c_str());
  s.bind(1, enterprise_id).bind(2, employee_no);
  if (!s.step()) return std::nullopt;
  return worker_from(s);
}

std::optional<Worker> Store::worker(std::int64_t id) const {
  Stmt s(db_, (std::string(kWorkerColumns) + "WHERE w.id = ?").c_str());
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return worker_from(s);
}

Worker Store::add_worker(std::int64_t enterprise_id, std::int64_t team_id, const std::string& employee_no,
                         const std::string& name, std::int64_t now_unix) {
  Stmt s(db_, "INSERT INTO workers (enterprise_id, team_id, employee_no, name, created_at) VALUES (?, ?, ?, ?, ?)");
  s.bind(1, enterprise_id).bind(2, team_id).bind(3, employee_no).bind(4, name).bind(5, now_unix);
  s.step();
  return *worker(sqlite3_last_insert_rowid(db_));
}

std::int64_t Store::begin_attempt(const std::string& uuid, std::int64_t worker_id, Mode mode,
                                  const std::string& config_json, const std::vector<std::string>& question_ids,
                                  std::uint64_t seed, std::int64_t started_unix_ms) {
  Stmt s(db_,
         "INSERT INTO attempts (uuid, worker_id, mode, config, question_ids, seed, started_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, uuid).bind(2, worker_id).bind(3, std::string(mode_code(mode))).bind(4, config_json);
  s.bind(5, nlohmann::json(question_ids).dump()).bind(6, static_cast<std::int64_t>(seed)).bind(7, started_unix_ms);
  s.step();
  return sqlite3_last_insert_rowid(db_);
}

void Store::set_enterprise_uscc(std::int64_t enterprise_id, const std::string& uscc) {
  Stmt s(db_, "UPDATE enterprises SET uscc = ? WHERE id = ?");
  s.bind(1, uscc).bind(2, enterprise_id);
  s.step();
}

void Store::record(std::int64_t attempt_id, const TimedIntent& intent, const std::vector<Event>& events,
                   const std::string& question_id, std::int64_t worker_id, std::int64_t now_unix_ms,
                   const std::string& response) {
  Transaction t(db_);
  std::int64_t seq = 0;
  {
    Stmt s(db_, "SELECT COUNT(*) FROM intents WHERE attempt_id = ?");
    s.bind(1, attempt_id);
    s.step();
    seq = s.i64(0);
  }
  {
    Stmt s(db_, "INSERT INTO intents (attempt_id, seq, at_ms, body) VALUES (?, ?, ?, ?)");
    s.bind(1, attempt_id).bind(2, seq).bind(3, intent.at).bind(4, intent_to_json(intent.intent));
    s.step();
  }
  std::int64_t ev_seq = 0;
  {
    Stmt s(db_, "SELECT COUNT(*) FROM events WHERE attempt_id = ?");
    s.bind(1, attempt_id);
    s.step();
    ev_seq = s.i64(0);
  }
  for (const Event& e : events) {
    Stmt s(db_,
           "INSERT INTO events (attempt_id, seq, kind, at_ms, question, credit, points, total, value, extra, reason, "
           "answer_uuid, response) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, attempt_id).bind(2, ev_seq++).bind(3, std::string(event_code(e.kind))).bind(4, e.at);
    s.bind(5, e.question).bind(6, e.credit).bind(7, e.points).bind(8, e.total).bind(9, e.value).bind(10, e.extra);
    s.bind(11, std::string(reject_code(e.reason)));
    // The answer's id is made once, here, so a bundle exported twice names it the same.
    const bool answer = e.kind == EventKind::scored;
    s.bind(12, answer ? bank::new_uuid() : std::string()).bind(13, answer ? response : std::string());
    s.step();
    if ((e.kind == EventKind::scored || e.kind == EventKind::timed_out) && !question_id.empty()) {
      // The mistake book: a wrong answer adds the question, a right one clears it.
      if (e.credit < 1000) {
        Stmt m(db_,
               "INSERT INTO mistakes (worker_id, question_id, lapses) VALUES (?, ?, 1) "
               "ON CONFLICT (worker_id, question_id) DO UPDATE SET lapses = lapses + 1");
        m.bind(1, worker_id).bind(2, question_id);
        m.step();
      } else {
        Stmt m(db_, "DELETE FROM mistakes WHERE worker_id = ? AND question_id = ?");
        m.bind(1, worker_id).bind(2, question_id);
        m.step();
      }
    }
    if (e.kind == EventKind::submitted) {
      Stmt f(db_, "UPDATE attempts SET finished_at = ?, points = ?, correct = ?, passed = ? WHERE id = ?");
      f.bind(1, now_unix_ms).bind(2, e.total).bind(3, e.value).bind(4, e.extra).bind(5, attempt_id);
      f.step();
    }
  }
  {
    Stmt s(db_, "UPDATE attempts SET clock_ms = MAX(clock_ms, ?) WHERE id = ?");
    s.bind(1, intent.at).bind(2, attempt_id);
    s.step();
  }
  t.commit();
}

void Store::checkpoint(std::int64_t attempt_id, Millis clock_ms) {
  Stmt s(db_, "UPDATE attempts SET clock_ms = MAX(clock_ms, ?) WHERE id = ?");
  s.bind(1, clock_ms).bind(2, attempt_id);
  s.step();
}

void Store::abandon(std::int64_t attempt_id, std::int64_t now_unix_ms) {
  Stmt s(db_, "UPDATE attempts SET finished_at = ? WHERE id = ? AND finished_at IS NULL");
  s.bind(1, now_unix_ms).bind(2, attempt_id);
  s.step();
}

std::optional<AttemptRow> Store::open_attempt() const {
  Stmt s(db_,
         "SELECT id, worker_id, mode, config, question_ids, seed, clock_ms FROM attempts "
         "WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1");
  if (!s.step()) return std::nullopt;
  AttemptRow a;
  a.id = s.i64(0);
  a.worker_id = s.i64(1);
  const std::string mode = s.text(2);
  a.mode = mode == "timed_test" ? Mode::timed_test : mode == "mistakes" ? Mode::mistakes : Mode::practice;
  a.config_json = s.text(3);
  a.question_ids = nlohmann::json::parse(s.text(4)).get<std::vector<std::string>>();
  a.seed = static_cast<std::uint64_t>(s.i64(5));
  a.clock_ms = s.i64(6);
  Stmt l(db_, "SELECT at_ms, body FROM intents WHERE attempt_id = ? ORDER BY seq");
  l.bind(1, a.id);
  while (l.step()) a.log.push_back({l.i64(0), intent_from_json(l.text(1))});
  return a;
}

std::vector<std::string> Store::mistakes(std::int64_t worker_id) const {
  std::vector<std::string> out;
  Stmt s(db_, "SELECT question_id FROM mistakes WHERE worker_id = ? ORDER BY lapses DESC, question_id");
  s.bind(1, worker_id);
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::vector<BoardRow> Store::leaderboard(std::int64_t since_unix_ms, int limit) const {
  std::vector<BoardRow> out;
  Stmt s(db_,
         "SELECT w.name, t.name, MAX(a.points) AS best FROM attempts a JOIN workers w ON w.id = a.worker_id "
         "JOIN teams t ON t.id = w.team_id WHERE a.mode = 'timed_test' AND a.points IS NOT NULL "
         "AND a.started_at >= ? GROUP BY w.id ORDER BY best DESC, MIN(a.finished_at - a.started_at) LIMIT ?");
  s.bind(1, since_unix_ms).bind(2, limit);
  while (s.step()) out.push_back({s.text(0), s.text(1), static_cast<int>(s.i64(2))});
  return out;
}

namespace {

int rank_among(sqlite3* db, const char* group_column, std::int64_t worker_id) {
  const std::string sql =
      std::string("WITH best AS (SELECT w.id AS wid, w.") + group_column +
      " AS grp, MAX(a.points) AS pts FROM attempts a JOIN workers w ON w.id = a.worker_id "
      "WHERE a.mode = 'timed_test' AND a.points IS NOT NULL GROUP BY w.id) "
      "SELECT 1 + (SELECT COUNT(*) FROM best b2 WHERE b2.grp = b.grp AND b2.pts > b.pts) FROM best b WHERE b.wid = ?";
  Stmt s(db, sql.c_str());
  s.bind(1, worker_id);
  return s.step() ? static_cast<int>(s.i64(0)) : 0;
}

}  // namespace

int Store::rank_in_team(std::int64_t worker_id) const { return rank_among(db_, "team_id", worker_id); }
int Store::rank_in_enterprise(std::int64_t worker_id) const { return rank_among(db_, "enterprise_id", worker_id); }

Counts Store::counts() const {
  Counts c;
  Stmt a(db_, "SELECT COUNT(*) FROM attempts");
  if (a.step()) c.attempts = static_cast<int>(a.i64(0));
  Stmt e(db_, "SELECT COUNT(*) FROM events WHERE kind = 'scored'");
  if (e.step()) c.answers = static_cast<int>(e.i64(0));
  return c;
}

std::vector<ExportAttempt> Store::unexported_attempts() const {
  std::vector<ExportAttempt> out;
  Stmt s(db_,
         "SELECT a.id, w.employee_no, w.name, t.name, e.name, e.uscc, a.config, a.question_ids, a.seed, a.started_at, "
         "a.finished_at FROM attempts a JOIN workers w ON w.id = a.worker_id JOIN teams t ON t.id = w.team_id "
         "JOIN enterprises e ON e.id = w.enterprise_id "
         "WHERE a.bundle_sequence IS NULL AND a.finished_at IS NOT NULL AND a.points IS NOT NULL ORDER BY a.id");
  while (s.step()) {
    ExportAttempt a;
    a.id = s.i64(0);
    a.employee_no = s.text(1);
    a.name = s.text(2);
    a.team = s.text(3);
    a.enterprise = s.text(4);
    a.uscc = s.text(5);
    a.config_json = s.text(6);
    a.question_ids = nlohmann::json::parse(s.text(7)).get<std::vector<std::string>>();
    a.seed = static_cast<std::uint64_t>(s.i64(8));
    a.started_at_ms = s.i64(9);
    a.finished_at_ms = s.i64(10);
    out.push_back(std::move(a));
  }
  for (ExportAttempt& a : out) {
    // When the question was shown: the last question_shown event before the answer.
    Stmt e(db_,
           "SELECT e.question, e.credit, e.points, e.at_ms, e.value, e.answer_uuid, e.response, "
           "(SELECT MAX(s.at_ms) FROM events s WHERE s.attempt_id = e.attempt_id AND s.kind = 'question_shown' "
           "AND s.question = e.question AND s.seq < e.seq) FROM events e "
           "WHERE e.attempt_id = ? AND e.kind = 'scored' AND e.answer_uuid IS NOT NULL ORDER BY e.seq");
    e.bind(1, a.id);
    while (e.step()) {
      ExportAnswer x;
      x.question = static_cast<int>(e.i64(0));
      x.credit = static_cast<int>(e.i64(1));
      x.points = static_cast<int>(e.i64(2));
      x.latency_ms = e.i64(4);
      x.shown_ms = e.null(7) ? std::max<Millis>(0, e.i64(3) - x.latency_ms) : e.i64(7);
      x.uuid = e.text(5);
      x.response = e.text(6);
      a.answers.push_back(std::move(x));
    }
  }
  return out;
}

BundleLink Store::last_bundle() const {
  Stmt s(db_, "SELECT sequence, hash FROM bundles ORDER BY sequence DESC LIMIT 1");
  if (!s.step()) return {};
  return {static_cast<std::uint64_t>(s.i64(0)), s.text(1)};
}

void Store::mark_exported(const BundleLink& bundle, const std::string& file, int answers,
                          const std::vector<std::int64_t>& attempt_ids, std::int64_t now_unix_ms) {
  Transaction t(db_);
  {
    Stmt s(db_, "INSERT INTO bundles (sequence, hash, file, answers, created_at) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, static_cast<std::int64_t>(bundle.sequence)).bind(2, bundle.hash_hex).bind(3, file);
    s.bind(4, answers).bind(5, now_unix_ms);
    s.step();
  }
  for (std::int64_t id : attempt_ids) {
    Stmt s(db_, "UPDATE attempts SET bundle_sequence = ? WHERE id = ?");
    s.bind(1, static_cast<std::int64_t>(bundle.sequence)).bind(2, id);
    s.step();
  }
  t.commit();
}

std::optional<std::string> Store::setting(const std::string& key) const {
  Stmt s(db_, "SELECT value FROM settings WHERE key = ?");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void Store::set_setting(const std::string& key, const std::string& value) {
  Stmt s(db_, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  s.bind(1, key).bind(2, value);
  s.step();
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
    if (!kind) throw StoreError("未知操作 / unknown intent: " + j.at("kind").get<std::string>());
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
    throw StoreError(std::string("答题记录损坏 / a stored intent is damaged: ") + e.what());
  }
}

}  // namespace ankang::kiosk
