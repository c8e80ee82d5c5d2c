// Size bombs: score bundles, contest packages and city roll-ups that declare sizes of
// 2^20, 2^30, 2^40 and 2^64-1 in every size field they have must be refused
// with under 10 MB of memory growth. Memory is counted by replacing the
// global operator new: the peak of the bytes live during the call, above
// what was live when it started. A field narrower than the value holds the
// largest value it can (a u32 field: 2^32-1; a u16: 65535; a u8: 255).
#include <gtest/gtest.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <new>
#include <optional>

#include "results/bundle.h"
#include "results/error.h"
#include "results/package.h"
#include "results/rollup.h"

namespace {

std::atomic<std::size_t> g_live{0};
std::atomic<std::size_t> g_peak{0};

void note_alloc(void* p) {
  auto live = g_live += malloc_usable_size(p);
  auto peak = g_peak.load();
  while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
  }
}

void* counted_new(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (!p) throw std::bad_alloc();
  note_alloc(p);
  return p;
}

void counted_delete(void* p) noexcept {
  if (!p) return;
  g_live -= malloc_usable_size(p);
  std::free(p);
}

}  // namespace

void* operator new(std::size_t n) { return counted_new(n); }
void* operator new[](std::size_t n) { return counted_new(n); }
void operator delete(void* p) noexcept { counted_delete(p); }
void operator delete[](void* p) noexcept { counted_delete(p); }
void operator delete(void* p, std::size_t) noexcept { counted_delete(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_delete(p); }

namespace {

using namespace ankang::results;

constexpr std::size_t kLimit = 10u << 20;  // 10 MB
constexpr std::uint64_t kDeclared[] = {1ull << 20, 1ull << 30, 1ull << 40, ~0ull};

struct Growth {
  std::size_t heap = 0;     // peak bytes live above the start, through operator new
  long max_rss_kib = 0;     // growth of the process's peak resident set
  std::optional<std::string> refusal;  // the ResultsError's English text
};

// Runs f, which must throw ResultsError, and measures what it allocated.
Growth measure(const std::function<void()>& f) {
  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  const auto start = g_live.load();
  g_peak = start;
  Growth g;
  try {
    f();
  } catch (const ResultsError& e) {
    g.refusal = e.text().en;
  }
  g.heap = g_peak.load() - start;
  rusage after{};
  getrusage(RUSAGE_SELF, &after);
  g.max_rss_kib = after.ru_maxrss - before.ru_maxrss;
  return g;
}

void expect_refused_small(const std::string& what, const std::function<void()>& f) {
  auto g = measure(f);
  SCOPED_TRACE(what);
  ASSERT_TRUE(g.refusal.has_value()) << what << " was accepted";
  EXPECT_LT(g.heap, kLimit) << what << ": " << *g.refusal;
  EXPECT_LT(static_cast<std::size_t>(g.max_rss_kib) * 1024, kLimit) << what << ": " << *g.refusal;
  std::printf("%-50s heap +%8zu B  peak RSS +%6ld KiB  refused: %s\n", what.c_str(), g.heap, g.max_rss_kib,
              g.refusal->c_str());
}

template <class T>
T clamp_to(std::uint64_t v) {
  return v > std::numeric_limits<T>::max() ? std::numeric_limits<T>::max() : static_cast<T>(v);
}

std::string name_of(std::uint64_t v) {
  if (v == ~0ull) return "2^64-1";
  int bits = 0;
  while ((1ull << bits) != v) ++bits;
  return "2^" + std::to_string(bits);
}

const KeyPair& device_key() {
  static const KeyPair key = [] {
    std::array<std::uint8_t, 32> seed{};
    seed.fill(7);
    return key_pair_from_seed(seed);
  }();
  return key;
}

std::optional<PublicKey> lookup(const DeviceId&) { return device_key().public_key; }

void put_u32s(ByteWriter& w, std::initializer_list<std::uint32_t> values) {
  for (auto v : values) w.u32(v);
}

// [SECTION] Bundle payloads, written by hand in the archive's layout (docs/RESULTS.md):
// a u8 byte-order flag, then each type's u32 version before its first
// object, texts as u16 (a response: u8) length + bytes, lists as u32 count.
struct PayloadBomb {
  std::string field;
  Bytes bytes;
};

std::vector<PayloadBomb> payload_bombs(std::uint64_t v) {
  const auto n32 = clamp_to<std::uint32_t>(v);
  const auto n16 = clamp_to<std::uint16_t>(v);
  const auto n8 = clamp_to<std::uint8_t>(v);
  std::vector<PayloadBomb> bombs;
  auto start = [] {
    ByteWriter w;
    w.u8(1);   // little-endian
    w.u32(1);  // BundlePayload version
    return w;
  };
  auto tail = [](ByteWriter& w) {
    for (int i = 0; i < 64; ++i) w.u8(0);  // a few bytes to read into
  };
  {
    auto w = start();
    w.u32(n32);  // questions
    tail(w);
    bombs.push_back({"payload.questions", w.bytes()});
  }
  {
    auto w = start();
    put_u32s(w, {1, 1});  // one question, QuestionRef version
    w.u16(n16);           // id length
    tail(w);
    bombs.push_back({"question.id", w.bytes()});
  }
  {
    auto w = start();
    put_u32s(w, {0, n32});  // no questions, workers
    tail(w);
    bombs.push_back({"payload.workers", w.bytes()});
  }
  {
    auto w = start();
    put_u32s(w, {0, 1, 1});  // one worker, Worker version
    w.u16(n16);              // employee_no length
    tail(w);
    bombs.push_back({"worker.employee_no", w.bytes()});
  }
  {
    auto w = start();
    put_u32s(w, {0, 0, n32});  // attempts
    tail(w);
    bombs.push_back({"payload.attempts", w.bytes()});
  }
  auto attempt_head = [&](std::uint16_t contest_len) {
    auto w = start();
    put_u32s(w, {0, 0, 1, 1, 0});  // one attempt, Attempt version, worker 0
    w.u16(contest_len);
    return w;
  };
  {
    auto w = attempt_head(n16);
    tail(w);
    bombs.push_back({"attempt.contest_id", w.bytes()});
  }
  {
    auto w = attempt_head(0);
    w.u64(1);
    w.i64(0);
    w.i64(0);
    w.u32(0);
    w.u32(n32);  // answers
    tail(w);
    bombs.push_back({"attempt.answers", w.bytes()});
  }
  {
    auto w = attempt_head(0);
    w.u64(1);
    w.i64(0);
    w.i64(0);
    w.u32(0);
    put_u32s(w, {1, 1});  // one answer, AnswerRecord version
    for (int i = 0; i < 16; ++i) w.u8(0xAB);
    w.u16(0);
    w.u8(n8);  // response length
    tail(w);
    bombs.push_back({"answer.response", w.bytes()});
  }
  return bombs;
}

// A bundle with header fields set by hand, signed by the device key.
Bytes bundle_with(std::uint32_t payload_length, std::uint32_t record_count, std::span<const std::uint8_t> payload) {
  auto file = seal_bundle("bomb", 1, {}, payload, record_count, device_key());
  // payload_length at offset 136, record_count at 132 (docs/RESULTS.md).
  for (int i = 0; i < 4; ++i) {
    file[132 + i] = static_cast<std::uint8_t>(record_count >> (8 * i));
    file[136 + i] = static_cast<std::uint8_t>(payload_length >> (8 * i));
  }
  file.resize(file.size() - 64);
  auto sig = sign(file, device_key().secret_key);
  file.insert(file.end(), sig.begin(), sig.end());
  return file;
}

Bytes small_payload() {
  BundlePayload p;
  p.questions = {{"q", "c"}};
  p.workers = {{"1", "n", "t", "u"}};
  return write_payload(p);
}

// [SECTION] Contest packages: body fields by hand, signed by the organiser key.
struct PackageBomb {
  std::string field;
  Bytes body;
  std::uint16_t version = 1;  // 2: the body ends with the roster
};

std::vector<PackageBomb> package_bombs(std::uint64_t v) {
  const auto n = clamp_to<std::uint32_t>(v);
  auto text = [](ByteWriter& w, std::string_view s) {
    w.u32(static_cast<std::uint32_t>(s.size()));
    for (char c : s) w.u8(static_cast<std::uint8_t>(c));
  };
  auto pad = [](ByteWriter& w) {
    for (int i = 0; i < 64; ++i) w.u8(0);
  };
  std::vector<PackageBomb> bombs;
  const char* text_fields[] = {"contest_id", "name", "config_json"};
  for (int f = 0; f < 3; ++f) {
    ByteWriter w;
    for (int before = 0; before < f; ++before) text(w, "x");
    w.u32(n);
    pad(w);
    bombs.push_back({text_fields[f], w.bytes()});
  }
  {
    ByteWriter w;
    text(w, "c");
    text(w, "n");
    text(w, "{}");
    w.u32(n);  // question count
    pad(w);
    bombs.push_back({"question_ids (count)", w.bytes()});
  }
  {
    ByteWriter w;
    text(w, "c");
    text(w, "n");
    text(w, "{}");
    w.u32(1);
    w.u32(n);  // the first id's length
    pad(w);
    bombs.push_back({"question_ids[0]", w.bytes()});
  }
  {
    ByteWriter w;
    text(w, "c");
    text(w, "n");
    text(w, "{}");
    w.u32(0);
    w.u32(n);  // bank subset length
    pad(w);
    bombs.push_back({"bank_subset", w.bytes()});
  }
  // Version 2: the fields before the roster hold one question, then the
  // roster's counts and lengths are the bombs.
  auto before_roster = [&](ByteWriter& w) {
    text(w, "c");
    text(w, "n");
    text(w, "{}");
    w.u32(0);
    w.u32(0);
    w.i64(0);
    w.i64(1);
  };
  const char* roster_fields[] = {"roster (count)", "roster[0].uscc", "roster[0].name", "roster[0].teams (count)",
                                 "roster[0].teams[0]"};
  for (int f = 0; f < 5; ++f) {
    ByteWriter w;
    before_roster(w);
    if (f > 0) w.u32(1);
    if (f > 1) text(w, "91350100M000100Y43");
    if (f > 2) text(w, "企业");
    if (f > 3) w.u32(1);
    w.u32(n);
    pad(w);
    bombs.push_back({roster_fields[f], w.bytes(), 2});
  }
  return bombs;
}

Bytes package_file(std::uint32_t declared_body_length, std::span<const std::uint8_t> body, std::uint16_t version = 1) {
  ByteWriter w;
  for (char c : std::string_view("ANKCPKG1")) w.u8(static_cast<std::uint8_t>(c));
  w.u16(version);
  w.u32(declared_body_length);
  w.raw(body);
  auto sig = sign(w.bytes(), device_key().secret_key);
  w.raw(sig);
  return std::move(w.bytes());
}

// A sparse file of the given size: the file system declares it, no disk holds it.
struct SparseFile {
  explicit SparseFile(std::uintmax_t size)
      : path(std::filesystem::temp_directory_path() / ("ankang-size-bomb-" + std::to_string(::getpid()))) {
    { std::ofstream(path.string()); }
    std::filesystem::resize_file(path, size);
  }
  ~SparseFile() { std::filesystem::remove(path); }
  std::filesystem::path path;
};

}  // namespace

TEST(SizeBomb, ControlTheMeterSeesABigAllocation) {
  // The harness must be able to fail: 16 MB allocated inside is seen.
  auto g = measure([] {
    std::vector<std::uint8_t> big(16u << 20, 1);
    if (big[12345] == 1) throw ResultsError("控制", "control");
  });
  ASSERT_TRUE(g.refusal.has_value());
  EXPECT_GE(g.heap, 16u << 20);
}

TEST(SizeBomb, BundleHeaderFieldsAreRefusedSmall) {
  const auto payload = small_payload();
  for (auto v : kDeclared) {
    const auto n = clamp_to<std::uint32_t>(v);
    auto by_length = bundle_with(n, 0, payload);
    expect_refused_small("bundle payload_length " + name_of(v), [&] { read_bundle(by_length, lookup); });
    auto by_count = bundle_with(static_cast<std::uint32_t>(payload.size()), n, payload);
    expect_refused_small("bundle record_count " + name_of(v), [&] { read_bundle(by_count, lookup); });
    auto by_header = bundle_with(static_cast<std::uint32_t>(payload.size()), 0, payload);
    by_header[10] = by_header[11] = 0xFF;  // header length (u16 at offset 10): 65535
    expect_refused_small("bundle header length " + name_of(v), [&] { read_bundle(by_header, lookup); });
  }
}

TEST(SizeBomb, BundlePayloadCountsAndLengthsAreRefusedSmall) {
  for (auto v : kDeclared) {
    for (const auto& bomb : payload_bombs(v)) {
      auto file = seal_bundle("bomb", 1, {}, bomb.bytes, 0, device_key());
      expect_refused_small("bundle " + bomb.field + " " + name_of(v), [&] { read_bundle(file, lookup); });
    }
  }
}

TEST(SizeBomb, BundleFilesOfDeclaredSizeAreRefusedSmall) {
  // 2^64-1 cannot be a file's size; the file system stops at 2^44 on ext4.
  for (auto v : {1ull << 20, 1ull << 30, 1ull << 40}) {
    SparseFile file(v);
    expect_refused_small("bundle file of " + name_of(v) + " bytes",
                         [&] { read_bundle_file(file.path.string(), lookup); });
  }
}

TEST(SizeBomb, PackageLengthsAreRefusedSmall) {
  for (auto v : kDeclared) {
    const auto n = clamp_to<std::uint32_t>(v);
    const Bytes body(100, 0);
    auto by_length = package_file(n, body);
    expect_refused_small("package body length " + name_of(v),
                         [&] { read_package(by_length, device_key().public_key); });
    for (const auto& bomb : package_bombs(v)) {
      auto file = package_file(static_cast<std::uint32_t>(bomb.body.size()), bomb.body, bomb.version);
      expect_refused_small("package " + bomb.field + " " + name_of(v),
                           [&] { read_package(file, device_key().public_key); });
    }
  }
}

TEST(SizeBomb, PackageFilesOfDeclaredSizeAreRefusedSmall) {
  for (auto v : {1ull << 20, 1ull << 30, 1ull << 40}) {
    SparseFile file(v);
    expect_refused_small("package file of " + name_of(v) + " bytes",
                         [&] { read_package_file(file.path.string(), device_key().public_key); });
  }
}

// [SECTION] City roll-ups: header fields and payload counts by hand, signed
// by the unit key (the device key here), every unit key taken as registered.
namespace {

bool any_unit(const PublicKey&) { return true; }

struct RollupBomb {
  std::string field;
  Bytes payload;
};

// The archive's layout (docs/RESULTS.md, "City roll-up"): a u8 byte-order
// flag, RollupPayload's u32 version, the enterprises, then the records as
// a bundle's payload, then a u32 count of contest ids and each as u16 + bytes.
std::vector<RollupBomb> rollup_bombs(std::uint64_t v) {
  const auto n32 = clamp_to<std::uint32_t>(v);
  const auto n16 = clamp_to<std::uint16_t>(v);
  auto start = [] {
    ByteWriter w;
    w.u8(1);   // little-endian
    w.u32(1);  // RollupPayload version
    return w;
  };
  auto tail = [](ByteWriter& w) {
    for (int i = 0; i < 64; ++i) w.u8(0);
  };
  std::vector<RollupBomb> bombs;
  {
    auto w = start();
    w.u32(n32);  // enterprises
    tail(w);
    bombs.push_back({"payload.enterprises", w.bytes()});
  }
  {
    auto w = start();
    put_u32s(w, {1, 1});  // one enterprise, RollupEnterprise version
    w.u16(n16);           // uscc length
    tail(w);
    bombs.push_back({"enterprise.uscc", w.bytes()});
  }
  {
    auto w = start();
    put_u32s(w, {0, 2, 0, 0, n32});  // no enterprises, BundlePayload version, attempts
    tail(w);
    bombs.push_back({"records.attempts", w.bytes()});
  }
  {
    auto w = start();
    put_u32s(w, {0, 2, 0, 0, 0, 0, n32});  // empty records, then the contest ids
    tail(w);
    bombs.push_back({"payload.team_contest_ids", w.bytes()});
  }
  {
    auto w = start();
    put_u32s(w, {0, 2, 0, 0, 0, 0, 1});
    w.u16(n16);  // the first contest id's length
    tail(w);
    bombs.push_back({"team_contest_id", w.bytes()});
  }
  return bombs;
}

}  // namespace

TEST(SizeBomb, RollupHeaderFieldsAreRefusedSmall) {
  const auto payload = write_rollup_payload({});
  for (auto v : kDeclared) {
    const auto n = clamp_to<std::uint32_t>(v);
    // Every u32 field of the header: the four counts (offsets 52-67) and the payload length (68).
    for (std::size_t offset = 52; offset <= 68; offset += 4) {
      auto file = seal_rollup(payload, {}, 1, device_key());
      for (int i = 0; i < 4; ++i) file[offset + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(n >> (8 * i));
      file.resize(file.size() - 64);
      const auto sig = sign(file, device_key().secret_key);
      file.insert(file.end(), sig.begin(), sig.end());
      expect_refused_small("roll-up header field at " + std::to_string(offset) + " " + name_of(v),
                           [&] { read_rollup(file, any_unit); });
    }
  }
}

TEST(SizeBomb, RollupPayloadCountsAndLengthsAreRefusedSmall) {
  for (auto v : kDeclared)
    for (const auto& bomb : rollup_bombs(v)) {
      const auto file = seal_rollup(bomb.payload, {}, 1, device_key());
      expect_refused_small("roll-up " + bomb.field + " " + name_of(v), [&] { read_rollup(file, any_unit); });
    }
}

TEST(SizeBomb, RollupFilesOfDeclaredSizeAreRefusedSmall) {
  for (auto v : {1ull << 20, 1ull << 30, 1ull << 40}) {
    SparseFile file(v);
    expect_refused_small("roll-up file of " + name_of(v) + " bytes", [&] { read_rollup_file(file.path.string(), any_unit); });
  }
}
