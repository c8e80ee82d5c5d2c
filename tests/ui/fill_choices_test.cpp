// Fill-in answers to tap: the answer among plausible wrong ones, never an
// accepted alternative, the same for the same seed.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/grading.h"
#include "ui/fill_choices.h"

namespace ankang::testing {
namespace {

Question fill(std::string id, std::vector<std::vector<std::string>> blanks, std::vector<std::string> category) {
  Question q;
  q.id = std::move(id);
  q.type = QuestionType::fill_blank;
  q.stem = "____";
  q.blanks = std::move(blanks);
  q.category = std::move(category);
  return q;
}

Question numeric(std::string id, double value, double tolerance, std::vector<std::string> category) {
  Question q = fill(std::move(id), {}, std::move(category));
  q.numeric = NumericAnswer{value, tolerance};
  return q;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::vector<Question> pool() {
  return {fill("a", {{"班组", "班组级"}}, {"全员安全生产责任制"}),
          fill("b", {{"车间"}}, {"全员安全生产责任制"}),
          fill("c", {{"厂级"}}, {"全员安全生产责任制"}),
          fill("d", {{"岗位"}}, {"全员安全生产责任制", "培训"}),
          fill("e", {{"防治结合"}}, {"职业病防治"}),
          fill("f", {{"保安康"}}, {"安康杯"}),
          numeric("g", 40, 0, {"高温劳动保护"}),
          numeric("h", 33, 0, {"高温劳动保护"}),
          fill("i", {{"120"}}, {"应急"}),
          fill("j", {{"班组级"}}, {"全员安全生产责任制"})};
}

TEST(FillChoices, TheAnswerAmongWrongOnesOfTheSameCategory) {
  const auto p = pool();
  const auto c = ui::fill_choices(p[0], p, 7);
  ASSERT_EQ(c.size(), 1u);
  ASSERT_EQ(c[0].size(), 4u);
  EXPECT_TRUE(has(c[0], "班组"));
  EXPECT_FALSE(has(c[0], "班组级")) << "an accepted alternative is not a wrong answer";
  // Three wrong ones from the same top-level category, before any other.
  for (const char* same : {"车间", "厂级", "岗位"}) EXPECT_TRUE(has(c[0], same)) << same;
  // Every other choice is graded wrong by the engine.
  for (const auto& t : c[0]) {
    Response r;
    r.texts = {t};
    EXPECT_EQ(grade(p[0], r).hits == 1, t == "班组") << t;
  }
}

TEST(FillChoices, TheSameSeedGivesTheSameChoices) {
  const auto p = pool();
  EXPECT_EQ(ui::fill_choices(p[4], p, 11), ui::fill_choices(p[4], p, 11));
  bool differs = false;
  for (std::uint64_t seed = 0; seed < 20 && !differs; ++seed)
    differs = ui::fill_choices(p[4], p, seed) != ui::fill_choices(p[4], p, 11);
  EXPECT_TRUE(differs) << "another seed draws or orders them otherwise";
}

TEST(FillChoices, NumbersGetNumbersOutsideTheTolerance) {
  auto p = pool();
  p[6].numeric->tolerance = 1;
  const auto c = ui::fill_choices(p[6], p, 3);
  ASSERT_EQ(c.size(), 1u);
  ASSERT_EQ(c[0].size(), 4u);
  EXPECT_TRUE(has(c[0], "40"));
  for (const auto& t : c[0]) {
    double x = 0;
    ASSERT_TRUE(parse_number(t, x)) << t;
    EXPECT_TRUE(x == 40 || std::abs(x - 40) > 1) << t;
    EXPECT_GE(x, 0) << t;
  }
  EXPECT_TRUE(has(c[0], "33")) << "the other number of the category comes first";
}

TEST(FillChoices, EachBlankHasItsOwnAndOtherBlanksAreCandidates) {
  const Question q = fill("m", {{"预防为主"}, {"防治结合"}}, {"职业病防治"});
  const auto c = ui::fill_choices(q, {q}, 5);
  ASSERT_EQ(c.size(), 2u);
  // Alone in its pool: each blank still offers the other blank's answer.
  EXPECT_TRUE(has(c[0], "预防为主") && has(c[0], "防治结合"));
  EXPECT_TRUE(has(c[1], "防治结合") && has(c[1], "预防为主"));
}

TEST(FillChoices, NothingToSetAgainstTheAnswerGivesNoChoices) {
  const Question q = fill("x", {{"保安康"}}, {"安康杯"});
  const auto c = ui::fill_choices(q, {q}, 1);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_TRUE(c[0].empty()) << "never the answer alone";
  Question single;
  single.type = QuestionType::single;
  EXPECT_TRUE(ui::fill_choices(single, pool(), 1).empty());
}

}  // namespace
}  // namespace ankang::testing
