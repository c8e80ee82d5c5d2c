// Time-ordered answer ids (RFC 9562 version 7): layout, the embedded time,
// and order within a process even when many share a millisecond.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "question_bank/bank.h"

namespace ankang::bank {
namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The 48-bit unix time in ms of the first 12 hex digits.
std::int64_t time_of(const std::string& id) { return std::stoll(id.substr(0, 8) + id.substr(9, 4), nullptr, 16); }

TEST(TimeOrderedUuid, HasTheVersionSevenLayout) {
  for (int i = 0; i < 500; ++i) {
    const auto id = new_time_ordered_uuid();
    ASSERT_EQ(id.size(), 36u) << id;
    for (std::size_t c = 0; c < id.size(); ++c) {
      if (c == 8 || c == 13 || c == 18 || c == 23)
        EXPECT_EQ(id[c], '-') << id;
      else
        EXPECT_NE(std::string("0123456789abcdef").find(id[c]), std::string::npos) << id;
    }
    EXPECT_EQ(id[14], '7') << id;
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;  // RFC 9562 variant
  }
}

TEST(TimeOrderedUuid, StartsWithTheCurrentUnixMilliseconds) {
  const auto before = now_ms();
  const auto id = new_time_ordered_uuid();
  const auto after = now_ms();
  // At most a few ms ahead: only a counter that ran out carries the time on.
  EXPECT_GE(time_of(id), before) << id;
  EXPECT_LE(time_of(id), after + 5) << id;
}

TEST(TimeOrderedUuid, EachIdSortsAfterThePreviousEvenWithinOneMillisecond) {
  // Far more ids than milliseconds pass, so many share one and some
  // milliseconds see the counter run out.
  std::vector<std::string> ids;
  for (int i = 0; i < 50000; ++i) ids.push_back(new_time_ordered_uuid());
  int shared = 0;
  for (std::size_t i = 1; i < ids.size(); ++i) {
    ASSERT_LT(ids[i - 1], ids[i]) << "at " << i;
    shared += time_of(ids[i - 1]) == time_of(ids[i]);
  }
  EXPECT_GT(shared, 0);
}

TEST(TimeOrderedUuid, ThreadsNeverMakeTheSameId) {
  std::vector<std::string> a, b;
  std::thread other([&] {
    for (int i = 0; i < 20000; ++i) b.push_back(new_time_ordered_uuid());
  });
  for (int i = 0; i < 20000; ++i) a.push_back(new_time_ordered_uuid());
  other.join();
  std::set<std::string> all(a.begin(), a.end());
  all.insert(b.begin(), b.end());
  EXPECT_EQ(all.size(), a.size() + b.size());
}

}  // namespace
}  // namespace ankang::bank
