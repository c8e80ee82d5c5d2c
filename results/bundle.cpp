#include "results/bundle.h"

#include <algorithm>

#include "results/error.h"

namespace ankang::results {

namespace {

constexpr char kMagic[8] = {'A', 'N', 'K', 'S', 'C', 'O', 'R', 'E'};

void write_header(ByteWriter& w, const BundleHeader& h) {
  w.raw(std::span(reinterpret_cast<const std::uint8_t*>(kMagic), 8));
  w.u16(h.format_version);
  w.u16(static_cast<std::uint16_t>(kBundleHeaderBytes));
  w.fixed_text(h.contest_id, kContestIdBytes);
  w.raw(h.device_id);
  w.u64(h.sequence);
  w.raw(h.previous_hash);
  w.u32(h.record_count);
  w.u32(h.payload_length);
  w.raw(h.payload_hash);
}

template <std::size_t N>
void copy_to(std::span<const std::uint8_t> from, std::array<std::uint8_t, N>& to) {
  std::copy(from.begin(), from.end(), to.begin());
}

std::string json_text(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

[[noreturn]] void refuse(const std::string& zh, const std::string& en) { throw ResultsError(zh, en); }

// Meaning checks on a payload whose bytes are authentic.
void check_meaning(const Bundle& b, const VerifyOptions& options) {
  const auto& p = b.payload;
  if (p.answer_count() != b.header.record_count)
    refuse("记录数不符：头部声明 " + std::to_string(b.header.record_count) + "，实际 " + std::to_string(p.answer_count()),
           "record count mismatch: header says " + std::to_string(b.header.record_count) + ", payload has " +
               std::to_string(p.answer_count()));
  check_records(p, b.header.contest_id);
  if (!options.expected_contest_id.empty() && b.header.contest_id != options.expected_contest_id)
    refuse("属于其他竞赛（" + b.header.contest_id + "，应为 " + options.expected_contest_id + "）",
           "belongs to another contest (" + b.header.contest_id + ", expected " + options.expected_contest_id + ")");
}

}  // namespace

void check_records(const BundlePayload& p, std::string_view contest_id) {
  for (std::size_t i = 0; i < p.workers.size(); ++i) {
    const auto& w = p.workers[i];
    if (w.employee_no.empty() || w.enterprise_uscc.empty())
      refuse("职工 " + std::to_string(i) + " 缺少工号或统一社会信用代码",
             "worker " + std::to_string(i) + " lacks an employee number or a USCC");
  }
  std::vector<Uuid> ids;  // sorted afterwards: an id twice is a forgery or a kiosk fault
  ids.reserve(p.answer_count());
  for (std::size_t i = 0; i < p.attempts.size(); ++i) {
    const auto& t = p.attempts[i];
    const auto where_zh = "第 " + std::to_string(i) + " 次答题：";
    const auto where_en = "attempt " + std::to_string(i) + ": ";
    if (!contest_id.empty() && t.contest_id != contest_id)
      refuse(where_zh + "竞赛 " + t.contest_id + " 与头部的 " + std::string(contest_id) + " 不符",
             where_en + "contest " + t.contest_id + " differs from the header's " + std::string(contest_id));
    if (t.contest_id.empty()) refuse(where_zh + "缺少竞赛编号", where_en + "has no contest id");
    if (t.worker >= p.workers.size())
      refuse(where_zh + "职工序号越界", where_en + "worker index out of range");
    if (t.ended_at_ms < t.started_at_ms)
      refuse(where_zh + "结束时间早于开始时间", where_en + "ends before it starts");
    if (t.max_centipoints < 0) refuse(where_zh + "满分为负", where_en + "negative full marks");
    for (const auto& a : t.answers) {
      if (a.question >= p.questions.size())
        refuse(where_zh + "题目序号越界", where_en + "question index out of range");
      if (a.correct_permille > 1000)
        refuse(where_zh + "正确度超过 1000‰", where_en + "correctness above 1000 per mille");
      ids.push_back(a.uuid);
    }
  }
  std::sort(ids.begin(), ids.end());
  if (auto twice = std::adjacent_find(ids.begin(), ids.end()); twice != ids.end())
    refuse("答案编号 " + uuid_to_string(*twice) + " 重复", "answer id " + uuid_to_string(*twice) + " appears twice");
}

Bytes write_bundle(const std::string& contest_id, std::uint64_t sequence, const Hash& previous_hash,
                   const BundlePayload& payload, const KeyPair& device_key) {
  return seal_bundle(contest_id, sequence, previous_hash, write_payload(payload),
                     static_cast<std::uint32_t>(payload.answer_count()), device_key);
}

Bytes seal_bundle(const std::string& contest_id, std::uint64_t sequence, const Hash& previous_hash,
                  std::span<const std::uint8_t> body, std::uint32_t record_count, const KeyPair& device_key) {
  if (body.size() > kMaxBundleBytes - kBundleHeaderBytes - 64) refuse("成绩包过大", "bundle too large");
  BundleHeader h;
  h.contest_id = contest_id;
  h.device_id = device_id_of(device_key.public_key);
  h.sequence = sequence;
  h.previous_hash = previous_hash;
  h.record_count = record_count;
  h.payload_length = static_cast<std::uint32_t>(body.size());
  h.payload_hash = blake2b(body);
  ByteWriter w;
  write_header(w, h);
  w.raw(body);
  auto sig = sign(w.bytes(), device_key.secret_key);
  w.raw(sig);
  return std::move(w.bytes());
}

BundleHeader parse_bundle_header(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kBundleHeaderBytes)
    refuse("文件过短（" + std::to_string(bytes.size()) + " 字节），不是成绩包",
           "file too short (" + std::to_string(bytes.size()) + " bytes) to be a score bundle");
  ByteReader r(bytes.first(kBundleHeaderBytes));
  if (!std::equal(kMagic, kMagic + 8, r.raw(8).begin())) refuse("不是成绩包（文件标识不符）", "not a score bundle (wrong magic)");
  BundleHeader h;
  h.format_version = r.u16();
  if (h.format_version != kBundleFormatVersion)
    refuse("不支持的成绩包格式版本 " + std::to_string(h.format_version),
           "unsupported bundle format version " + std::to_string(h.format_version));
  if (r.u16() != kBundleHeaderBytes) refuse("头部长度不符", "header length field is wrong");
  h.contest_id = r.fixed_text(kContestIdBytes);
  copy_to(r.raw(16), h.device_id);
  h.sequence = r.u64();
  copy_to(r.raw(32), h.previous_hash);
  h.record_count = r.u32();
  h.payload_length = r.u32();
  copy_to(r.raw(32), h.payload_hash);
  if (h.contest_id.empty()) refuse("头部缺少竞赛编号", "header has no contest id");
  if (h.sequence == 0) refuse("序号为 0（序号从 1 开始）", "sequence number 0 (they start at 1)");
  return h;
}

Bundle read_bundle(std::span<const std::uint8_t> bytes, const DeviceLookup& lookup, const VerifyOptions& options) {
  if (bytes.size() > options.max_file_bytes)
    refuse("成绩包过大（" + std::to_string(bytes.size()) + " 字节）", "bundle too large (" + std::to_string(bytes.size()) + " bytes)");
  Bundle b;
  b.header = parse_bundle_header(bytes);
  const std::size_t expected = kBundleHeaderBytes + std::size_t{b.header.payload_length} + 64;
  if (bytes.size() != expected)
    refuse("长度不符：应为 " + std::to_string(expected) + " 字节，实为 " + std::to_string(bytes.size()) + " 字节（文件被截断或附加了数据）",
           "length mismatch: expected " + std::to_string(expected) + " bytes, got " + std::to_string(bytes.size()) +
               " (truncated or appended)");
  auto key = lookup(b.header.device_id);
  if (!key)
    refuse("未登记的终端 " + to_hex(b.header.device_id) + "（请先 ankang device add）",
           "unregistered device " + to_hex(b.header.device_id) + " (register it with ankang device add)");
  const auto signed_part = bytes.first(expected - 64);
  Signature sig{};
  copy_to(bytes.subspan(expected - 64), sig);
  if (!verify_signature(signed_part, sig, *key))
    refuse("签名无效：内容被改动或不是该终端签发", "invalid signature: altered, or not signed by this device");
  const auto body = bytes.subspan(kBundleHeaderBytes, b.header.payload_length);
  if (blake2b(body) != b.header.payload_hash) refuse("数据摘要不符", "payload hash mismatch");
  b.payload = read_payload(body, options.limits);
  b.hash = blake2b(bytes);
  check_meaning(b, options);
  return b;
}

Bundle read_bundle_file(const std::string& path, const DeviceLookup& lookup, const VerifyOptions& options) {
  auto bytes = read_file(path, options.max_file_bytes);
  return read_bundle(bytes, lookup, options);
}

std::string bundle_to_json(const Bundle& b) {
  const auto& h = b.header;
  std::string out = "{\n  \"header\": {\n";
  out += "    \"format_version\": " + std::to_string(h.format_version) + ",\n";
  out += "    \"contest_id\": " + json_text(h.contest_id) + ",\n";
  out += "    \"device_id\": \"" + to_hex(h.device_id) + "\",\n";
  out += "    \"sequence\": " + std::to_string(h.sequence) + ",\n";
  out += "    \"previous_hash\": \"" + to_hex(h.previous_hash) + "\",\n";
  out += "    \"record_count\": " + std::to_string(h.record_count) + ",\n";
  out += "    \"payload_length\": " + std::to_string(h.payload_length) + ",\n";
  out += "    \"payload_hash\": \"" + to_hex(h.payload_hash) + "\",\n";
  out += "    \"bundle_hash\": \"" + to_hex(b.hash) + "\"\n  },\n";
  auto payload = payload_to_json(b.payload);  // "{\n    \"payload\": {...}\n}"
  auto open = payload.find('{');
  auto close = payload.rfind('}');
  out += "  " + payload.substr(open + 1, close - open - 1) + "}\n";
  return out;
}

}  // namespace ankang::results
