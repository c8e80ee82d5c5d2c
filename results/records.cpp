// cereal serialization of the score records. Only this file sees cereal, so
// every archive of records goes through the capped reader below.
//
// Binary layout (portable binary, little-endian): texts are a u16 length (a
// response: u8) and the bytes; lists are a u32 count and the items. cereal's
// own std::string / std::vector code reads a 64-bit size and allocates it
// before looking, so it is used only for the JSON view.
#include "results/records.h"

#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <limits>
#include <sstream>
#include <streambuf>

#include "results/error.h"

// Raise one of these when its fields change, and keep loading the old ones.
CEREAL_CLASS_VERSION(ankang::results::Worker, 1)
CEREAL_CLASS_VERSION(ankang::results::QuestionRef, 1)
CEREAL_CLASS_VERSION(ankang::results::AnswerRecord, 1)
CEREAL_CLASS_VERSION(ankang::results::Attempt, 1)
CEREAL_CLASS_VERSION(ankang::results::TeamResult, 1)
// 2: team_results after the attempts.
CEREAL_CLASS_VERSION(ankang::results::BundlePayload, 2)
CEREAL_CLASS_VERSION(ankang::results::RollupEnterprise, 1)
CEREAL_CLASS_VERSION(ankang::results::RollupPayload, 1)

namespace ankang::results {

namespace {

using BinOut = cereal::PortableBinaryOutputArchive;
using BinIn = cereal::PortableBinaryInputArchive;
using JsonOut = cereal::JSONOutputArchive;

constexpr std::uint32_t kCurrentVersion = 1;

// An istream buffer over bytes in memory that can say how many are left.
class SpanBuf : public std::streambuf {
 public:
  explicit SpanBuf(std::span<const std::uint8_t> bytes) {
    auto* p = const_cast<char*>(reinterpret_cast<const char*>(bytes.data()));
    setg(p, p, p + bytes.size());
  }
  std::size_t remaining() const { return static_cast<std::size_t>(egptr() - gptr()); }
};

// The input archive the load functions require: it knows the limits and
// the bytes left, so a declared length is checked before it is believed.
class BoundedInput : public BinIn {
 public:
  BoundedInput(std::istream& in, const SpanBuf& buf, const PayloadLimits& limits)
      : BinIn(in), limits(limits), buf_(buf) {}
  std::size_t remaining() const { return buf_.remaining(); }
  const PayloadLimits& limits;

