// City roll-ups: the file (header, payload, signature), the payload made
// from a unit's store, and the words for a duplicate registration. The
// city's side of the import is OrganiserStore's (store_rollup.cpp).
//
// [SECTION] Layout
// [SECTION] Reading
// [SECTION] Export from a unit's store
// [SECTION] Duplicates in words
#include "results/rollup.h"

#include <algorithm>
#include <set>
#include <sqlite3.h>
#include <unordered_map>

#include "results/bundle.h"
#include "results/error.h"
#include "results/store.h"
#include "results/uscc.h"

namespace ankang::results {

namespace {

constexpr char kMagic[8] = {'A', 'N', 'K', 'R', 'O', 'L', 'U', 'P'};

[[noreturn]] void refuse(const std::string& zh, const std::string& en) { throw ResultsError(zh, en); }

template <std::size_t N>
void copy_to(std::span<const std::uint8_t> from, std::array<std::uint8_t, N>& to) {
  std::copy(from.begin(), from.end(), to.begin());
}

// [SECTION] Layout

void write_header(ByteWriter& w, const RollupHeader& h) {
  w.raw(std::span(reinterpret_cast<const std::uint8_t*>(kMagic), 8));
  w.u16(h.format_version);
  w.u16(static_cast<std::uint16_t>(kRollupHeaderBytes));
  w.raw(h.unit_key);
  w.i64(h.exported_at_ms);
  w.u32(h.enterprise_count);
  w.u32(h.attempt_count);
  w.u32(h.answer_count);
  w.u32(h.team_result_count);
  w.u32(h.payload_length);
  w.raw(h.payload_hash);
}

// [SECTION] Reading: meaning checks on a payload whose bytes are authentic

void check_meaning(const Rollup& r) {
  const auto& h = r.header;
  const auto& p = r.payload;
  auto count = [](const char* zh, const char* en, std::size_t declared, std::size_t found) {
    if (declared != found)
      refuse(std::string(zh) + "数不符：头部声明 " + std::to_string(declared) + "，实际 " + std::to_string(found),
             std::string(en) + " count mismatch: header says " + std::to_string(declared) + ", payload has " + std::to_string(found));
  };
  count("企业", "enterprise", h.enterprise_count, p.enterprises.size());
  count("答题", "attempt", h.attempt_count, p.records.attempts.size());
  count("答题记录", "answer", h.answer_count, p.records.answer_count());
  count("班组赛成绩", "team result", h.team_result_count, p.records.team_results.size());
  if (p.team_contest_ids.size() != p.records.team_results.size())
    refuse("班组赛成绩的竞赛编号数与成绩数不符", "the team results' contest ids do not match the team results");
  for (std::size_t i = 0; i < p.team_contest_ids.size(); ++i)
    if (p.team_contest_ids[i].empty())
      refuse("第 " + std::to_string(i) + " 条班组赛成绩缺少竞赛编号", "team result " + std::to_string(i) + " has no contest id");
  check_records(p.records, {});
  std::set<std::string_view> codes;
  for (std::size_t i = 0; i < p.enterprises.size(); ++i) {
    const auto& e = p.enterprises[i];
    const auto where_zh = "第 " + std::to_string(i + 1) + " 家报名企业（" + e.uscc + "）：";
    const auto where_en = "registration " + std::to_string(i + 1) + " (" + e.uscc + "): ";
    // The unit's store checked the check character, or allowlisted the
    // code: only its form is checked again here.
    if (e.uscc.size() != 18 || normalize_uscc(e.uscc) != e.uscc || !uscc_check_character(std::string_view(e.uscc).substr(0, 17)))
      refuse(where_zh + "统一社会信用代码格式无效", where_en + "the USCC is malformed");
    if (!codes.insert(e.uscc).second) refuse(where_zh + "重复出现", where_en + "is listed twice");
    if (e.name.empty() || e.unit.empty()) refuse(where_zh + "缺少企业名称或组织单位", where_en + "lacks a name or an organising unit");
    if (e.affiliation != "district" && e.affiliation != "industry" && e.affiliation != "federation")
      refuse(where_zh + "归属“" + e.affiliation + "”无效", where_en + "affiliation '" + e.affiliation + "' is not valid");
    if (e.headcount <= 0) refuse(where_zh + "职工人数应为正整数", where_en + "the headcount must be positive");
  }
}

}  // namespace

PayloadLimits rollup_limits() {
  PayloadLimits l;
  l.max_workers = 2000000;
  l.max_attempts = 10000000;
  l.max_team_results = 1000000;
  l.max_enterprises = 100000;
  return l;
}

Bytes write_rollup(const RollupPayload& payload, std::int64_t exported_at_ms, const KeyPair& unit_key) {
  const auto narrow = [](std::size_t n) {
    if (n > 0xFFFFFFFFu) refuse("汇总包记录过多", "too many records for a roll-up");
    return static_cast<std::uint32_t>(n);
  };
  const RollupCounts counts{narrow(payload.enterprises.size()), narrow(payload.records.attempts.size()),
                            narrow(payload.records.answer_count()), narrow(payload.records.team_results.size())};
  return seal_rollup(write_rollup_payload(payload), counts, exported_at_ms, unit_key);
}

Bytes seal_rollup(std::span<const std::uint8_t> body, const RollupCounts& counts, std::int64_t exported_at_ms,
                  const KeyPair& unit_key) {
  if (body.size() > kMaxRollupBytes - kRollupHeaderBytes - 64)
    refuse("汇总包过大（" + std::to_string(body.size()) + " 字节）", "roll-up too large (" + std::to_string(body.size()) + " bytes)");
  RollupHeader h;
  h.unit_key = unit_key.public_key;
  h.exported_at_ms = exported_at_ms;
  h.enterprise_count = counts.enterprises;
  h.attempt_count = counts.attempts;
  h.answer_count = counts.answers;
  h.team_result_count = counts.team_results;
  h.payload_length = static_cast<std::uint32_t>(body.size());
  h.payload_hash = blake2b(body);
  ByteWriter w;
  write_header(w, h);
  w.raw(body);
  const auto sig = sign(w.bytes(), unit_key.secret_key);
  w.raw(sig);
  return std::move(w.bytes());
}

RollupHeader parse_rollup_header(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kRollupHeaderBytes)
    refuse("文件过短（" + std::to_string(bytes.size()) + " 字节），不是汇总包",
           "file too short (" + std::to_string(bytes.size()) + " bytes) to be a roll-up");
  ByteReader r(bytes.first(kRollupHeaderBytes));
  if (!std::equal(kMagic, kMagic + 8, r.raw(8).begin())) refuse("不是汇总包（文件标识不符）", "not a roll-up (wrong magic)");
  RollupHeader h;
  h.format_version = r.u16();
  if (h.format_version != kRollupFormatVersion)
    refuse("不支持的汇总包格式版本 " + std::to_string(h.format_version) + "，请更新本程序",
           "unsupported roll-up format version " + std::to_string(h.format_version) + ": update this program");
  if (r.u16() != kRollupHeaderBytes) refuse("头部长度不符", "header length field is wrong");
  copy_to(r.raw(32), h.unit_key);
  h.exported_at_ms = r.i64();
  h.enterprise_count = r.u32();
  h.attempt_count = r.u32();
  h.answer_count = r.u32();
  h.team_result_count = r.u32();
  h.payload_length = r.u32();
  copy_to(r.raw(32), h.payload_hash);
  if (h.exported_at_ms <= 0) refuse("头部的导出时间无效", "header has no valid export time");
  return h;
}

