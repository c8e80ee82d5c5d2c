#include "results/package.h"

#include <gtest/gtest.h>

#include "results/error.h"
#include "sample.h"

namespace ankang::results {
namespace {

ContestPackage sample() {
  ContestPackage p;
  p.contest_id = "ankang-2026-district-3";
  p.name = "2026 年安康杯安全知识竞赛";
  p.config_json = R"({"rounds":[{"kind":"compulsory"}]})";
  p.question_ids = {"q1", "q2", "q3"};
  p.bank_subset = {1, 2, 3, 4};
  p.valid_from_ms = 1000;
  p.valid_until_ms = 2000;
  return p;
}

TEST(ContestPackage, RoundTripAndWindow) {
  auto org = testing::key_from_byte(7);
  auto bytes = write_package(sample(), org);
  auto p = read_package(bytes, org.public_key);
  EXPECT_EQ(p, sample());
  EXPECT_NO_THROW(check_package_window(p, 1500));
  EXPECT_THROW(check_package_window(p, 999), ResultsError);
  EXPECT_THROW(check_package_window(p, 2001), ResultsError);
}

TEST(ContestPackage, TamperingAndOtherKeysAreRefused) {
  auto org = testing::key_from_byte(7);
  auto bytes = write_package(sample(), org);
  EXPECT_THROW(read_package(bytes, testing::key_from_byte(8).public_key), ResultsError);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto copy = bytes;
    copy[i] ^= 0x10;
    EXPECT_THROW(read_package(copy, org.public_key), ResultsError) << "byte " << i;
  }
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_THROW(read_package(std::span(bytes).first(n), org.public_key), ResultsError) << "length " << n;
}

}  // namespace
}  // namespace ankang::results