 private:
  const SpanBuf& buf_;
};

BoundedInput& bounded(BinIn& ar) {
  auto* b = dynamic_cast<BoundedInput*>(&ar);
  if (!b) throw ResultsError("记录只能通过 read_payload 读取", "records can only be read through read_payload");
  return *b;
}

[[noreturn]] void bad_field(const std::string& field, const std::string& why_zh, const std::string& why_en) {
  throw ResultsError("记录字段 " + field + " 无效：" + why_zh, "record field " + field + " is invalid: " + why_en);
}

void check_version(std::uint32_t version, const char* type, std::uint32_t newest = kCurrentVersion) {
  if (version == 0 || version > newest)
    bad_field(type, "不支持的版本 " + std::to_string(version), "unsupported version " + std::to_string(version));
}

template <class Len>
void save_text(BinOut& ar, const std::string& s, std::size_t cap, const char* field) {
  if (s.size() > cap || s.size() > std::numeric_limits<Len>::max())
    bad_field(field, "过长（" + std::to_string(s.size()) + " 字节）", "too long (" + std::to_string(s.size()) + " bytes)");
  ar(static_cast<Len>(s.size()));
  ar(cereal::binary_data(s.data(), s.size()));
}

template <class Len>
void load_text(BinIn& ar, std::string& s, std::size_t cap, const char* field) {
  Len n = 0;
  ar(n);
  if (n > cap) bad_field(field, "长度 " + std::to_string(n) + " 超过上限 " + std::to_string(cap), "length " + std::to_string(n) + " exceeds the limit " + std::to_string(cap));
  if (n > bounded(ar).remaining()) bad_field(field, "长度 " + std::to_string(n) + " 超过剩余字节", "length " + std::to_string(n) + " exceeds the bytes left");
  s.resize(n);
  ar(cereal::binary_data(s.data(), n));
}

template <class T>
void save_list(BinOut& ar, const std::vector<T>& v) {
  ar(static_cast<std::uint32_t>(v.size()));
  for (const auto& item : v) ar(item);
}

// min_bytes: the fewest bytes one item can take, so a count that could not
// fit in what is left is refused before any allocation.
std::uint32_t load_count(BinIn& ar, std::size_t cap, std::size_t min_bytes, const char* field) {
  std::uint32_t n = 0;
  ar(n);
  if (n > cap) bad_field(field, "数量 " + std::to_string(n) + " 超过上限 " + std::to_string(cap), "count " + std::to_string(n) + " exceeds the limit " + std::to_string(cap));
  if (static_cast<std::size_t>(n) * min_bytes > bounded(ar).remaining())
    bad_field(field, "数量 " + std::to_string(n) + " 超过剩余字节", "count " + std::to_string(n) + " exceeds the bytes left");
  return n;
}

template <class T>
void load_list(BinIn& ar, std::vector<T>& v, std::size_t cap, std::size_t min_bytes, const char* field) {
  const auto n = load_count(ar, cap, min_bytes, field);
  v.clear();
  v.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    T item;
    ar(item);
    v.push_back(std::move(item));
  }
}

}  // namespace

// [SECTION] Worker
void save(BinOut& ar, const Worker& w, std::uint32_t) {
  save_text<std::uint16_t>(ar, w.employee_no, 1024, "worker.employee_no");
  save_text<std::uint16_t>(ar, w.name, 1024, "worker.name");
  save_text<std::uint16_t>(ar, w.team, 1024, "worker.team");
  save_text<std::uint16_t>(ar, w.enterprise_uscc, 1024, "worker.enterprise_uscc");
}
void load(BinIn& ar, Worker& w, std::uint32_t version) {
  check_version(version, "Worker");
  auto cap = bounded(ar).limits.max_text_bytes;
  load_text<std::uint16_t>(ar, w.employee_no, cap, "worker.employee_no");
  load_text<std::uint16_t>(ar, w.name, cap, "worker.name");
  load_text<std::uint16_t>(ar, w.team, cap, "worker.team");
  load_text<std::uint16_t>(ar, w.enterprise_uscc, cap, "worker.enterprise_uscc");
}
void save(JsonOut& ar, const Worker& w, std::uint32_t) {
  ar(cereal::make_nvp("employee_no", w.employee_no), cereal::make_nvp("name", w.name),
     cereal::make_nvp("team", w.team), cereal::make_nvp("enterprise_uscc", w.enterprise_uscc));
}

// [SECTION] QuestionRef
void save(BinOut& ar, const QuestionRef& q, std::uint32_t) {
  save_text<std::uint16_t>(ar, q.id, 1024, "question.id");
  save_text<std::uint16_t>(ar, q.category, 1024, "question.category");
}
void load(BinIn& ar, QuestionRef& q, std::uint32_t version) {
  check_version(version, "QuestionRef");
  auto cap = bounded(ar).limits.max_text_bytes;
  load_text<std::uint16_t>(ar, q.id, cap, "question.id");
  load_text<std::uint16_t>(ar, q.category, cap, "question.category");
}
void save(JsonOut& ar, const QuestionRef& q, std::uint32_t) {
  ar(cereal::make_nvp("id", q.id), cereal::make_nvp("category", q.category));
}