Rollup read_rollup(std::span<const std::uint8_t> bytes, const UnitLookup& registered, const RollupVerifyOptions& options) {
  if (bytes.size() > options.max_file_bytes)
    refuse("汇总包过大（" + std::to_string(bytes.size()) + " 字节，上限 " + std::to_string(options.max_file_bytes) + "）",
           "roll-up too large (" + std::to_string(bytes.size()) + " bytes, limit " + std::to_string(options.max_file_bytes) + ")");
  Rollup r;
  r.header = parse_rollup_header(bytes);
  const std::size_t expected = kRollupHeaderBytes + std::size_t{r.header.payload_length} + 64;
  if (bytes.size() != expected)
    refuse("长度不符：应为 " + std::to_string(expected) + " 字节，实为 " + std::to_string(bytes.size()) + " 字节（文件被截断或附加了数据）",
           "length mismatch: expected " + std::to_string(expected) + " bytes, got " + std::to_string(bytes.size()) +
               " (truncated or appended)");
  if (!registered(r.header.unit_key))
    refuse("未登记的组织单位密钥（指纹 " + fingerprint(r.header.unit_key) + "）：请先 ankang unit add",
           "unregistered unit key (fingerprint " + fingerprint(r.header.unit_key) + "): register it with ankang unit add");
  const auto signed_part = bytes.first(expected - 64);
  Signature sig{};
  copy_to(bytes.subspan(expected - 64), sig);
  if (!verify_signature(signed_part, sig, r.header.unit_key))
    refuse("签名无效：内容被改动或不是该组织单位签发", "invalid signature: altered, or not signed by this unit");
  const auto body = bytes.subspan(kRollupHeaderBytes, r.header.payload_length);
  if (blake2b(body) != r.header.payload_hash) refuse("数据摘要不符", "payload hash mismatch");
  r.payload = read_rollup_payload(body, options.limits);
  r.hash = blake2b(bytes);
  check_meaning(r);
  return r;
}

