// The embedded starter bank (data/bank/) meets what issue 2 asks of it.
#include "question_bank/starter_bank.h"

#include <gtest/gtest.h>

#include <map>

namespace ankang::bank {
namespace {

TEST(StarterBank, LoadsIntoAnEmptyBankAndAgainAddsNothing) {
  auto bank = Bank::open(":memory:");
  auto first = load_starter_bank(bank);
  EXPECT_GT(first.inserted, 0);
  EXPECT_EQ(first.duplicates, 0) << "two starter questions have the same stem and answer";
  auto again = load_starter_bank(bank);
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.ids, first.ids);
}

TEST(StarterBank, MeetsTheContentTargets) {
  auto questions = starter_questions();
  ASSERT_GE(questions.size(), 300u);
  std::map<std::string, int> by_top;
  std::map<QuestionType, int> by_type;
  for (const auto& q : questions) {
    EXPECT_TRUE(validate(q).empty()) << q.id;
    EXPECT_FALSE(q.id.empty()) << q.stem;
    EXPECT_FALSE(q.explanation.empty()) << q.id;
    ASSERT_FALSE(q.category.empty()) << q.id;
    ++by_top[q.category.front()];
    ++by_type[q.type];
  }
  EXPECT_GE(by_top.size(), 10u);
  for (const auto& [category, n] : by_top) EXPECT_GE(n, 15) << category;
  const double total = static_cast<double>(questions.size());
  EXPECT_GE(by_type[QuestionType::multiple] / total, 0.15);
  EXPECT_GE(by_type[QuestionType::true_false] / total, 0.15);
  EXPECT_GT(by_type[QuestionType::fill_blank], 0);
  EXPECT_GT(by_type[QuestionType::ordering], 0);
  EXPECT_GT(by_type[QuestionType::hotspot], 0);
}

TEST(StarterBank, EveryHotspotCarriesItsPicture) {
  for (const auto& q : starter_questions())
    if (q.type == QuestionType::hotspot) {
      EXPECT_EQ(q.image.mime, "image/png") << q.id;
      EXPECT_GT(q.image.bytes.size(), 8u) << q.id;
    }
}

}  // namespace
}  // namespace ankang::bank