// [SECTION] AnswerRecord: 33 bytes plus the response
void save(BinOut& ar, const AnswerRecord& a, std::uint32_t) {
  if (a.question > 0xFFFF) bad_field("answer.question", "题目序号超过 65535", "question index above 65535");
  ar(cereal::binary_data(a.uuid.data(), a.uuid.size()));
  ar(static_cast<std::uint16_t>(a.question));
  save_text<std::uint8_t>(ar, a.response, 255, "answer.response");
  ar(a.correct_permille, a.centipoints, a.shown_ms, a.latency_ms);
}
void load(BinIn& ar, AnswerRecord& a, std::uint32_t version) {
  check_version(version, "AnswerRecord");
  ar(cereal::binary_data(a.uuid.data(), a.uuid.size()));
  std::uint16_t question = 0;
  ar(question);
  a.question = question;
  load_text<std::uint8_t>(ar, a.response, bounded(ar).limits.max_response_bytes, "answer.response");
  ar(a.correct_permille, a.centipoints, a.shown_ms, a.latency_ms);
}
void save(JsonOut& ar, const AnswerRecord& a, std::uint32_t) {
  ar(cereal::make_nvp("uuid", uuid_to_string(a.uuid)), cereal::make_nvp("question", a.question),
     cereal::make_nvp("response", a.response), cereal::make_nvp("correct_permille", a.correct_permille),
     cereal::make_nvp("centipoints", a.centipoints), cereal::make_nvp("shown_ms", a.shown_ms),
     cereal::make_nvp("latency_ms", a.latency_ms));
}
constexpr std::size_t kMinAnswerBytes = 16 + 2 + 1 + 2 + 4 + 4 + 4;

// [SECTION] Attempt
void save(BinOut& ar, const Attempt& t, std::uint32_t) {
  ar(t.worker);
  save_text<std::uint16_t>(ar, t.contest_id, 1024, "attempt.contest_id");
  ar(t.paper_seed, t.started_at_ms, t.ended_at_ms, t.max_centipoints);
  save_list(ar, t.answers);
}
void load(BinIn& ar, Attempt& t, std::uint32_t version) {
  check_version(version, "Attempt");
  ar(t.worker);
  load_text<std::uint16_t>(ar, t.contest_id, bounded(ar).limits.max_text_bytes, "attempt.contest_id");
  ar(t.paper_seed, t.started_at_ms, t.ended_at_ms, t.max_centipoints);
  load_list(ar, t.answers, bounded(ar).limits.max_answers_per_attempt, kMinAnswerBytes, "attempt.answers");
}
void save(JsonOut& ar, const Attempt& t, std::uint32_t) {
  ar(cereal::make_nvp("worker", t.worker), cereal::make_nvp("contest_id", t.contest_id),
     cereal::make_nvp("paper_seed", t.paper_seed), cereal::make_nvp("started_at_ms", t.started_at_ms),
     cereal::make_nvp("ended_at_ms", t.ended_at_ms), cereal::make_nvp("max_centipoints", t.max_centipoints),
     cereal::make_nvp("answers", t.answers));
}
constexpr std::size_t kMinAttemptBytes = 4 + 2 + 8 + 8 + 8 + 4 + 4;

