#include "results/package.h"

#include <algorithm>

#include "results/error.h"

namespace ankang::results {

namespace {

constexpr char kMagic[8] = {'A', 'N', 'K', 'C', 'P', 'K', 'G', '1'};
constexpr std::uint16_t kVersion = 1;
constexpr std::size_t kHeadBytes = 8 + 2 + 4;
constexpr std::uint32_t kMaxText = 1u << 20;
constexpr std::uint32_t kMaxQuestions = 100000;

void put_text(ByteWriter& w, const std::string& s) {
  w.u32(static_cast<std::uint32_t>(s.size()));
  w.raw(std::span(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()));
}

std::string get_text(ByteReader& r, std::uint32_t cap, const char* field) {
  auto n = r.u32();
  if (n > cap || n > r.remaining())
    throw ResultsError(std::string("竞赛包字段 ") + field + " 长度无效", std::string("contest package field ") + field + " has a bad length");
  auto bytes = r.raw(n);
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

Bytes write_package(const ContestPackage& p, const KeyPair& organiser_key) {
  ByteWriter body;
  put_text(body, p.contest_id);
  put_text(body, p.name);
  put_text(body, p.config_json);
  body.u32(static_cast<std::uint32_t>(p.question_ids.size()));
  for (const auto& id : p.question_ids) put_text(body, id);
  body.u32(static_cast<std::uint32_t>(p.bank_subset.size()));
  body.raw(p.bank_subset);
  body.i64(p.valid_from_ms);
  body.i64(p.valid_until_ms);

  ByteWriter w;
  w.raw(std::span(reinterpret_cast<const std::uint8_t*>(kMagic), 8));
  w.u16(kVersion);
  w.u32(static_cast<std::uint32_t>(body.bytes().size()));
  w.raw(body.bytes());
  auto sig = sign(w.bytes(), organiser_key.secret_key);
  w.raw(sig);
  return std::move(w.bytes());
}

ContestPackage read_package(std::span<const std::uint8_t> bytes, const PublicKey& organiser_key) {
  if (bytes.size() > kMaxPackageBytes) throw ResultsError("竞赛包过大", "contest package too large");
  if (bytes.size() < kHeadBytes + 64) throw ResultsError("文件过短，不是竞赛包", "file too short to be a contest package");
  ByteReader head(bytes);
  if (!std::equal(kMagic, kMagic + 8, head.raw(8).begin())) throw ResultsError("不是竞赛包（文件标识不符）", "not a contest package (wrong magic)");
  if (head.u16() != kVersion) throw ResultsError("不支持的竞赛包版本", "unsupported contest package version");
  const std::size_t body_len = head.u32();
  if (bytes.size() != kHeadBytes + body_len + 64)
    throw ResultsError("竞赛包长度不符（被截断或附加了数据）", "contest package length mismatch (truncated or appended)");
  Signature sig{};
  std::copy_n(bytes.end() - 64, 64, sig.begin());
  if (!verify_signature(bytes.first(bytes.size() - 64), sig, organiser_key))
    throw ResultsError("竞赛包签名无效：内容被改动或不是本组织单位签发", "invalid contest package signature: altered, or not signed by this organiser");

  ByteReader r(bytes.subspan(kHeadBytes, body_len));
  ContestPackage p;
  p.contest_id = get_text(r, 64, "contest_id");
  p.name = get_text(r, 4096, "name");
  p.config_json = get_text(r, kMaxText, "config_json");
  auto n = r.u32();
  if (n > kMaxQuestions || std::size_t{n} * 4 > r.remaining())
    throw ResultsError("竞赛包题目数量无效", "contest package question count is invalid");
  p.question_ids.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) p.question_ids.push_back(get_text(r, 1024, "question_ids"));
  auto subset = r.u32();
  if (subset > r.remaining()) throw ResultsError("竞赛包题库长度无效", "contest package bank length is invalid");
  auto sb = r.raw(subset);
  p.bank_subset.assign(sb.begin(), sb.end());
  p.valid_from_ms = r.i64();
  p.valid_until_ms = r.i64();
  if (r.remaining() != 0) throw ResultsError("竞赛包末尾有多余数据", "stray bytes at the end of the contest package");
  if (p.contest_id.empty()) throw ResultsError("竞赛包缺少竞赛编号", "contest package has no contest id");
  if (p.valid_until_ms < p.valid_from_ms) throw ResultsError("竞赛包有效期无效", "contest package validity window is empty");
  return p;
}

ContestPackage read_package_file(const std::string& path, const PublicKey& organiser_key) {
  try {
    return read_package(read_file(path, kMaxPackageBytes), organiser_key);
  } catch (const ResultsError& e) {
    if (e.text().en.starts_with(path)) throw;
    throw ResultsError(path + ": " + e.text().zh, path + ": " + e.text().en);
  }
}

void check_package_window(const ContestPackage& p, std::int64_t now_ms) {
  if (now_ms < p.valid_from_ms) throw ResultsError("竞赛尚未开始", "the contest has not started yet");
  if (now_ms > p.valid_until_ms) throw ResultsError("竞赛已结束", "the contest has ended");
}

}  // namespace ankang::results
