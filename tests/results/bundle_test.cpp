#include "results/bundle.h"

#include <gtest/gtest.h>

#include "results/error.h"
#include "sample.h"

namespace ankang::results {
namespace {

using testing::key_from_byte;
using testing::sample_payload;

DeviceLookup only(const KeyPair& key) {
  return [pub = key.public_key](const DeviceId& id) -> std::optional<PublicKey> {
    if (id == device_id_of(pub)) return pub;
    return std::nullopt;
  };
}

std::string refusal(std::span<const std::uint8_t> bytes, const DeviceLookup& lookup, const VerifyOptions& options = {}) {
  try {
    read_bundle(bytes, lookup, options);
  } catch (const ResultsError& e) {
    EXPECT_FALSE(e.text().zh.empty());
    return e.text().en;
  }
  return {};
}

TEST(Bundle, RoundTripKeepsEveryField) {
  auto key = key_from_byte(1);
  auto payload = sample_payload();
  Hash prev{};
  prev[0] = 9;
  auto bytes = write_bundle("contest-2026", 7, prev, payload, key);
  auto b = read_bundle(bytes, only(key));
  EXPECT_EQ(b.payload, payload);
  EXPECT_EQ(b.header.contest_id, "contest-2026");
  EXPECT_EQ(b.header.sequence, 7u);
  EXPECT_EQ(b.header.previous_hash, prev);
  EXPECT_EQ(b.header.record_count, 20u);
  EXPECT_EQ(b.header.device_id, device_id_of(key.public_key));
  EXPECT_EQ(b.hash, blake2b(bytes));
}

TEST(Bundle, AnswerCostsAtMost40BytesBeforeCompression) {
  auto small = write_payload(sample_payload("c", 1));
  auto large = write_payload(sample_payload("c", 1001));
  const double per_answer = static_cast<double>(large.size() - small.size()) / 2000.0;
  EXPECT_LE(per_answer, 40.0);
  EXPECT_GE(per_answer, 33.0);  // the fixed fields alone are 33 bytes
}

TEST(Bundle, EveryTruncationIsRefused) {
  auto key = key_from_byte(1);
  auto bytes = write_bundle("c", 1, {}, sample_payload("c", 3), key);
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_NE(refusal(std::span(bytes).first(n), only(key)), "") << "length " << n;
}

TEST(Bundle, EveryBitFlipIsRefused) {
  auto key = key_from_byte(1);
  auto bytes = write_bundle("c", 1, {}, sample_payload("c", 3), key);
  for (std::size_t i = 0; i < bytes.size(); ++i)
    for (int bit = 0; bit < 8; ++bit) {
      auto copy = bytes;
      copy[i] ^= static_cast<std::uint8_t>(1u << bit);
      EXPECT_NE(refusal(copy, only(key)), "") << "byte " << i << " bit " << bit;
    }
}

TEST(Bundle, AppendedBytesAreRefused) {
  auto key = key_from_byte(1);
  auto bytes = write_bundle("c", 1, {}, sample_payload("c", 3), key);
  bytes.push_back(0);
  EXPECT_NE(refusal(bytes, only(key)).find("length mismatch"), std::string::npos);
}

TEST(Bundle, WrongKeyIsRefused) {
  auto kiosk = key_from_byte(1);
  auto other = key_from_byte(2);
  auto bytes = write_bundle("c", 1, {}, sample_payload("c"), kiosk);
  EXPECT_NE(refusal(bytes, only(other)).find("unregistered device"), std::string::npos);
  // A lookup that answers with another key for this device: the signature fails.
  auto impostor = [&](const DeviceId&) -> std::optional<PublicKey> { return other.public_key; };
  EXPECT_NE(refusal(bytes, impostor).find("invalid signature"), std::string::npos);
}

TEST(Bundle, OtherContestIsRefused) {
  auto key = key_from_byte(1);
  auto bytes = write_bundle("contest-2025", 1, {}, sample_payload("contest-2025"), key);
  VerifyOptions options;
  options.expected_contest_id = "contest-2026";
  EXPECT_NE(refusal(bytes, only(key), options).find("another contest"), std::string::npos);
  // Records of another contest inside a bundle signed for this one.
  auto mixed = write_bundle("contest-2026", 1, {}, sample_payload("contest-2025"), key);
  EXPECT_NE(refusal(mixed, only(key)).find("differs from the header"), std::string::npos);
}

TEST(Bundle, SignedHugeCountIsRefusedBeforeAllocating) {
  auto key = key_from_byte(1);
  auto body = write_payload(sample_payload("c", 1));
  // Byte 0 is cereal's endianness flag, then the payload version (u32),
  // then the question count (u32): claim four billion questions.
  for (std::size_t i = 5; i < 9; ++i) body[i] = 0xff;
  auto bytes = seal_bundle("c", 1, {}, body, 2, key);
  EXPECT_NE(refusal(bytes, only(key)).find("payload.questions"), std::string::npos);
}

TEST(Bundle, SignedHugeTextLengthIsRefused) {
  auto key = key_from_byte(1);
  auto p = sample_payload("c", 1);
  p.workers[0].name = "x";
  auto body = write_payload(p);
  // Find the worker name "x" (u16 length 1 then 'x') and claim 60000 bytes.
  for (std::size_t i = 0; i + 2 < body.size(); ++i)
    if (body[i] == 1 && body[i + 1] == 0 && body[i + 2] == 'x') {
      body[i] = 0x60;
      body[i + 1] = 0xea;
      break;
    }
  auto bytes = seal_bundle("c", 1, {}, body, 2, key);
  EXPECT_NE(refusal(bytes, only(key)).find("worker.name"), std::string::npos);
}

TEST(Bundle, OversizeFileIsRefusedByTheCap) {
  auto key = key_from_byte(1);
  auto bytes = write_bundle("c", 1, {}, sample_payload("c"), key);
  VerifyOptions options;
  options.max_file_bytes = 100;
  EXPECT_NE(refusal(bytes, only(key), options).find("too large"), std::string::npos);
}

TEST(Bundle, MeaningChecksCatchBadIndexes) {
  auto key = key_from_byte(1);
  auto p = sample_payload("c", 2);
  p.attempts[0].answers[0].question = 5;
  EXPECT_NE(refusal(write_bundle("c", 1, {}, p, key), only(key)).find("question index"), std::string::npos);
  p = sample_payload("c", 2);
  p.attempts[1].answers[1].uuid = p.attempts[0].answers[0].uuid;
  EXPECT_NE(refusal(write_bundle("c", 1, {}, p, key), only(key)).find("appears twice"), std::string::npos);
}

TEST(Bundle, JsonViewNamesTheFields) {
  auto key = key_from_byte(1);
  auto b = read_bundle(write_bundle("c", 1, {}, sample_payload("c", 1), key), only(key));
  auto json = bundle_to_json(b);
  EXPECT_NE(json.find("\"employee_no\": \"A001\""), std::string::npos);
  EXPECT_NE(json.find("\"sequence\": 1"), std::string::npos);
  EXPECT_NE(json.find("\"uuid\": \"01000000-0000-4000-0000-00000000005a\""), std::string::npos);
}

}  // namespace
}  // namespace ankang::results
