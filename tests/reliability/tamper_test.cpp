// Tampering: a score bundle exported by the real kiosk code, and a contest
// package, changed in every way a USB stick or a hand edit can change them —
// every truncation, every single-bit flip, 10,000 seeded random mutations —
// are refused by a check that runs before the cereal archive is read (size,
// header, length, device, signature, payload hash). The control re-signs the
// same mutations with the kiosk's key, so they pass the signature: the same
// classifier must then see bundles reach the archive, or it proves nothing.
// On import: a wrong key, an unregistered kiosk, another contest and a
// replayed old sequence number are refused.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>

#include "kiosk/bundle_export.h"
#include "kiosk_script.h"
#include "results/bundle.h"
#include "results/error.h"
#include "results/package.h"
#include "results/store.h"

namespace ankang::reliability {
namespace {

using namespace ankang::kiosk;
namespace fs = std::filesystem;
using results::Bytes;

constexpr const char* kUscc = "91350100MA2YQ8KX3A";
constexpr int kRandomMutations = 10000;

results::KeyPair key_from_byte(std::uint8_t b) {
  std::array<std::uint8_t, 32> seed{};
  seed.fill(b);
  return results::key_pair_from_seed(seed);
}

// Refusals decided before read_payload() (results/bundle.cpp, read_bundle):
// size cap, header, length, device, signature, payload hash.
bool before_archive(const std::string& reason) {
  for (const char* r : {"too large", "too short", "wrong magic", "format version", "header length",
                        "fixed text field has non-zero padding", "no contest id", "sequence number 0",
                        "length mismatch", "unregistered device", "invalid signature", "payload hash mismatch"})
    if (reason.find(r) != std::string::npos) return true;
  return false;
}

// "" when refused before the archive, else what happened.
std::string outcome(std::span<const std::uint8_t> bytes, const results::DeviceLookup& lookup) {
  try {
    results::read_bundle(bytes, lookup);
    return "accepted";
  } catch (const results::ResultsError& e) {
    return before_archive(e.text().en) ? "" : "refused late: " + e.text().en;
  }
}

// A seeded random change: flips, overwrites, insertions, deletions,
// duplicated runs, extreme values in the header's length fields.
Bytes mutate(Bytes b, Rng& rng) {
  const auto at = [&](std::size_t size) { return static_cast<std::size_t>(rng.below(size ? size : 1)); };
  const int changes = 1 + static_cast<int>(rng.below(4));
  for (int c = 0; c < changes; ++c) {
    switch (rng.below(7)) {
      case 0:
        if (!b.empty()) b[at(b.size())] ^= static_cast<std::uint8_t>(1 + rng.below(255));
        break;
      case 1:
        if (!b.empty()) b[at(b.size())] = static_cast<std::uint8_t>(rng.below(256));
        break;
      case 2: {
        const std::size_t n = 1 + at(16);
        b.insert(b.begin() + static_cast<std::ptrdiff_t>(at(b.size() + 1)), n, static_cast<std::uint8_t>(rng.below(256)));
        break;
      }
      case 3:
        if (b.size() > 1) {
          const std::size_t from = at(b.size()), n = std::min<std::size_t>(1 + at(32), b.size() - from);
          b.erase(b.begin() + static_cast<std::ptrdiff_t>(from), b.begin() + static_cast<std::ptrdiff_t>(from + n));
        }
        break;
      case 4:
        if (b.size() > 8) {
          const std::size_t from = at(b.size() - 8);
          const Bytes run(b.begin() + static_cast<std::ptrdiff_t>(from), b.begin() + static_cast<std::ptrdiff_t>(from + 8));
          b.insert(b.begin() + static_cast<std::ptrdiff_t>(at(b.size())), run.begin(), run.end());
        }
        break;
      case 5:
        // The record count or payload length (header bytes 132..139) set to an extreme.
        if (b.size() >= 140) {
          const std::size_t field = rng.below(2) ? 132 : 136;
          const std::uint32_t v = rng.below(2) ? 0xffffffffu : static_cast<std::uint32_t>(rng.below(1u << 20));
          for (int i = 0; i < 4; ++i) b[field + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
        }
        break;
      default:
        if (!b.empty()) b.resize(at(b.size()));
        break;
    }
  }
  return b;
}

class Tamper : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("ankang-tamper-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir / "usb");
    store = std::make_unique<Store>(Store::open((dir / "kiosk.db").string()));
    const Worker w = ensure_worker(*store, 1);
    store->set_enterprise_uscc(w.enterprise_id, kUscc);
    worker = w;
  }
  void TearDown() override {
    store.reset();
    fs::remove_all(dir);
  }

  // One timed test and one practice through the real session code, then
  // the kiosk's own export: the bytes of a real bundle.
  Bytes real_bundle(std::int64_t when) {
    for (Mode mode : {Mode::timed_test, Mode::practice}) {
      Session s = start_attempt(*store, worker, mode, static_cast<std::uint64_t>(when) + static_cast<int>(mode), when);
      Millis clock = 0;
      while (const auto in = next_intent(s, clock, static_cast<std::uint64_t>(clock))) s.apply(*in, clock += 700, when);
    }
    const ExportResult r =
        export_bundle(*store, kiosk, "ankang-2026", [](const std::string&) { return "安全生产法"; },
                      (dir / "usb").string(), when);
    return results::read_file(r.file, results::kMaxBundleBytes);
  }

  results::DeviceLookup registered() const {
    return [pub = kiosk.public_key](const results::DeviceId& id) -> std::optional<results::PublicKey> {
      if (id == results::device_id_of(pub)) return pub;
      return std::nullopt;
    };
  }

  fs::path dir;
  std::unique_ptr<Store> store;
  Worker worker;
  results::KeyPair kiosk = key_from_byte(7);
};

TEST_F(Tamper, TheRealBundleIsAccepted) {
  const Bytes b = real_bundle(1000);
  EXPECT_EQ(outcome(b, registered()), "accepted");
  EXPECT_GT(b.size(), results::kBundleHeaderBytes + 64 + 100);
  std::printf("the real bundle: %zu bytes\n", b.size());
}

TEST_F(Tamper, EveryTruncationIsRefusedBeforeTheArchive) {
  const Bytes b = real_bundle(1000);
  int late = 0;
  for (std::size_t n = 0; n < b.size(); ++n) {
    const std::string o = outcome(std::span(b).first(n), registered());
    if (!o.empty() && late++ < 5) ADD_FAILURE() << "length " << n << ": " << o;
  }
  EXPECT_EQ(late, 0) << "of " << b.size() << " truncations";
}

TEST_F(Tamper, EverySingleBitFlipIsRefusedBeforeTheArchive) {
  const Bytes b = real_bundle(1000);
  int late = 0;
  for (std::size_t i = 0; i < b.size(); ++i)
    for (int bit = 0; bit < 8; ++bit) {
      Bytes copy = b;
      copy[i] ^= static_cast<std::uint8_t>(1u << bit);
      const std::string o = outcome(copy, registered());
      if (!o.empty() && late++ < 5) ADD_FAILURE() << "byte " << i << " bit " << bit << ": " << o;
    }
  EXPECT_EQ(late, 0) << "of " << b.size() * 8 << " bit flips";
}

TEST_F(Tamper, TenThousandRandomMutationsAreRefusedBeforeTheArchive) {
  const Bytes b = real_bundle(1000);
  Rng rng(20260601);
  int late = 0, tried = 0;
  for (int i = 0; i < kRandomMutations; ++i) {
    const Bytes m = mutate(b, rng);
    if (m == b) continue;
    ++tried;
    const std::string o = outcome(m, registered());
    if (!o.empty() && late++ < 5) ADD_FAILURE() << "mutation " << i << ": " << o;
  }
  EXPECT_EQ(late, 0);
  EXPECT_GT(tried, kRandomMutations * 99 / 100);
  std::printf("%d random mutations, %d refused late or accepted\n", tried, late);
}

// The control: the same payload mutations, signed again with the kiosk's key
// (what a forger without the key cannot do). Now the signature holds, and
// the classifier above must see bundles reach the archive.
TEST_F(Tamper, ControlResignedMutationsReachTheArchive) {
  const Bytes b = real_bundle(1000);
  const results::BundleHeader h = results::parse_bundle_header(b);
  const auto payload = std::span(b).subspan(results::kBundleHeaderBytes, h.payload_length);
  Rng rng(20260601);
  int reached = 0;
  for (int i = 0; i < 1000; ++i) {
    const Bytes body = mutate(Bytes(payload.begin(), payload.end()), rng);
    const Bytes resigned = results::seal_bundle(h.contest_id, h.sequence, h.previous_hash, body, h.record_count, kiosk);
    if (!outcome(resigned, registered()).empty()) ++reached;
  }
  EXPECT_GT(reached, 100) << "re-signed mutations must get past the signature";
  std::printf("control: %d of 1000 re-signed mutations reached the archive\n", reached);
}

// [SECTION] Import: keys, devices, contests, sequence numbers.

TEST_F(Tamper, ImportRefusesWrongKeyUnknownDeviceOtherContestAndAReplayedSequence) {
  const Bytes first = real_bundle(1000);
  const Bytes second = real_bundle(2000);
  results::OrganiserStore org(":memory:");
  using Status = results::ImportOutcome::Status;

  // Not registered yet: refused, nothing stored.
  auto out = org.import_bundle(first, "b1");
  EXPECT_EQ(out.status, Status::refused);
  EXPECT_NE(out.reason.en.find("unregistered device"), std::string::npos) << out.reason.en;
  org.add_device(kiosk.public_key, "kiosk");

  // Signed by another key under this kiosk's device id.
  const results::KeyPair other = key_from_byte(8);
  const results::BundleHeader h = results::parse_bundle_header(first);
  Bytes forged = results::seal_bundle(h.contest_id, h.sequence, h.previous_hash,
                                      std::span(first).subspan(results::kBundleHeaderBytes, h.payload_length),
                                      h.record_count, other);
  std::copy(h.device_id.begin(), h.device_id.end(), forged.begin() + 76);
  out = org.import_bundle(forged, "forged");
  EXPECT_EQ(out.status, Status::refused);
  EXPECT_NE(out.reason.en.find("invalid signature"), std::string::npos) << out.reason.en;

  // Another contest.
  results::VerifyOptions options;
  options.expected_contest_id = "ankang-2027";
  out = org.import_bundle(first, "b1", options);
  EXPECT_EQ(out.status, Status::refused);
  EXPECT_NE(out.reason.en.find("another contest"), std::string::npos) << out.reason.en;

  ASSERT_EQ(org.import_bundle(first, "b1").status, Status::imported);
  ASSERT_EQ(org.import_bundle(second, "b2").status, Status::imported);
  const auto answers = [&] {
    auto s = org.db().prepare("SELECT count(*) FROM answers");
    s.step();
    return s.int64(0);
  };
  const std::int64_t stored = answers();

  // The old sequence number 1 again: the same file adds nothing ...
  EXPECT_EQ(org.import_bundle(first, "b1 again").status, Status::already_imported);
  // ... and other content under sequence 1 (a copied key replaying it) is refused.
  const results::BundleHeader h2 = results::parse_bundle_header(second);
  const Bytes replay = results::seal_bundle(h2.contest_id, 1, {},
                                            std::span(second).subspan(results::kBundleHeaderBytes, h2.payload_length),
                                            h2.record_count, kiosk);
  out = org.import_bundle(replay, "replay");
  EXPECT_EQ(out.status, Status::refused);
  EXPECT_NE(out.reason.en.find("sequence 1"), std::string::npos) << out.reason.en;
  EXPECT_EQ(answers(), stored);
}

// [SECTION] Contest packages.

results::ContestPackage sample_package() {
  results::ContestPackage p;
  p.contest_id = "ankang-2026-district-3";
  p.name = "2026 年安康杯安全知识竞赛";
  p.config_json = R"({"rounds":[{"kind":"compulsory"}]})";
  p.question_ids = {"q1", "q2", "q3"};
  p.bank_subset = Bytes(300, 0x5a);
  p.valid_from_ms = 1000;
  p.valid_until_ms = 2000;
  return p;
}

// Refusals decided before the body is read (results/package.cpp, read_package).
bool package_refused_early(std::span<const std::uint8_t> bytes, const results::PublicKey& key, std::string& why) {
  try {
    results::read_package(bytes, key);
    why = "accepted";
    return false;
  } catch (const results::ResultsError& e) {
    why = e.text().en;
    for (const char* r : {"too large", "too short", "wrong magic", "unsupported contest package version",
                          "length mismatch", "invalid contest package signature"})
      if (why.find(r) != std::string::npos) return true;
    return false;
  }
}

TEST(TamperPackage, EveryBitFlipAndRandomMutationIsRefusedBeforeTheBody) {
  const results::KeyPair org = key_from_byte(9);
  const Bytes b = results::write_package(sample_package(), org);
  std::string why;
  int late = 0;
  for (std::size_t i = 0; i < b.size(); ++i)
    for (int bit = 0; bit < 8; ++bit) {
      Bytes copy = b;
      copy[i] ^= static_cast<std::uint8_t>(1u << bit);
      if (!package_refused_early(copy, org.public_key, why) && late++ < 5)
        ADD_FAILURE() << "byte " << i << " bit " << bit << ": " << why;
    }
  Rng rng(7);
  for (int i = 0; i < kRandomMutations; ++i) {
    const Bytes m = mutate(b, rng);
    if (m != b && !package_refused_early(m, org.public_key, why) && late++ < 5)
      ADD_FAILURE() << "mutation " << i << ": " << why;
  }
  EXPECT_EQ(late, 0);
  std::printf("package of %zu bytes: %zu bit flips, %d random mutations\n", b.size(), b.size() * 8, kRandomMutations);
  EXPECT_FALSE(package_refused_early(b, org.public_key, why)) << "the untouched package must load: " << why;
  EXPECT_TRUE(package_refused_early(b, key_from_byte(10).public_key, why)) << "another organiser's key";
}

// The control: body mutations signed again with the organiser key get past
// the signature, so the classifier sees them reach the body.
TEST(TamperPackage, ControlResignedMutationsReachTheBody) {
  const results::KeyPair org = key_from_byte(9);
  const Bytes b = results::write_package(sample_package(), org);
  constexpr std::size_t kHead = 8 + 2 + 4;
  Rng rng(7);
  std::string why;
  int reached = 0;
  for (int i = 0; i < 1000; ++i) {
    const Bytes body = mutate(Bytes(b.begin() + kHead, b.end() - 64), rng);
    // Magic and version as they were, the new body length, the body.
    results::ByteWriter w;
    w.raw(std::span(b).first(kHead - 4));
    w.u32(static_cast<std::uint32_t>(body.size()));
    w.raw(body);
    Bytes resigned = std::move(w.bytes());
    const auto sig = results::sign(resigned, org.secret_key);
    resigned.insert(resigned.end(), sig.begin(), sig.end());
    if (!package_refused_early(resigned, org.public_key, why)) ++reached;
  }
  EXPECT_GT(reached, 100);
  std::printf("control: %d of 1000 re-signed package mutations reached the body\n", reached);
}

}  // namespace
}  // namespace ankang::reliability
