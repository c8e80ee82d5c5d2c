#include "engine/grading.h"

#include <gtest/gtest.h>

namespace ankang {
namespace {

Question multiple() {
  Question q;
  q.type = QuestionType::multiple;
  q.stem = "劳动防护用品包括哪些？";
  q.options = {"安全帽", "防尘口罩", "拖鞋", "护目镜"};
  q.correct = {0, 1, 3};
  return q;
}

TEST(Grading, MultipleChoiceTally) {
  const Question q = multiple();
  Response r;
  r.choices = 0b0011;  // 安全帽, 防尘口罩
  EXPECT_EQ(grade(q, r), (scoring::ChoiceTally{2, 0, 3}));
  r.choices = 0b0111;  // plus 拖鞋
  EXPECT_EQ(grade(q, r), (scoring::ChoiceTally{2, 1, 3}));
  r.choices = 0b1011;
  EXPECT_EQ(grade(q, r), (scoring::ChoiceTally{3, 0, 3}));
  r.choices = 0b11011;  // a tick beyond the options
  EXPECT_EQ(grade(q, r), (scoring::ChoiceTally{3, 1, 3}));
  EXPECT_EQ(scoring::credit_permille(grade(q, correct_response(q)), scoring::PartialCredit::all_or_nothing), 1000);
  EXPECT_EQ(grade(q, wrong_response(q)).hits, 0);
}

TEST(Grading, TrueFalse) {
  Question q;
  q.type = QuestionType::true_false;
  q.truth = true;
  Response r;
  r.truth = true;
  EXPECT_EQ(grade(q, r).hits, 1);
  r.truth = false;
  EXPECT_EQ(grade(q, r).misses, 1);
}

TEST(Grading, FillBlankComparesNormalisedText) {
  Question q;
  q.type = QuestionType::fill_blank;
  q.blanks = {{"安全第一"}, {"预防为主", "以预防为主"}};
  Response r;
  r.texts = {" 安全第一 ", "以预防为主"};
  EXPECT_EQ(grade(q, r), (scoring::ChoiceTally{2, 0, 2}));
  r.texts = {"安全第一"};
  EXPECT_EQ(grade(q, r), (scoring::ChoiceTally{1, 1, 2}));
  q.blanks = {{"PM2.5"}};
  r.texts = {"ｐｍ２．５"};  // full-width, other case
  EXPECT_EQ(grade(q, r).hits, 1);
}

TEST(Grading, NumericWithTolerance) {
  Question q;
  q.type = QuestionType::fill_blank;
  q.numeric = NumericAnswer{35, 0.5};
  Response r;
  for (const char* ok : {"35", "３５", "35.4", "+34.5", "3.5e1"}) {
    r.texts = {ok};
    EXPECT_EQ(grade(q, r).hits, 1) << ok;
  }
  for (const char* bad : {"36", "", "三十五", "35度"}) {
    r.texts = {bad};
    EXPECT_EQ(grade(q, r).hits, 0) << bad;
  }
  EXPECT_EQ(grade(q, correct_response(q)).hits, 1);
}

TEST(Grading, OrderingMatchingHotspot) {
  Question o;
  o.type = QuestionType::ordering;
  o.options = {"断电", "挂牌", "验电", "作业"};
  Response r;
  r.order = {0, 1, 3, 2};
  EXPECT_EQ(grade(o, r), (scoring::ChoiceTally{2, 2, 4}));

  Question m;
  m.type = QuestionType::matching;
  m.pairs = {{"红色", "禁止"}, {"黄色", "警告"}, {"蓝色", "指令"}};
  r.matches = {0, 2, -1};
  EXPECT_EQ(grade(m, r), (scoring::ChoiceTally{1, 1, 3}));
  EXPECT_EQ(grade(m, correct_response(m)).hits, 3);

  Question h;
  h.type = QuestionType::hotspot;
  h.regions = {{10, 10, 20, 20}, {100, 100, 10, 10}};
  r.taps = {{15, 15}, {500, 500}};
  EXPECT_EQ(grade(h, r), (scoring::ChoiceTally{1, 1, 2}));
  EXPECT_EQ(grade(h, correct_response(h)), (scoring::ChoiceTally{2, 0, 2}));
}

}  // namespace
}  // namespace ankang
