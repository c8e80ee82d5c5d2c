#include "results/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string_view>

#include "embed/embedded_file.h"
#include "results/blob.h"
#include "results/error.h"
#include "results/uscc.h"
#include "storage/migrations.h"

namespace ankang::results {

// Generated from results/sql/*.sql by ankang_embed (results/CMakeLists.txt).
namespace sql { std::span<const EmbeddedFile> files(); }

namespace {

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string key2(std::string_view a, std::string_view b) {
  std::string k(a);
  k += '\n';
  k += b;
  return k;
}

}  // namespace

int china_year(std::int64_t unix_ms) {
  using namespace std::chrono;
  auto local = sys_time<milliseconds>(milliseconds(unix_ms)) + hours(8);
  return static_cast<int>(year_month_day(floor<days>(local)).year());
}

int current_contest_year() {
  using namespace std::chrono;
  return china_year(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

std::string china_date(std::int64_t unix_ms) {
  using namespace std::chrono;
  const year_month_day d(floor<days>(sys_time<milliseconds>(milliseconds(unix_ms)) + hours(8)));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::optional<std::string> parse_affiliation(std::string_view text) {
  static const std::map<std::string, std::string, std::less<>> names = {
      {"district", "district"},   {"属地", "district"},         {"区", "district"},
      {"industry", "industry"},   {"产业", "industry"},         {"行业", "industry"},
      {"产业（行业）系统", "industry"}, {"产业(行业)系统", "industry"}, {"产业系统", "industry"},
      {"federation", "federation"}, {"企业联合会", "federation"}, {"企联", "federation"},
  };
  auto it = names.find(text);
  if (it == names.end()) return std::nullopt;
  return it->second;
}

std::string affiliation_zh(std::string_view code) {
  if (code == "district") return "属地";
  if (code == "industry") return "产业";
  if (code == "federation") return "企业联合会";
  return "未登记";
}

void require_store_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw ResultsError("找不到成绩库 " + path + "：请检查路径（只读取成绩的命令不会新建成绩库）",
                       "no organiser store at " + path + ": check the path (a command that only reads results makes none)");
}

OrganiserStore::OrganiserStore(const std::string& path) : db_(open(path)) {
  db_.exec("PRAGMA cache_size=-262144");  // 256 MiB: a million answers stay in memory while importing
  db_.exec("PRAGMA temp_store=MEMORY");  // the per-bundle savepoint journal stays off the disk
  storage::expect_store_kind(db_.handle(), storage::StoreKind::organiser_store, Text{"成绩库", "organiser store"});
  migrate();
}

Database OrganiserStore::open(const std::string& path) {
  try {
    return Database(path);
  } catch (const storage::StorageError& e) {
    throw ResultsError(path + ": 无法打开数据库（" + e.reason() + "）", path + ": cannot open database (" + e.reason() + ")");
  }
}

int OrganiserStore::schema_version() { return storage::schema_version(db_.handle()); }

void OrganiserStore::migrate() {
  static const std::vector<storage::Migration> ladder = [] {
    std::vector<std::pair<std::string_view, std::string_view>> files;
    for (const auto& f : sql::files()) files.emplace_back(f.path, f.text());
    return storage::make_ladder(std::move(files));
  }();
  storage::migrate(db_.handle(), ladder, Text{"成绩库", "organiser store"});
}

// [SECTION] Devices

DeviceId OrganiserStore::add_device(const PublicKey& key, const std::string& label) {
  auto id = device_id_of(key);
  if (device_key(id))
    throw ResultsError("该终端已登记（指纹 " + fingerprint(key) + "）", "this kiosk is already registered (fingerprint " + fingerprint(key) + ")");
  db_.prepare("INSERT INTO devices (id, public_key, label, added_at) VALUES (?, ?, ?, ?)")
      .bind(1, id)
      .bind(2, key)
      .bind(3, label)
      .bind(4, now_seconds())
      .run();
  return id;
}

std::optional<PublicKey> OrganiserStore::device_key(const DeviceId& id) {
  auto hex = to_hex(id);
  if (auto it = devices_.find(hex); it != devices_.end()) return it->second;
  auto& s = db_.cached("SELECT public_key FROM devices WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  PublicKey key{};
  auto blob = s.blob(0);
  if (blob.size() != key.size()) return std::nullopt;
  std::copy(blob.begin(), blob.end(), key.begin());
  devices_[hex] = key;
  return key;
}

DeviceLookup OrganiserStore::lookup() {
  return [this](const DeviceId& id) { return device_key(id); };
}

// [SECTION] Enterprises

void OrganiserStore::allow_uscc(const std::string& code, const std::string& note) {
  db_.prepare("INSERT OR REPLACE INTO uscc_allowlist (uscc, note) VALUES (?, ?)").bind(1, normalize_uscc(code)).bind(2, note).run();
}

std::optional<Enterprise> OrganiserStore::enterprise(const std::string& uscc) {
  auto s = db_.prepare("SELECT uscc, name, affiliation, unit, headcount, registered FROM enterprises WHERE uscc = ?");
  s.bind(1, normalize_uscc(uscc));
  if (!s.step()) return std::nullopt;
  return Enterprise{s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4), s.int64(5) != 0};
}

OrganiserStore::RegistrationChange OrganiserStore::add_enterprise(Enterprise e, int year) {
  e.uscc = normalize_uscc(e.uscc);
  if (auto problem = uscc_problem(e.uscc)) {
    auto allowed = db_.prepare("SELECT 1 FROM uscc_allowlist WHERE uscc = ?");
    allowed.bind(1, e.uscc);
    if (!allowed.step()) throw ResultsError(e.uscc + "：" + problem->zh, e.uscc + ": " + problem->en);
  }
  if (e.name.empty()) throw ResultsError("企业名称不能为空", "the enterprise name is empty");
  if (e.unit.empty()) throw ResultsError("组织单位不能为空", "the organising unit is empty");
  auto affiliation = parse_affiliation(e.affiliation);
  if (!affiliation)
    throw ResultsError("归属“" + e.affiliation + "”无效，应为 属地 / 产业 / 企业联合会（district / industry / federation）",
                       "affiliation '" + e.affiliation + "' is not one of district, industry, federation");
  e.affiliation = *affiliation;
  if (e.headcount <= 0) throw ResultsError("职工人数应为正整数", "the headcount must be a positive whole number");
  if (year < 2000 || year > 2999) throw ResultsError("竞赛年度 " + std::to_string(year) + " 无效", "contest year " + std::to_string(year) + " is not valid");

  // The year's registration, or a unit's roll-up one (every year), if any.
  std::optional<Enterprise> before;
  auto same_year = db_.prepare("SELECT uscc, name, affiliation, unit, headcount FROM enterprise_years WHERE year = ? AND uscc = ?");
  same_year.bind(1, std::int64_t{year}).bind(2, e.uscc);
  if (same_year.step()) before = Enterprise{same_year.text(0), same_year.text(1), same_year.text(2), same_year.text(3), same_year.int64(4)};
  auto from_rollup = db_.prepare(
      "SELECT uscc, name, affiliation, unit, headcount FROM enterprises WHERE uscc = ? AND registered = 1 AND registration_id IS NOT NULL");
  from_rollup.bind(1, e.uscc);
  if (!before && from_rollup.step())
    before = Enterprise{from_rollup.text(0), from_rollup.text(1), from_rollup.text(2), from_rollup.text(3), from_rollup.int64(4)};
  if (before && before->unit != e.unit)
    throw ResultsError("不能重复报名：" + e.uscc + " 已由“" + before->unit + "”（" + affiliation_zh(before->affiliation) + "）报名 " +
                           std::to_string(year) + " 年的竞赛，企业名称“" + before->name + "”",
                       "already registered (不能重复报名): " + e.uscc + " is registered for " + std::to_string(year) + " with '" +
                           before->unit + "' (" + before->affiliation + ") as '" + before->name + "'");
  if (before && std::tie(before->name, before->affiliation, before->headcount) == std::tie(e.name, e.affiliation, e.headcount))
    return RegistrationChange::unchanged;

  // The enterprise's row holds its newest registration (and makes a
  // placeholder of its results a registered enterprise).
  auto newest = db_.prepare("SELECT coalesce(max(year), 0) FROM enterprise_years WHERE uscc = ?");
  newest.bind(1, e.uscc);
  newest.step();
  auto row = db_.prepare("SELECT 1 FROM enterprises WHERE uscc = ?");
  row.bind(1, e.uscc);
  if (newest.int64(0) <= year || !row.step()) {
    auto upsert = db_.prepare(
        "INSERT INTO enterprises (uscc, name, affiliation, unit, headcount, registered) VALUES (?, ?, ?, ?, ?, 1) "
        "ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, affiliation = excluded.affiliation, "
        "unit = excluded.unit, headcount = excluded.headcount, registered = 1");
    bind_enterprise(upsert, 1, e).run();
  }
  auto of_year = db_.prepare("INSERT OR REPLACE INTO enterprise_years (uscc, name, affiliation, unit, headcount, year) VALUES (?, ?, ?, ?, ?, ?)");
  bind_enterprise(of_year, 1, e).bind(6, std::int64_t{year}).run();
  return before ? RegistrationChange::updated : RegistrationChange::added;
}

// [SECTION] Import
//
// Per bundle, after the checks that only read: the answers go in first,
// each id checked by the answers' primary key as it is inserted (one B-tree
// descent per answer instead of a lookup and then an insert). Until they
// are all in, nothing else of the bundle is written, so a refusal only has
// to take those rows back. Then the bundle, workers, attempts and the
// aggregates; the question and category sums are added up in memory and
// written once per batch, since a bundle touches nearly as many of those
// rows as it has answers.

void OrganiserStore::begin_batch() { db_.exec("BEGIN IMMEDIATE"); }
void OrganiserStore::commit_batch() {
  flush_moments();
  db_.exec("COMMIT");
}

void OrganiserStore::Moments::add(double x_, double s_) {
  n += 1;
  x += x_;
  xx += x_ * x_;
  s += s_;
  ss += s_ * s_;
  xs += x_ * s_;
}

std::int32_t OrganiserStore::intern(const std::string& name) {
  auto [it, added] = names_.try_emplace(name, static_cast<std::int32_t>(name_list_.size()));
  if (added) name_list_.push_back(name);
  return it->second;
}

void OrganiserStore::forget_cached_ids() {
  questions_.clear();
  workers_.clear();
  teams_.clear();
  enterprises_.clear();
  pending_questions_.clear();
  pending_categories_.clear();
  pending_histogram_.clear();
}

namespace {

// file: what is refused, {"成绩包", "bundle"} or {"汇总包", "roll-up"}.
Text conflict(const Uuid& uuid, const Text& file) {
  return {"答案编号 " + uuid_to_string(uuid) + " 已以不同内容导入过：整个" + file.zh + "被拒绝",
          "answer id " + uuid_to_string(uuid) + " was imported before with other content: the whole " + file.en + " is refused"};
}

Text team_conflict(const TeamResult& r, const std::string& uscc, const Text& file) {
  const auto key = uuid_to_string(r.contest);
  return {"班组赛成绩（赛事 " + key + "，企业 " + uscc + "，班组 " + r.team + "）已以不同内容导入过：整个" + file.zh + "被拒绝",
          "team result (contest " + key + ", enterprise " + uscc + ", team " + r.team +
              ") was imported before with other content: the whole " + file.en + " is refused"};
}

// Everything of a team result but its key (contest, enterprise, team).
auto team_content(const TeamResult& r) {
  return std::tuple(r.rank, r.centipoints, r.correct, r.fouls, r.paper_seed, r.started_at_ms, r.ended_at_ms);
}

std::int64_t max_id(Database& db, const std::string& table) {
  auto& s = db.cached("SELECT coalesce(max(id), 0) FROM " + table);
  s.step();
  const auto id = s.int64(0);
  s.reset();
  return id;
}

}  // namespace

OrganiserStore::Plan OrganiserStore::plan(const RecordBatch& batch) {
  const auto& p = batch.payload;
  Plan plan;
  plan.questions.reserve(p.questions.size());
  std::int64_t next_question = 0;  // found when the first new question shows up
  std::unordered_map<std::string_view, std::int64_t> chosen;  // a question listed twice keeps one id
  auto& find = db_.cached("SELECT id FROM questions WHERE uuid = ?");
  for (const auto& q : p.questions) {
    std::int64_t id = 0;
    bool fresh = false;
    if (auto it = questions_.find(q.id); it != questions_.end()) {
      id = it->second;
    } else if (auto c = chosen.find(q.id); c != chosen.end()) {
      id = c->second;
    } else {
      find.bind(1, q.id);
      if (find.step()) {
        id = questions_[q.id] = find.int64(0);
      } else {
        if (next_question == 0) next_question = max_id(db_, "questions") + 1;
        id = chosen[q.id] = next_question++;
        fresh = true;
      }
      find.reset();
    }
    plan.questions.push_back(id);
    plan.new_question.push_back(fresh);
  }
  plan.enterprises.reserve(p.workers.size());
  for (const auto& w : p.workers) plan.enterprises.push_back(intern(normalize_uscc(w.enterprise_uscc)));
  return plan;
}

Statement& OrganiserStore::insert_rows(std::size_t rows) {
  if (insert_rows_.size() <= rows) insert_rows_.resize(rows + 1, nullptr);
  if (!insert_rows_[rows]) {
    std::string sql =
        "INSERT INTO answers (uuid, attempt_id, question_id, response, correct_permille, centipoints, shown_ms, latency_ms) VALUES ";
    for (std::size_t i = 0; i < rows; ++i) sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?)";
    sql += " ON CONFLICT (uuid) DO NOTHING";
    insert_rows_[rows] = &db_.cached(sql);
  }
  return *insert_rows_[rows];
}

std::optional<Text> OrganiserStore::insert_answers(const RecordBatch& batch, Plan& plan) {
  auto& stored = db_.cached(
      "SELECT attempt_id, question_id, response, correct_permille, centipoints, shown_ms, latency_ms FROM answers WHERE uuid = ?");
  std::vector<const Uuid*> inserted;
  inserted.reserve(batch.payload.answer_count());
  auto refuse = [&](const Uuid& uuid) {
    auto& remove = db_.cached("DELETE FROM answers WHERE uuid = ?");
    for (const auto* u : inserted) remove.bind(1, *u).run();
    return conflict(uuid, batch.file_kind);
  };
  std::int64_t next_attempt = max_id(db_, "attempts") + 1;
  plan.attempts.clear();
  for (const auto& t : batch.payload.attempts) {
    std::size_t seen = 0;
    // Up to kRowsPerInsert answers per statement run: the per-run cost
    // (reset, VM start, journal and change bookkeeping) is paid once for
    // the lot instead of once per answer.
    for (std::size_t first = 0; first < t.answers.size(); first += kRowsPerInsert) {
      const auto chunk = std::span(t.answers).subspan(first, std::min(kRowsPerInsert, t.answers.size() - first));
      auto& insert = insert_rows(chunk.size());
      int column = 1;
      for (const auto& a : chunk) {
        insert.bind(column, a.uuid)
            .bind(column + 1, next_attempt)
            .bind(column + 2, plan.questions[a.question])
            .bind(column + 3, a.response)
            .bind(column + 4, std::int64_t{a.correct_permille})
            .bind(column + 5, std::int64_t{a.centipoints})
            .bind(column + 6, std::int64_t{a.shown_ms})
            .bind(column + 7, std::int64_t{a.latency_ms});
        column += 8;
      }
      insert.run();
      if (static_cast<std::size_t>(db_.changes()) == chunk.size()) {
        for (const auto& a : chunk) inserted.push_back(&a.uuid);
        continue;
      }
      // Some were stored before: the same answers exported again, or a
      // forgery. A row carrying this attempt's new id went in just now
      // (answer ids are unique within a bundle, and new attempt ids are
      // above every stored one); any other is compared field by field.
      const Uuid* other = nullptr;  // the first answer stored with other content
      for (const auto& a : chunk) {
        stored.bind(1, a.uuid);
        stored.step();
        if (stored.int64(0) == next_attempt) {
          inserted.push_back(&a.uuid);
        } else if (stored.int64(1) == plan.questions[a.question] && stored.text(2) == a.response &&
                   stored.int64(3) == a.correct_permille && stored.int64(4) == a.centipoints && stored.int64(5) == a.shown_ms &&
                   stored.int64(6) == a.latency_ms) {
          ++seen;
        } else if (!other) {
          other = &a.uuid;
        }
        stored.reset();
      }
      if (other) return refuse(*other);
    }
    // An attempt exported again in another bundle is counted once; one that
    // shares only some answers with what is stored is not the same attempt.
    if (seen != 0 && seen != t.answers.size()) return refuse(t.answers.front().uuid);
    plan.attempts.push_back(seen != 0 ? 0 : next_attempt++);
  }
  return std::nullopt;
}

std::optional<Text> OrganiserStore::check_team_results(const RecordBatch& batch, Plan& plan) {
  const auto& results = batch.payload.team_results;
  plan.new_team_results.clear();
  if (results.empty()) return std::nullopt;
  auto& stored = db_.cached(
      "SELECT rank, centipoints, correct, fouls, paper_seed, started_at_ms, ended_at_ms FROM team_results "
      "WHERE contest = ? AND uscc = ? AND team = ?");
  // A key listed twice in the bundle counts once, if its content agrees.
  std::map<std::tuple<Uuid, std::string, std::string>, std::size_t> listed;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const auto uscc = normalize_uscc(r.enterprise_uscc);
    auto [it, first] = listed.try_emplace({r.contest, uscc, r.team}, i);
    if (!first) {
      if (team_content(results[it->second]) != team_content(r)) return team_conflict(r, uscc, batch.file_kind);
      continue;
    }
    stored.bind(1, r.contest).bind(2, uscc).bind(3, r.team);
    std::optional<bool> same;
    if (stored.step())
      same = stored.int64(0) == r.rank && stored.int64(1) == r.centipoints && stored.int64(2) == r.correct &&
             stored.int64(3) == r.fouls && stored.int64(4) == static_cast<std::int64_t>(r.paper_seed) &&
             stored.int64(5) == r.started_at_ms && stored.int64(6) == r.ended_at_ms;
    stored.reset();
    if (same == false) return team_conflict(r, uscc, batch.file_kind);
    if (!same) plan.new_team_results.push_back(i);
  }
  return std::nullopt;
}

void OrganiserStore::insert_team_results(const RecordBatch& batch, const Plan& plan, ImportOutcome& out) {
  auto& insert = db_.cached(
      "INSERT INTO team_results (contest, uscc, team, bundle_hash, contest_id, rank, centipoints, correct, fouls, paper_seed, "
      "started_at_ms, ended_at_ms, year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto i : plan.new_team_results) {
    const auto& r = batch.payload.team_results[i];
    const auto uscc = normalize_uscc(r.enterprise_uscc);
    ensure_enterprise(uscc, out);
    insert.bind(1, r.contest)
        .bind(2, uscc)
        .bind(3, r.team)
        .bind(4, batch.source_hash)
        .bind(5, batch.team_contest_id(i))
        .bind(6, std::int64_t{r.rank})
        .bind(7, std::int64_t{r.centipoints})
        .bind(8, std::int64_t{r.correct})
        .bind(9, std::int64_t{r.fouls})
        .bind(10, static_cast<std::int64_t>(r.paper_seed))
        .bind(11, r.started_at_ms)
        .bind(12, r.ended_at_ms)
        .bind(13, std::int64_t{china_year(r.started_at_ms)})
        .run();
    ++out.team_results;
  }
}

std::vector<StoredTeamResult> OrganiserStore::team_results(std::optional<int> year) {
  auto s = db_.prepare(
      "SELECT t.contest, t.contest_id, t.team, t.uscc, e.name, "
      "(e.registered = 1 AND e.registration_id IS NOT NULL) OR EXISTS "
      "(SELECT 1 FROM enterprise_years r WHERE r.year = t.year AND r.uscc = t.uscc), "
      "t.rank, t.centipoints, t.correct, t.fouls, t.started_at_ms, t.ended_at_ms "
      "FROM team_results t JOIN enterprises e ON e.uscc = t.uscc "
      "WHERE ?1 IS NULL OR t.year = ?1 "
      "ORDER BY min(t.started_at_ms) OVER (PARTITION BY t.contest), t.contest, t.rank, t.uscc, t.team");
  if (year) s.bind(1, std::int64_t{*year});
  std::vector<StoredTeamResult> list;
  while (s.step()) {
    StoredTeamResult r;
    r.contest = array_from_blob<std::tuple_size_v<Uuid>>(s.blob(0));
    r.contest_id = s.text(1);
    r.team = s.text(2);
    r.uscc = s.text(3);
    r.enterprise = s.text(4);
    r.registered = s.int64(5) != 0;
    r.rank = s.int64(6);
    r.centipoints = s.int64(7);
    r.correct = s.int64(8);
    r.fouls = s.int64(9);
    r.started_at_ms = s.int64(10);
    r.ended_at_ms = s.int64(11);
    list.push_back(std::move(r));
  }
  return list;
}

void OrganiserStore::ensure_enterprise(const std::string& uscc, ImportOutcome& out) {
  if (enterprises_.contains(uscc)) return;
  auto& ent = db_.cached("SELECT 1 FROM enterprises WHERE uscc = ?");
  ent.bind(1, uscc);
  const bool known = ent.step();
  ent.reset();
  if (!known) {
    // Kept and flagged: the results count once the enterprise registers.
    db_.cached("INSERT INTO enterprises (uscc, name, affiliation, unit, headcount, registered) VALUES (?, '', '', '', 0, 0)")
        .bind(1, uscc)
        .run();
    out.notes.push_back({"未登记的企业 " + uscc + "：成绩已保留并标记", "unregistered enterprise " + uscc + ": results kept and flagged"});
  }
  enterprises_[uscc] = true;
}

std::int64_t OrganiserStore::worker_id(const Worker& w, const std::string& uscc, ImportOutcome& out) {
  const auto wkey = key2(uscc, w.employee_no);
  if (auto it = workers_.find(wkey); it != workers_.end()) return it->second;

  ensure_enterprise(uscc, out);
  // Insert, or find the row that is there. (Not RETURNING: it builds a
  // temporary table on every run, which cost more than the lookup.)
  auto id_of = [this](Statement& insert, Statement& select) {
    insert.run();
    if (db_.changes() == 1) return db_.last_insert_id();
    select.step();
    const auto id = select.int64(0);
    select.reset();
    return id;
  };
  const auto tkey = key2(uscc, w.team);
  std::int64_t team;
  if (auto it = teams_.find(tkey); it != teams_.end()) {
    team = it->second;
  } else {
    auto& ins = db_.cached("INSERT INTO teams (uscc, name) VALUES (?, ?) ON CONFLICT DO NOTHING");
    auto& sel = db_.cached("SELECT id FROM teams WHERE uscc = ? AND name = ?");
    ins.bind(1, uscc).bind(2, w.team);
    sel.bind(1, uscc).bind(2, w.team);
    team = teams_[tkey] = id_of(ins, sel);
  }
  auto& ins = db_.cached("INSERT INTO workers (uscc, employee_no, name, team_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
  auto& sel = db_.cached("SELECT id FROM workers WHERE uscc = ? AND employee_no = ?");
  ins.bind(1, uscc).bind(2, w.employee_no).bind(3, w.name).bind(4, team);
  sel.bind(1, uscc).bind(2, w.employee_no);
  return workers_[wkey] = id_of(ins, sel);
}

void OrganiserStore::import_payload(const RecordBatch& batch, const Plan& plan, ImportOutcome& out) {
  const auto& p = batch.payload;
  auto& insert_question = db_.cached("INSERT INTO questions (id, uuid, category) VALUES (?, ?, ?)");
  std::vector<std::int32_t> categories;
  categories.reserve(p.questions.size());
  for (std::size_t i = 0; i < p.questions.size(); ++i) {
    const auto& q = p.questions[i];
    categories.push_back(intern(q.category));
    if (!plan.new_question[i] || questions_.contains(q.id)) continue;
    insert_question.bind(1, plan.questions[i]).bind(2, q.id).bind(3, q.category).run();
    questions_[q.id] = plan.questions[i];
  }
  std::vector<std::int64_t> wids;
  wids.reserve(p.workers.size());
  for (std::size_t i = 0; i < p.workers.size(); ++i) wids.push_back(worker_id(p.workers[i], name_list_[static_cast<std::size_t>(plan.enterprises[i])], out));

  auto& insert_attempt = db_.cached(
      "INSERT INTO attempts (id, bundle_hash, worker_id, contest_id, paper_seed, started_at_ms, ended_at_ms, year, "
      "centipoints, max_centipoints, correct_count, answer_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto& worker_year = db_.cached(
      "INSERT INTO worker_year (worker_id, year, attempts, sum_percent, best_percent) VALUES (?, ?, 1, ?, ?) "
      "ON CONFLICT DO UPDATE SET attempts = attempts + 1, sum_percent = sum_percent + excluded.sum_percent, "
      "best_percent = max(best_percent, excluded.best_percent)");
  for (std::size_t i = 0; i < p.attempts.size(); ++i) {
    if (plan.attempts[i] == 0) continue;  // stored with an earlier bundle
    const auto& t = p.attempts[i];
    const int year = china_year(t.started_at_ms);
    const double score = t.percent();
    insert_attempt.bind(1, plan.attempts[i])
        .bind(2, batch.source_hash)
        .bind(3, wids[t.worker])
        .bind(4, t.contest_id)
        .bind(5, static_cast<std::int64_t>(t.paper_seed))
        .bind(6, t.started_at_ms)
        .bind(7, t.ended_at_ms)
        .bind(8, std::int64_t{year})
        .bind(9, t.centipoints())
        .bind(10, std::int64_t{t.max_centipoints})
        .bind(11, std::int64_t{t.correct_count()})
        .bind(12, static_cast<std::int64_t>(t.answers.size()))
        .run();
    const auto enterprise = plan.enterprises[t.worker];
    for (const auto& a : t.answers) {
      const double x = a.correct_permille / 1000.0;
      pending_questions_[{plan.questions[a.question], year}].add(x, score);
      pending_categories_[{enterprise, categories[a.question], year}].add(x, score);
    }
    ++out.attempts;
    out.answers += static_cast<int>(t.answers.size());
    worker_year.bind(1, wids[t.worker]).bind(2, std::int64_t{year}).bind(3, score).bind(4, score).run();
    ++pending_histogram_[{year, std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor(score / 10.0)), 0, 10)}];
  }
}

