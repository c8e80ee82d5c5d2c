#include "scoring/ranking.h"

#include <gtest/gtest.h>

#include "scoring/combine.h"

namespace ankang::scoring {
namespace {

std::vector<Order> orders(const std::vector<TieBreak>& chain) {
  std::vector<Order> o;
  for (const auto& t : chain) o.push_back(t.order);
  return o;
}

TEST(Rank, TeamChainBreaksTiesLinkByLink) {
  // points, correct, total_time_ms, sudden_death
  const std::vector<std::vector<std::int64_t>> rows = {
      {50, 5, 9000, 0},  // 0
      {60, 6, 9000, 0},  // 1: most points
      {50, 5, 8000, 0},  // 2: faster than 0
      {50, 6, 9999, 0},  // 3: more correct than 0 and 2
      {50, 5, 8000, 1},  // 4: won the sudden death against 2
  };
  const auto r = rank(rows, orders(team_chain()));
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0], (Ranked{1, 1}));
  EXPECT_EQ(r[1], (Ranked{3, 2}));
  EXPECT_EQ(r[2], (Ranked{4, 3}));
  EXPECT_EQ(r[3], (Ranked{2, 4}));
  EXPECT_EQ(r[4], (Ranked{0, 5}));
}

TEST(Rank, FullTiesShareARankAndKeepInputOrder) {
  const std::vector<std::vector<std::int64_t>> rows = {{10}, {20}, {20}, {5}};
  const auto r = rank(rows, {Order::higher_first});
  EXPECT_EQ(r[0], (Ranked{1, 1}));
  EXPECT_EQ(r[1], (Ranked{2, 1}));
  EXPECT_EQ(r[2], (Ranked{0, 3}));
  EXPECT_EQ(r[3], (Ranked{3, 4}));
}

TEST(Rank, EnterpriseChain) {
  // participation rate (permille), mean score, pass rate (permille)
  const std::vector<std::vector<std::int64_t>> rows = {{900, 80, 700}, {900, 85, 600}, {950, 70, 500}};
  const auto r = rank(rows, orders(enterprise_chain()));
  EXPECT_EQ(r[0].entry, 2);
  EXPECT_EQ(r[1].entry, 1);
  EXPECT_EQ(r[2].entry, 0);
}

TEST(Rank, DefaultOrderOfTimes) {
  EXPECT_EQ(default_order("total_time_ms"), Order::lower_first);
  EXPECT_EQ(default_order("points"), Order::higher_first);
}

TEST(Combine, SumMeanBestN) {
  const std::vector<std::int64_t> v = {70, 90, 85, 40};
  EXPECT_EQ(combine(v, Combine::sum, 0), 285);
  EXPECT_EQ(combine(v, Combine::mean, 0), 71);  // 71.25
  EXPECT_EQ(combine({1, 2}, Combine::mean, 0), 2);  // 1.5 rounds half up
  EXPECT_EQ(combine(v, Combine::best_n, 2), 175);
  EXPECT_EQ(combine(v, Combine::best_n, 9), 285);
  EXPECT_EQ(combine({}, Combine::mean, 0), 0);
  EXPECT_EQ(combine_from_code("best_n"), Combine::best_n);
}

}  // namespace
}  // namespace ankang::scoring
