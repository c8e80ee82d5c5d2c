#include "engine/question.h"

#include <gtest/gtest.h>

namespace ankang {
namespace {

Question valid_single() {
  Question q;
  q.id = "2f1c6f64-8a43-4c1e-9a57-8b0e6d1d0a01";
  q.type = QuestionType::single;
  q.stem = "每年的哪个月是全国“安全生产月”？";
  q.options = {"3月", "6月", "9月", "12月"};
  q.correct = {1};
  return q;
}

bool has_problem_with(const std::vector<FieldProblem>& problems, const std::string& field) {
  for (const auto& p : problems)
    if (p.field == field) return true;
  return false;
}

TEST(QuestionTypes, CodesRoundTrip) {
  for (auto t : {QuestionType::single, QuestionType::multiple, QuestionType::true_false, QuestionType::fill_blank,
                 QuestionType::matching, QuestionType::ordering, QuestionType::hotspot}) {
    auto back = type_from_code(type_code(t));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, t);
  }
  EXPECT_FALSE(type_from_code("essay").has_value());
  EXPECT_EQ(type_name_zh(QuestionType::true_false), "判断题");
}

TEST(Category, SplitAndJoin) {
  EXPECT_EQ(split_category("职业病防治/粉尘"), (std::vector<std::string>{"职业病防治", "粉尘"}));
  EXPECT_EQ(split_category("/a//b/"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(join_category({"职业病防治", "粉尘"}), "职业病防治/粉尘");
  EXPECT_TRUE(split_category("").empty());
}

TEST(Validate, AcceptsAWellFormedSingleChoice) { EXPECT_TRUE(validate(valid_single()).empty()); }

TEST(Validate, NamesTheFieldOfEachProblem) {
  auto q = valid_single();
  q.stem.clear();
  q.correct = {0, 1};
  q.difficulty = 9;
  auto problems = validate(q);
  EXPECT_TRUE(has_problem_with(problems, "stem"));
  EXPECT_TRUE(has_problem_with(problems, "answer"));
  EXPECT_TRUE(has_problem_with(problems, "difficulty"));
  for (const auto& p : problems) {
    EXPECT_FALSE(p.message.zh.empty());
    EXPECT_FALSE(p.message.en.empty());
  }
}

TEST(Validate, RejectsAnAnswerOutsideTheOptions) {
  auto q = valid_single();
  q.correct = {4};
  EXPECT_TRUE(has_problem_with(validate(q), "answer"));
}

TEST(Validate, HotspotNeedsPictureAndRegionsInside) {
  Question q;
  q.type = QuestionType::hotspot;
  q.stem = "请找出图中的安全隐患";
  EXPECT_TRUE(has_problem_with(validate(q), "image"));
  EXPECT_TRUE(has_problem_with(validate(q), "regions"));
  q.image = {"image/png", {1, 2, 3}, 100, 80};
  q.regions = {{90, 70, 20, 5}};
  EXPECT_TRUE(has_problem_with(validate(q), "regions"));
  q.regions = {{10, 10, 20, 5}};
  EXPECT_TRUE(validate(q).empty());
}

TEST(Validate, FillBlankNeedsAnAnswerPerBlank) {
  Question q;
  q.type = QuestionType::fill_blank;
  q.stem = "安全生产工作坚持____的方针。";
  EXPECT_TRUE(has_problem_with(validate(q), "answer"));
  q.blanks = {{"安全第一、预防为主、综合治理"}};
  EXPECT_TRUE(validate(q).empty());
  q.blanks = {{}};
  EXPECT_TRUE(has_problem_with(validate(q), "answer"));
  q.blanks.clear();
  q.numeric = NumericAnswer{30, 0};
  EXPECT_TRUE(validate(q).empty());
}

}  // namespace
}  // namespace ankang

namespace ankang {
namespace {

TEST(FieldLabel, NamesAFieldAsTheTemplateHeadsItsColumn) {
  EXPECT_EQ(field_label("stem").zh, "题干");
  EXPECT_EQ(field_label("stem").en, "stem");
  EXPECT_EQ(field_label("options[2]").zh, "选项[2]");
  EXPECT_EQ(field_label("answer").zh, "答案");
  EXPECT_EQ(field_label("no_such_field").zh, "no_such_field");
}

}  // namespace
}  // namespace ankang
