#include "results/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <string_view>

#include "embed/embedded_file.h"
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

OrganiserStore::OrganiserStore(const std::string& path) : db_(open(path)) {
  db_.exec("PRAGMA cache_size=-262144");  // 256 MiB: a million answers stay in memory while importing
  db_.exec("PRAGMA temp_store=MEMORY");  // the per-bundle savepoint journal stays off the disk
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

void OrganiserStore::add_enterprise(Enterprise e) {
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
  if (e.headcount <= 0) throw ResultsError("职工人数应为正整数", "the headcount must be a positive whole number");
  if (auto existing = enterprise(e.uscc); existing && existing->registered)
    throw ResultsError("不能重复报名：" + e.uscc + " 已由“" + existing->unit + "”（" + affiliation_zh(existing->affiliation) + "）报名为“" +
                           existing->name + "”",
                       "already registered (不能重复报名): " + e.uscc + " is registered with '" + existing->unit + "' (" +
                           existing->affiliation + ") as '" + existing->name + "'");
  // A placeholder made by an import of its results becomes the registration.
  db_.prepare(
         "INSERT INTO enterprises (uscc, name, affiliation, unit, headcount, registered) VALUES (?, ?, ?, ?, ?, 1) "
         "ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, affiliation = excluded.affiliation, "
         "unit = excluded.unit, headcount = excluded.headcount, registered = 1")
      .bind(1, e.uscc)
      .bind(2, e.name)
      .bind(3, *affiliation)
      .bind(4, e.unit)
      .bind(5, e.headcount)
      .run();
}

// [SECTION] Import

void OrganiserStore::begin_batch() { db_.exec("BEGIN IMMEDIATE"); }
void OrganiserStore::commit_batch() {
  flush_moments();
  db_.exec("COMMIT");
}

std::int64_t OrganiserStore::question_id(const QuestionRef& q) {
  if (auto it = questions_.find(q.id); it != questions_.end()) return it->second;
  auto& ins = db_.cached("INSERT INTO questions (uuid, category) VALUES (?, ?) ON CONFLICT (uuid) DO NOTHING");
  ins.bind(1, q.id).bind(2, q.category).run();
  auto& sel = db_.cached("SELECT id FROM questions WHERE uuid = ?");
  sel.bind(1, q.id);
  sel.step();
  return questions_[q.id] = sel.int64(0);
}

std::int64_t OrganiserStore::worker_id(const Worker& w, ImportOutcome& out) {
  const auto uscc = normalize_uscc(w.enterprise_uscc);
  const auto wkey = key2(uscc, w.employee_no);
  if (auto it = workers_.find(wkey); it != workers_.end()) return it->second;

  auto& ent = db_.cached("SELECT registered FROM enterprises WHERE uscc = ?");
  ent.bind(1, uscc);
  if (!ent.step()) {
    // Kept and flagged: the results count once the enterprise registers.
    db_.cached("INSERT INTO enterprises (uscc, name, affiliation, unit, headcount, registered) VALUES (?, '', '', '', 0, 0)")
        .bind(1, uscc)
        .run();
    out.notes.push_back({"未登记的企业 " + uscc + "：成绩已保留并标记", "unregistered enterprise " + uscc + ": results kept and flagged"});
  }
  const auto tkey = key2(uscc, w.team);
  std::int64_t team;
  if (auto it = teams_.find(tkey); it != teams_.end()) {
    team = it->second;
  } else {
    db_.cached("INSERT INTO teams (uscc, name) VALUES (?, ?) ON CONFLICT DO NOTHING").bind(1, uscc).bind(2, w.team).run();
    auto& sel = db_.cached("SELECT id FROM teams WHERE uscc = ? AND name = ?");
    sel.bind(1, uscc).bind(2, w.team);
    sel.step();
    team = teams_[tkey] = sel.int64(0);
  }
  db_.cached("INSERT INTO workers (uscc, employee_no, name, team_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
      .bind(1, uscc)
      .bind(2, w.employee_no)
      .bind(3, w.name)
      .bind(4, team)
      .run();
  auto& sel = db_.cached("SELECT id FROM workers WHERE uscc = ? AND employee_no = ?");
  sel.bind(1, uscc).bind(2, w.employee_no);
  sel.step();
  return workers_[wkey] = sel.int64(0);
}

namespace {

[[noreturn]] void conflict(const Uuid& uuid) {
  throw ResultsError("答案编号 " + uuid_to_string(uuid) + " 已以不同内容导入过：整个成绩包被拒绝",
                     "answer id " + uuid_to_string(uuid) + " was imported before with other content: the whole bundle is refused");
}

}  // namespace

std::vector<bool> OrganiserStore::repeated_attempts(const Bundle& b) {
  const auto& p = b.payload;
  std::vector<bool> repeated;
  auto& old = db_.cached(
      "SELECT q.uuid, a.response, a.correct_permille, a.centipoints, a.shown_ms, a.latency_ms "
      "FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.uuid = ?");
  for (const auto& t : p.attempts) {
    std::size_t seen = 0;
    for (const auto& a : t.answers) {
      old.reset();
      old.bind(1, a.uuid);
      if (!old.step()) continue;
      if (old.text(0) != p.questions[a.question].id || old.text(1) != a.response || old.int64(2) != a.correct_permille ||
          old.int64(3) != a.centipoints || old.int64(4) != a.shown_ms || old.int64(5) != a.latency_ms)
        conflict(a.uuid);
      ++seen;
    }
    // An attempt exported again in another bundle is counted once; one that
    // shares only some answers with what is stored is not the same attempt.
    if (seen != 0 && seen != t.answers.size()) conflict(t.answers.front().uuid);
    repeated.push_back(seen != 0);
  }
  old.reset();
  return repeated;
}

void OrganiserStore::import_payload(const Bundle& b, const std::vector<bool>& repeated, ImportOutcome& out) {
  const auto& p = b.payload;
  std::vector<std::int64_t> qids;
  qids.reserve(p.questions.size());
  for (const auto& q : p.questions) qids.push_back(question_id(q));
  std::vector<std::int64_t> wids;
  std::vector<std::string> usccs;
  wids.reserve(p.workers.size());
  for (const auto& w : p.workers) {
    wids.push_back(worker_id(w, out));
    usccs.push_back(normalize_uscc(w.enterprise_uscc));
  }

  // Keyed by indexes into the bundle's tables, turned into rows at the end.
  std::map<std::pair<std::uint32_t, int>, Moments> question_moments;           // (question, year)
  std::map<std::tuple<std::uint32_t, std::uint32_t, int>, Moments> category_moments;  // (worker, question, year)
  auto& insert_attempt = db_.cached(
      "INSERT INTO attempts (bundle_hash, worker_id, contest_id, paper_seed, started_at_ms, ended_at_ms, year, "
      "centipoints, max_centipoints, correct_count, answer_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto& insert_answer = db_.cached(
      "INSERT INTO answers (uuid, attempt_id, question_id, response, correct_permille, centipoints, shown_ms, latency_ms) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  auto& worker_year = db_.cached(
      "INSERT INTO worker_year (worker_id, year, attempts, sum_percent, best_percent) VALUES (?, ?, 1, ?, ?) "
      "ON CONFLICT DO UPDATE SET attempts = attempts + 1, sum_percent = sum_percent + excluded.sum_percent, "
      "best_percent = max(best_percent, excluded.best_percent)");
  auto& histogram = db_.cached(
      "INSERT INTO score_histogram (year, bucket, attempts) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET attempts = attempts + 1");
  for (std::size_t i = 0; i < p.attempts.size(); ++i) {
    if (repeated[i]) continue;
    const auto& t = p.attempts[i];
    const int year = china_year(t.started_at_ms);
    const double score = t.percent();
    insert_attempt.bind(1, b.hash)
        .bind(2, wids[t.worker])
        .bind(3, t.contest_id)
        .bind(4, static_cast<std::int64_t>(t.paper_seed))
        .bind(5, t.started_at_ms)
        .bind(6, t.ended_at_ms)
        .bind(7, std::int64_t{year})
        .bind(8, t.centipoints())
        .bind(9, std::int64_t{t.max_centipoints})
        .bind(10, std::int64_t{t.correct_count()})
        .bind(11, static_cast<std::int64_t>(t.answers.size()))
        .run();
    const auto attempt = db_.last_insert_id();
    for (const auto& a : t.answers) {
      insert_answer.bind(1, a.uuid)
          .bind(2, attempt)
          .bind(3, qids[a.question])
          .bind(4, a.response)
          .bind(5, std::int64_t{a.correct_permille})
          .bind(6, std::int64_t{a.centipoints})
          .bind(7, std::int64_t{a.shown_ms})
          .bind(8, std::int64_t{a.latency_ms})
          .run();
      const double x = a.correct_permille / 1000.0;
      auto& m = question_moments[{a.question, year}];
      auto& c = category_moments[{t.worker, a.question, year}];
      for (auto* mm : {&m, &c}) {
        mm->n += 1;
        mm->x += x;
        mm->xx += x * x;
        mm->s += score;
        mm->ss += score * score;
        mm->xs += x * score;
      }
    }
    ++out.attempts;
    out.answers += static_cast<int>(t.answers.size());
    worker_year.bind(1, wids[t.worker]).bind(2, std::int64_t{year}).bind(3, score).bind(4, score).run();
    const auto bucket = std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor(score / 10.0)), 0, 10);
    histogram.bind(1, std::int64_t{year}).bind(2, bucket).run();
  }
  // Summed in memory and written once per batch: a bundle touches nearly as
  // many (question, year) rows as it has answers.
  for (const auto& [key, m] : category_moments) {
    auto& c = pending_categories_[{usccs[std::get<0>(key)], p.questions[std::get<1>(key)].category, std::get<2>(key)}];
    c.n += m.n;
    c.x += m.x;
  }
  for (const auto& [key, m] : question_moments) {
    auto& q = pending_questions_[{qids[key.first], key.second}];
    q.n += m.n;
    q.x += m.x;
    q.xx += m.xx;
    q.s += m.s;
    q.ss += m.ss;
    q.xs += m.xs;
  }
}

