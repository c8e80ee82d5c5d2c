#include "scoring/points.h"

#include <gtest/gtest.h>

namespace ankang::scoring {
namespace {

struct CreditCase {
  ChoiceTally tally;
  PartialCredit rule;
  int expected;
};

TEST(Credit, PartialCreditRules) {
  const CreditCase cases[] = {
      {{3, 0, 3}, PartialCredit::all_or_nothing, 1000},
      {{2, 0, 3}, PartialCredit::all_or_nothing, 0},
      {{2, 0, 3}, PartialCredit::half_if_subset, 500},  // 少选得一半
      {{2, 1, 3}, PartialCredit::half_if_subset, 0},    // 错选不得分
      {{3, 1, 3}, PartialCredit::half_if_subset, 0},
      {{0, 0, 3}, PartialCredit::half_if_subset, 0},    // nothing ticked
      {{2, 0, 3}, PartialCredit::proportional, 667},
      {{2, 1, 3}, PartialCredit::proportional, 333},
      {{1, 2, 3}, PartialCredit::proportional, 0},      // never below zero
      {{1, 0, 1}, PartialCredit::proportional, 1000},
      {{0, 0, 0}, PartialCredit::proportional, 0},
  };
  for (const auto& c : cases)
    EXPECT_EQ(credit_permille(c.tally, c.rule), c.expected)
        << c.tally.hits << "/" << c.tally.misses << "/" << c.tally.total_correct << " " << partial_credit_code(c.rule);
}

TEST(Award, NegativeMarkingAndPartial) {
  PointRules r;
  r.points = 10;
  r.wrong_penalty = 5;
  EXPECT_EQ(award(r, 1000, 0, 0, 0), 10);
  EXPECT_EQ(award(r, 0, 0, 0, 0), -5);
  EXPECT_EQ(award(r, 500, 0, 0, 0), 5);
  EXPECT_EQ(award(r, 667, 0, 0, 0), 7);
}

TEST(Award, TimeBonusFormulas) {
  PointRules r;
  r.points = 100;
  r.time_bonus = TimeBonus::linear;
  r.bonus_max = 20;
  EXPECT_EQ(award(r, 1000, 0, 10000, 0), 120);
  EXPECT_EQ(award(r, 1000, 5000, 10000, 0), 110);
  EXPECT_EQ(award(r, 1000, 10000, 10000, 0), 100);
  EXPECT_EQ(award(r, 1000, 20000, 10000, 0), 100);  // late answers are clamped, not negative
  r.time_bonus = TimeBonus::kahoot;
  EXPECT_EQ(award(r, 1000, 0, 10000, 0), 100);
  EXPECT_EQ(award(r, 1000, 5000, 10000, 0), 75);
  EXPECT_EQ(award(r, 1000, 10000, 10000, 0), 50);
  EXPECT_EQ(award(r, 1000, 5000, 0, 0), 100);  // untimed: no scaling
  EXPECT_EQ(award(r, 500, 0, 10000, 0), 50);   // partial answers earn no bonus
}

TEST(Award, StreakBonusFromTheNthRightAnswer) {
  PointRules r;
  r.points = 10;
  r.streak_bonus = 3;
  r.streak_from = 3;
  EXPECT_EQ(award(r, 1000, 0, 0, 0), 10);
  EXPECT_EQ(award(r, 1000, 0, 0, 1), 10);
  EXPECT_EQ(award(r, 1000, 0, 0, 2), 13);  // the third in a row
  EXPECT_EQ(award(r, 0, 0, 0, 5), 0);
}

TEST(Stakes, RightWinsWrongLoses) {
  EXPECT_EQ(stake_points(20, true), 20);
  EXPECT_EQ(stake_points(20, false), -20);
}

TEST(Codes, RoundTrip) {
  for (auto p : {PartialCredit::all_or_nothing, PartialCredit::half_if_subset, PartialCredit::proportional})
    EXPECT_EQ(partial_credit_from_code(partial_credit_code(p)), p);
  for (auto t : {TimeBonus::none, TimeBonus::linear, TimeBonus::kahoot})
    EXPECT_EQ(time_bonus_from_code(time_bonus_code(t)), t);
  EXPECT_FALSE(partial_credit_from_code("half").has_value());
}

TEST(ScaleRounded, HalfAwayFromZero) {
  EXPECT_EQ(scale_rounded(5, 1, 2), 3);
  EXPECT_EQ(scale_rounded(-5, 1, 2), -3);
  EXPECT_EQ(scale_rounded(4, 1, 3), 1);
}

}  // namespace
}  // namespace ankang::scoring
