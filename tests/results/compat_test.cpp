// A bundle written by version 1 of the record structs and committed: it must
// keep loading whatever the structs become.
#include <gtest/gtest.h>

#include "results/bundle.h"
#include "sample.h"

namespace ankang::results {
namespace {

TEST(BundleCompat, Version1BundleStillLoads) {
  auto key = testing::key_from_byte(1);
  auto lookup = [&](const DeviceId& id) -> std::optional<PublicKey> {
    if (id == device_id_of(key.public_key)) return key.public_key;
    return std::nullopt;
  };
  auto b = read_bundle_file(ANKANG_SOURCE_DIR "/tests/results/data/v1.bundle", lookup);
  EXPECT_EQ(b.header.format_version, 1);
  EXPECT_EQ(b.header.contest_id, "contest-2026");
  ASSERT_EQ(b.payload.attempts.size(), 2u);
  EXPECT_EQ(b.payload.workers[1].name, "李四");
  EXPECT_EQ(b.payload.attempts[0].answers[0].response, "AC");
  EXPECT_EQ(b.payload.attempts[0].answers[0].correct_permille, 500);
  EXPECT_EQ(b.payload.attempts[1].answers[2].centipoints, 1000);
  EXPECT_EQ(b.payload.questions[0].category, "职业病防治/粉尘");
}

}  // namespace
}  // namespace ankang::results