// [SECTION] TeamResult
void save(BinOut& ar, const TeamResult& r, std::uint32_t) {
  ar(cereal::binary_data(r.contest.data(), r.contest.size()));
  save_text<std::uint16_t>(ar, r.team, 1024, "team_result.team");
  save_text<std::uint16_t>(ar, r.enterprise_uscc, 1024, "team_result.enterprise_uscc");
  ar(r.rank, r.centipoints, r.correct, r.fouls, r.paper_seed, r.started_at_ms, r.ended_at_ms);
}
void load(BinIn& ar, TeamResult& r, std::uint32_t version) {
  check_version(version, "TeamResult");
  ar(cereal::binary_data(r.contest.data(), r.contest.size()));
  const auto cap = bounded(ar).limits.max_text_bytes;
  load_text<std::uint16_t>(ar, r.team, cap, "team_result.team");
  load_text<std::uint16_t>(ar, r.enterprise_uscc, cap, "team_result.enterprise_uscc");
  ar(r.rank, r.centipoints, r.correct, r.fouls, r.paper_seed, r.started_at_ms, r.ended_at_ms);
  if (r.team.empty()) bad_field("team_result.team", "为空", "is empty");
  if (r.rank == 0) bad_field("team_result.rank", "名次从 1 开始", "ranks start at 1");
  if (r.ended_at_ms < r.started_at_ms) bad_field("team_result.ended_at_ms", "早于开始时间", "is before the start");
}
void save(JsonOut& ar, const TeamResult& r, std::uint32_t) {
  ar(cereal::make_nvp("contest", uuid_to_string(r.contest)), cereal::make_nvp("team", r.team),
     cereal::make_nvp("enterprise_uscc", r.enterprise_uscc), cereal::make_nvp("rank", r.rank),
     cereal::make_nvp("centipoints", r.centipoints), cereal::make_nvp("correct", r.correct),
     cereal::make_nvp("fouls", r.fouls), cereal::make_nvp("paper_seed", r.paper_seed),
     cereal::make_nvp("started_at_ms", r.started_at_ms), cereal::make_nvp("ended_at_ms", r.ended_at_ms));
}
constexpr std::size_t kMinTeamResultBytes = 16 + 2 + 2 + 4 + 4 + 4 + 4 + 8 + 8 + 8;

// [SECTION] BundlePayload
void save(BinOut& ar, const BundlePayload& p, std::uint32_t) {
  save_list(ar, p.questions);
  save_list(ar, p.workers);
  save_list(ar, p.attempts);
  save_list(ar, p.team_results);
}
void load(BinIn& ar, BundlePayload& p, std::uint32_t version) {
  check_version(version, "BundlePayload", 2);
  const auto& lim = bounded(ar).limits;
  load_list(ar, p.questions, lim.max_questions, 4, "payload.questions");
  load_list(ar, p.workers, lim.max_workers, 8, "payload.workers");
  load_list(ar, p.attempts, lim.max_attempts, kMinAttemptBytes, "payload.attempts");
  p.team_results.clear();
  if (version >= 2) load_list(ar, p.team_results, lim.max_team_results, kMinTeamResultBytes, "payload.team_results");
}
void save(JsonOut& ar, const BundlePayload& p, std::uint32_t) {
  ar(cereal::make_nvp("questions", p.questions), cereal::make_nvp("workers", p.workers),
     cereal::make_nvp("attempts", p.attempts), cereal::make_nvp("team_results", p.team_results));
}

// [SECTION] RollupEnterprise
void save(BinOut& ar, const RollupEnterprise& e, std::uint32_t) {
  save_text<std::uint16_t>(ar, e.uscc, 1024, "enterprise.uscc");
  save_text<std::uint16_t>(ar, e.name, 1024, "enterprise.name");
  save_text<std::uint16_t>(ar, e.affiliation, 1024, "enterprise.affiliation");
  save_text<std::uint16_t>(ar, e.unit, 1024, "enterprise.unit");
  ar(e.headcount);
}
void load(BinIn& ar, RollupEnterprise& e, std::uint32_t version) {
  check_version(version, "RollupEnterprise");
  const auto cap = bounded(ar).limits.max_text_bytes;
  load_text<std::uint16_t>(ar, e.uscc, cap, "enterprise.uscc");
  load_text<std::uint16_t>(ar, e.name, cap, "enterprise.name");
  load_text<std::uint16_t>(ar, e.affiliation, cap, "enterprise.affiliation");
  load_text<std::uint16_t>(ar, e.unit, cap, "enterprise.unit");
  ar(e.headcount);
}
void save(JsonOut& ar, const RollupEnterprise& e, std::uint32_t) {
  ar(cereal::make_nvp("uscc", e.uscc), cereal::make_nvp("name", e.name), cereal::make_nvp("affiliation", e.affiliation),
     cereal::make_nvp("unit", e.unit), cereal::make_nvp("headcount", e.headcount));
}
constexpr std::size_t kMinRollupEnterpriseBytes = 4 * 2 + 8;