void OrganiserStore::flush_moments() {
  for (const auto& [key, m] : pending_questions_)
    db_.cached(
           "INSERT INTO question_year (question_id, year, n, sum_x, sum_xx, sum_s, sum_ss, sum_xs) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
           "ON CONFLICT DO UPDATE SET n = n + excluded.n, sum_x = sum_x + excluded.sum_x, sum_xx = sum_xx + excluded.sum_xx, "
           "sum_s = sum_s + excluded.sum_s, sum_ss = sum_ss + excluded.sum_ss, sum_xs = sum_xs + excluded.sum_xs")
        .bind(1, key.first)
        .bind(2, std::int64_t{key.second})
        .bind(3, m.n)
        .bind(4, m.x)
        .bind(5, m.xx)
        .bind(6, m.s)
        .bind(7, m.ss)
        .bind(8, m.xs)
        .run();
  for (const auto& [key, m] : pending_categories_)
    db_.cached(
           "INSERT INTO category_year (uscc, category, year, n, sum_x) VALUES (?, ?, ?, ?, ?) "
           "ON CONFLICT DO UPDATE SET n = n + excluded.n, sum_x = sum_x + excluded.sum_x")
        .bind(1, std::get<0>(key))
        .bind(2, std::get<1>(key))
        .bind(3, std::int64_t{std::get<2>(key)})
        .bind(4, m.n)
        .bind(5, m.x)
        .run();
  pending_questions_.clear();
  pending_categories_.clear();
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
    return out;
  }
  auto& prev = db_.cached("SELECT hash FROM bundles WHERE device_id = ? AND sequence = ?");
  prev.bind(1, b.header.device_id).bind(2, static_cast<std::int64_t>(b.header.sequence) - 1);
  if (prev.step() && !std::ranges::equal(prev.blob(0), b.header.previous_hash))
    out.notes.push_back({"与上一个成绩包的摘要链不符（序号 " + std::to_string(b.header.sequence - 1) + "）",
                         "hash chain broken: previous bundle (sequence " + std::to_string(b.header.sequence - 1) + ") differs"});
  std::vector<bool> repeated;
  try {
    repeated = repeated_attempts(b);  // reads only: a refusal leaves the store untouched
  } catch (const ResultsError& e) {
    out.notes.clear();
    out.reason = e.text();
    return out;
  }
  // Inside a batch the bundle's writes join the batch's transaction (a failure
  // here is an I/O or database error and aborts the whole batch); alone, the
  // bundle is its own transaction.
  try {
    std::optional<Savepoint> tx;
    if (sqlite3_get_autocommit(db_.handle())) tx.emplace(db_, "bundle");
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
    import_payload(b, repeated, out);
    if (tx) {
      flush_moments();
      tx->commit();
    }
  } catch (...) {
    // Ids and sums made inside the rolled-back writes are gone.
    questions_.clear();
    workers_.clear();
    teams_.clear();
    pending_questions_.clear();
    pending_categories_.clear();
    throw;
  }
  out.status = ImportOutcome::Status::imported;
  return out;
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