Rollup read_rollup_file(const std::string& path, const UnitLookup& registered, const RollupVerifyOptions& options) {
  return read_rollup(read_file(path, options.max_file_bytes), registered, options);
}

// [SECTION] Export from a unit's store

RollupPayload rollup_payload(OrganiserStore& store) {
  auto& db = store.db();
  // One snapshot for every table; inside a batch the batch's transaction is one.
  std::optional<storage::Transaction> snapshot;
  if (sqlite3_get_autocommit(db.handle())) snapshot.emplace(db, storage::Transaction::Mode::deferred);
  RollupPayload p;
  auto ents = db.prepare("SELECT uscc, name, affiliation, unit, headcount FROM enterprises WHERE registered = 1 ORDER BY uscc");
  while (ents.step()) p.enterprises.push_back({ents.text(0), ents.text(1), ents.text(2), ents.text(3), ents.int64(4)});

  auto& r = p.records;
  std::unordered_map<std::int64_t, std::uint32_t> question_index, worker_index, attempt_index;
  auto questions = db.prepare("SELECT id, uuid, category FROM questions ORDER BY id");
  while (questions.step()) {
    if (r.questions.size() > 0xFFFF)
      refuse("成绩库的题目超过 65,536 道，无法放入一个汇总包", "the store holds more than 65,536 questions: too many for one roll-up");
    question_index[questions.int64(0)] = static_cast<std::uint32_t>(r.questions.size());
    r.questions.push_back({questions.text(1), questions.text(2)});
  }
  auto workers = db.prepare(
      "SELECT w.id, w.employee_no, w.name, t.name, w.uscc FROM workers w JOIN teams t ON t.id = w.team_id ORDER BY w.id");
  while (workers.step()) {
    worker_index[workers.int64(0)] = static_cast<std::uint32_t>(r.workers.size());
    r.workers.push_back({workers.text(1), workers.text(2), workers.text(3), workers.text(4)});
  }
  auto attempts = db.prepare(
      "SELECT id, worker_id, contest_id, paper_seed, started_at_ms, ended_at_ms, max_centipoints FROM attempts ORDER BY id");
  while (attempts.step()) {
    Attempt t;
    t.worker = worker_index.at(attempts.int64(1));
    t.contest_id = attempts.text(2);
    t.paper_seed = static_cast<std::uint64_t>(attempts.int64(3));
    t.started_at_ms = attempts.int64(4);
    t.ended_at_ms = attempts.int64(5);
    t.max_centipoints = static_cast<std::int32_t>(attempts.int64(6));
    attempt_index[attempts.int64(0)] = static_cast<std::uint32_t>(r.attempts.size());
    r.attempts.push_back(std::move(t));
  }
  // In key order, each to its attempt: the answers table has no index by attempt.
  auto answers = db.prepare(
      "SELECT uuid, attempt_id, question_id, response, correct_permille, centipoints, shown_ms, latency_ms FROM answers");
  while (answers.step()) {
    AnswerRecord a;
    copy_to(answers.blob(0).first(std::min<std::size_t>(16, answers.blob(0).size())), a.uuid);
    a.question = question_index.at(answers.int64(2));
    a.response = answers.text(3);
    a.correct_permille = static_cast<std::uint16_t>(answers.int64(4));
    a.centipoints = static_cast<std::int32_t>(answers.int64(5));
    a.shown_ms = static_cast<std::uint32_t>(answers.int64(6));
    a.latency_ms = static_cast<std::uint32_t>(answers.int64(7));
    r.attempts[attempt_index.at(answers.int64(1))].answers.push_back(std::move(a));
  }
  // In the order they were shown, as the kiosk exported them.
  for (auto& t : r.attempts)
    std::sort(t.answers.begin(), t.answers.end(),
              [](const AnswerRecord& x, const AnswerRecord& y) { return std::tie(x.shown_ms, x.uuid) < std::tie(y.shown_ms, y.uuid); });

  auto teams = db.prepare(
      "SELECT contest, uscc, team, contest_id, rank, centipoints, correct, fouls, paper_seed, started_at_ms, ended_at_ms "
      "FROM team_results ORDER BY contest, uscc, team");
  while (teams.step()) {
    TeamResult t;
    copy_to(teams.blob(0).first(std::min<std::size_t>(16, teams.blob(0).size())), t.contest);
    t.enterprise_uscc = teams.text(1);
    t.team = teams.text(2);
    t.rank = static_cast<std::uint32_t>(teams.int64(4));
    t.centipoints = static_cast<std::int32_t>(teams.int64(5));
    t.correct = static_cast<std::uint32_t>(teams.int64(6));
    t.fouls = static_cast<std::uint32_t>(teams.int64(7));
    t.paper_seed = static_cast<std::uint64_t>(teams.int64(8));
    t.started_at_ms = teams.int64(9);
    t.ended_at_ms = teams.int64(10);
    r.team_results.push_back(std::move(t));
    p.team_contest_ids.push_back(teams.text(3));
  }
  return p;
}