// [SECTION] RollupPayload: the bundle's records, then one contest id per team result
void save(BinOut& ar, const RollupPayload& p, std::uint32_t) {
  save_list(ar, p.enterprises);
  ar(p.records);
  ar(static_cast<std::uint32_t>(p.team_contest_ids.size()));
  for (const auto& id : p.team_contest_ids) save_text<std::uint16_t>(ar, id, 1024, "team_contest_id");
}
void load(BinIn& ar, RollupPayload& p, std::uint32_t version) {
  check_version(version, "RollupPayload");
  const auto& lim = bounded(ar).limits;
  load_list(ar, p.enterprises, lim.max_enterprises, kMinRollupEnterpriseBytes, "payload.enterprises");
  ar(p.records);
  const auto n = load_count(ar, lim.max_team_results, 2, "payload.team_contest_ids");
  p.team_contest_ids.assign(n, {});
  for (auto& id : p.team_contest_ids) load_text<std::uint16_t>(ar, id, lim.max_text_bytes, "team_contest_id");
}
void save(JsonOut& ar, const RollupPayload& p, std::uint32_t) {
  ar(cereal::make_nvp("enterprises", p.enterprises), cereal::make_nvp("records", p.records),
     cereal::make_nvp("team_contest_ids", p.team_contest_ids));
}

std::int64_t Attempt::centipoints() const {
  std::int64_t sum = 0;
  for (const auto& a : answers) sum += a.centipoints;
  return sum;
}

int Attempt::correct_count() const {
  int n = 0;
  for (const auto& a : answers) n += a.correct_permille == 1000;
  return n;
}

double Attempt::percent() const {
  if (max_centipoints <= 0) return 0;
  return 100.0 * static_cast<double>(centipoints()) / max_centipoints;
}

std::size_t BundlePayload::answer_count() const {
  std::size_t n = 0;
  for (const auto& t : attempts) n += t.answers.size();
  return n;
}

namespace {

template <class T>
Bytes write_archive(const T& value) {
  std::ostringstream out(std::ios::binary);
  {
    BinOut ar(out);
    ar(value);
  }
  auto s = std::move(out).str();
  return Bytes(s.begin(), s.end());
}

template <class T>
T read_archive(std::span<const std::uint8_t> bytes, const PayloadLimits& limits) {
  SpanBuf buf(bytes);
  std::istream in(&buf);
  T value;
  try {
    BoundedInput ar(in, buf, limits);
    ar(value);
  } catch (const ResultsError&) {
    throw;
  } catch (const std::exception& e) {
    throw ResultsError(std::string("记录数据损坏：") + e.what(), std::string("record data is damaged: ") + e.what());
  }
  if (buf.remaining() != 0)
    throw ResultsError("记录数据之后还有 " + std::to_string(buf.remaining()) + " 字节多余数据",
                       std::to_string(buf.remaining()) + " stray bytes after the records");
  return value;
}

}  // namespace

Bytes write_payload(const BundlePayload& payload) { return write_archive(payload); }

BundlePayload read_payload(std::span<const std::uint8_t> bytes, const PayloadLimits& limits) {
  return read_archive<BundlePayload>(bytes, limits);
}

Bytes write_rollup_payload(const RollupPayload& payload) { return write_archive(payload); }

RollupPayload read_rollup_payload(std::span<const std::uint8_t> bytes, const PayloadLimits& limits) {
  return read_archive<RollupPayload>(bytes, limits);
}

std::string payload_to_json(const BundlePayload& payload) {
  std::ostringstream out;
  {
    JsonOut ar(out);
    ar(cereal::make_nvp("payload", payload));
  }
  return out.str();
}

std::string uuid_to_string(const Uuid& uuid) {
  auto hex = to_hex(uuid);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20);
}

}  // namespace ankang::results