void OrganiserStore::flush_moments() {
  auto& question = db_.cached(
      "INSERT INTO question_year (question_id, year, n, sum_x, sum_xx, sum_s, sum_ss, sum_xs) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT DO UPDATE SET n = n + excluded.n, sum_x = sum_x + excluded.sum_x, sum_xx = sum_xx + excluded.sum_xx, "
      "sum_s = sum_s + excluded.sum_s, sum_ss = sum_ss + excluded.sum_ss, sum_xs = sum_xs + excluded.sum_xs");
  for (const auto& [key, m] : pending_questions_)
    question.bind(1, key.first)
        .bind(2, std::int64_t{key.second})
        .bind(3, m.n)
        .bind(4, m.x)
        .bind(5, m.xx)
        .bind(6, m.s)
        .bind(7, m.ss)
        .bind(8, m.xs)
        .run();
  auto& category = db_.cached(
      "INSERT INTO category_year (uscc, category, year, n, sum_x) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT DO UPDATE SET n = n + excluded.n, sum_x = sum_x + excluded.sum_x");
  for (const auto& [key, m] : pending_categories_)
    category.bind(1, name_list_[static_cast<std::size_t>(std::get<0>(key))])
        .bind(2, name_list_[static_cast<std::size_t>(std::get<1>(key))])
        .bind(3, std::int64_t{std::get<2>(key)})
        .bind(4, m.n)
        .bind(5, m.x)
        .run();
  auto& histogram = db_.cached(
      "INSERT INTO score_histogram (year, bucket, attempts) VALUES (?, ?, ?) "
      "ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts");
  for (const auto& [key, n] : pending_histogram_) histogram.bind(1, std::int64_t{key.first}).bind(2, key.second).bind(3, n).run();
  pending_questions_.clear();
  pending_categories_.clear();
  pending_histogram_.clear();
}