Bytes export_rollup(OrganiserStore& store, const KeyPair& unit_key, std::int64_t exported_at_ms) {
  auto bytes = write_rollup(rollup_payload(store), exported_at_ms, unit_key);
  // Read back: a secret key that does not belong to the public key, or
  // records the city would refuse, are found here and not at the city.
  read_rollup(bytes, [&](const PublicKey& key) { return key == unit_key.public_key; });
  return bytes;
}

// [SECTION] Duplicates in words

std::string registration_source(const Registration& r, bool chinese) {
  if (r.fingerprint.empty()) return r.unit + (chinese ? "（本库登记）" : " (registered in this store)");
  const auto key = (r.unit_label.empty() ? "" : r.unit_label + " · ") + r.fingerprint;
  return r.unit + (chinese ? "（" + key + "）" : " (" + key + ")");
}

Text describe(const DuplicateRegistration& d) {
  Text t;
  const auto name = d.registrations.empty() ? std::string() : d.registrations.front().name;
  std::string zh_units, en_units;
  for (std::size_t i = 0; i < d.registrations.size(); ++i) {
    zh_units += (i == 0 ? "" : " 与 ") + registration_source(d.registrations[i], true);
    en_units += (i == 0 ? "" : " and ") + registration_source(d.registrations[i], false);
  }
  const auto counted = d.registrations.empty() ? std::string() : d.registrations.front().unit;
  t.zh = "重复报名：" + d.uscc + " " + name + " 由 " + zh_units + " 报名；合计计入 " + counted;
  t.en = "registered twice (重复报名): " + d.uscc + " " + name + " by " + en_units + "; the totals count " + counted;
  return t;
}

}  // namespace ankang::results