ImportOutcome OrganiserStore::import_bundle(std::span<const std::uint8_t> bytes, const std::string& source,
                                            const VerifyOptions& options) {
  ImportOutcome out;
  out.source = source;
  Bundle b;
  try {
    b = read_bundle(bytes, lookup(), options);
  } catch (const ResultsError& e) {
    out.reason = e.text();
    return out;
  }
  // Alone, the bundle is its own transaction; inside a batch its writes join
  // the batch's, and a failure here (I/O, database) aborts the whole batch.
  std::optional<storage::Transaction> tx;
  if (sqlite3_get_autocommit(db_.handle())) tx.emplace(db_);
  auto& seen = db_.cached("SELECT hash FROM bundles WHERE hash = ? OR (device_id = ? AND sequence = ?)");
  seen.bind(1, b.hash).bind(2, b.header.device_id).bind(3, static_cast<std::int64_t>(b.header.sequence));
  if (seen.step()) {
    if (std::ranges::equal(seen.blob(0), b.hash)) {
      out.status = ImportOutcome::Status::already_imported;
    } else {
      out.reason = {"终端 " + to_hex(b.header.device_id) + " 的序号 " + std::to_string(b.header.sequence) + " 已被另一个成绩包使用",
                    "device " + to_hex(b.header.device_id) + " already has another bundle with sequence " +
                        std::to_string(b.header.sequence)};
    }
    seen.reset();
    return out;
  }
  seen.reset();
  auto& prev = db_.cached("SELECT hash FROM bundles WHERE device_id = ? AND sequence = ?");
  prev.bind(1, b.header.device_id).bind(2, static_cast<std::int64_t>(b.header.sequence) - 1);
  if (prev.step() && !std::ranges::equal(prev.blob(0), b.header.previous_hash))
    out.notes.push_back({"与上一个成绩包的摘要链不符（序号 " + std::to_string(b.header.sequence - 1) + "）",
                         "hash chain broken: previous bundle (sequence " + std::to_string(b.header.sequence - 1) + ") differs"});
  prev.reset();
  const std::string contest[] = {b.header.contest_id};
  const RecordBatch batch{b.payload, b.hash, contest, {"成绩包", "bundle"}};
  merge_records(batch, out, tx, [&] {
    db_.cached(
           "INSERT INTO bundles (hash, device_id, sequence, previous_hash, contest_id, answers, imported_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, b.hash)
        .bind(2, b.header.device_id)
        .bind(3, static_cast<std::int64_t>(b.header.sequence))
        .bind(4, b.header.previous_hash)
        .bind(5, b.header.contest_id)
        .bind(6, std::int64_t{b.header.record_count})
        .bind(7, now_seconds())
        .run();
  });
  return out;
}

void OrganiserStore::merge_records(const RecordBatch& batch, ImportOutcome& out, std::optional<storage::Transaction>& tx,
                                   const std::function<void()>& record_file) {
  auto refuse = [&](const Text& reason) {
    out.notes.clear();
    out.reason = reason;
  };
  try {
    auto ids = plan(batch);
    // Before any write, so a conflicting team result leaves nothing to take back.
    if (auto refusal = check_team_results(batch, ids)) return refuse(*refusal);
    if (auto refusal = insert_answers(batch, ids)) return refuse(*refusal);
    record_file();
    import_payload(batch, ids, out);
    insert_team_results(batch, ids, out);
    if (tx) {  // alone; inside a batch the batch commits
      flush_moments();
      tx->commit();
    }
  } catch (...) {
    // Ids and sums made inside the rolled-back writes are gone.
    forget_cached_ids();
    throw;
  }
  out.status = ImportOutcome::Status::imported;
}

std::vector<Text> OrganiserStore::sequence_gaps() {
  std::vector<Text> gaps;
  auto s = db_.prepare("SELECT device_id, group_concat(sequence) FROM (SELECT device_id, sequence FROM bundles ORDER BY device_id, sequence) GROUP BY device_id");
  while (s.step()) {
    auto device = to_hex(s.blob(0));
    std::int64_t expected = 1;
    std::string list = s.text(1);
    std::size_t pos = 0;
    std::string missing;
    while (pos <= list.size()) {
      auto comma = list.find(',', pos);
      if (comma == std::string::npos) comma = list.size();
      const auto seq = std::stoll(list.substr(pos, comma - pos));
      for (; expected < seq; ++expected) missing += (missing.empty() ? "" : ", ") + std::to_string(expected);
      expected = seq + 1;
      pos = comma + 1;
    }
    if (!missing.empty())
      gaps.push_back({"终端 " + device + " 缺少序号 " + missing, "device " + device + " is missing sequence " + missing});
  }
  return gaps;
}

}  // namespace ankang::results
