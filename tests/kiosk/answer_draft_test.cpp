// The answer draft: what each tap does to the answer of each question type,
// and the engine response it stands for.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/grading.h"
#include "kiosk/answer_draft.h"

namespace ankang::testing {
namespace {

using kiosk::AnswerDraft;

Question of_type(QuestionType type) {
  Question q;
  q.id = "q1";
  q.type = type;
  q.stem = "题目";
  return q;
}

Question ordering() {
  Question q = of_type(QuestionType::ordering);
  q.options = {"断电", "挂牌", "验电", "作业"};
  return q;
}

Question matching() {
  Question q = of_type(QuestionType::matching);
  q.pairs = {{"红", "禁止"}, {"黄", "警告"}, {"蓝", "指令"}};
  return q;
}

TEST(AnswerDraft, NamesItsQuestionAndAttempt) {
  const AnswerDraft d(of_type(QuestionType::single), 2, 0);
  EXPECT_EQ(d.question_id(), "q1");
  EXPECT_TRUE(d.is_for("q1", 2));
  EXPECT_FALSE(d.is_for("q1", 3)) << "the same question asked again is another draft";
  EXPECT_FALSE(d.is_for("q2", 2));
  EXPECT_FALSE(AnswerDraft().is_for("q1", 2));
}

TEST(AnswerDraft, SingleChoiceKeepsTheLastPick) {
  Question q = of_type(QuestionType::single);
  q.options = {"甲", "乙", "丙"};
  AnswerDraft d(q, 0, 0);
  d.toggle_option(0);
  d.toggle_option(2);
  EXPECT_EQ(d.picks(), std::vector<int>{2});
  EXPECT_EQ(d.response().choices, 4u);
  EXPECT_EQ(d.order(), (std::vector<int>{0, 1, 2})) << "options stay in their order";
}

TEST(AnswerDraft, MultipleChoiceTicksAndUnticks) {
  Question q = of_type(QuestionType::multiple);
  q.options = {"甲", "乙", "丙", "丁"};
  AnswerDraft d(q, 0, 0);
  d.toggle_option(3);
  d.toggle_option(0);
  d.toggle_option(2);
  EXPECT_EQ(d.picks(), (std::vector<int>{0, 2, 3})) << "kept in option order";
  d.toggle_option(2);
  EXPECT_EQ(d.picks(), (std::vector<int>{0, 3}));
  EXPECT_EQ(d.response().choices, 9u);
}

TEST(AnswerDraft, TrueFalseIsTheFirstOption) {
  AnswerDraft d(of_type(QuestionType::true_false), 0, 0);
  EXPECT_FALSE(d.response().truth) << "nothing picked is no 正确";
  d.toggle_option(0);
  EXPECT_TRUE(d.response().truth);
  d.toggle_option(1);
  EXPECT_FALSE(d.response().truth);
}

TEST(AnswerDraft, OrderingIsShuffledTheSameWayForTheSameSeed) {
  const Question q = ordering();
  for (unsigned seed = 0; seed < 50; ++seed) {
    const AnswerDraft d(q, 0, seed);
    std::vector<int> sorted = d.order();
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (std::vector<int>{0, 1, 2, 3}));
    EXPECT_FALSE(std::is_sorted(d.order().begin(), d.order().end())) << "never shown in the answer's order, seed " << seed;
    EXPECT_EQ(AnswerDraft(q, 0, seed).order(), d.order()) << "a restart shows the same order";
  }
}

TEST(AnswerDraft, OrderingTakesEachItemOnceAndUndoesTheLast) {
  AnswerDraft d(ordering(), 0, 1);
  d.tap_item(2);
  d.tap_item(0);
  d.tap_item(2);
  EXPECT_EQ(d.picks(), (std::vector<int>{2, 0}));
  d.undo();
  EXPECT_EQ(d.picks(), std::vector<int>{2});
  d.tap_item(1);
  EXPECT_EQ(d.response().order, (std::vector<int>{2, 1}));
}

TEST(AnswerDraft, MatchingPairsEachRightOnce) {
  AnswerDraft d(matching(), 0, 1);
  EXPECT_EQ(d.picks(), (std::vector<int>{-1, -1, -1}));
  d.tap_right(1);
  EXPECT_EQ(d.picks(), (std::vector<int>{-1, -1, -1})) << "no left item chosen yet";
  d.tap_item(0);
  EXPECT_EQ(d.match_left(), 0);
  d.tap_right(1);
  EXPECT_EQ(d.match_left(), -1);
  d.tap_item(2);
  d.tap_right(1);  // taken from 红 and given to 蓝
  EXPECT_EQ(d.picks(), (std::vector<int>{-1, -1, 1}));
  d.tap_item(0);
  d.tap_right(0);
  EXPECT_EQ(d.response().matches, (std::vector<int>{0, -1, 1}));
  d.undo();
  EXPECT_EQ(d.picks(), (std::vector<int>{-1, -1, 1})) << "the last pair made goes first";
  d.undo();
  d.undo();
  EXPECT_EQ(d.picks(), (std::vector<int>{-1, -1, -1}));
}

TEST(AnswerDraft, FillInHasOneTextPerBlankAndTheOfferedChoices) {
  Question q = of_type(QuestionType::fill_blank);
  q.blanks = {{"三"}, {"八"}};
  AnswerDraft d(q, 0, 0, {{"三", "五"}, {"七", "八"}});
  EXPECT_EQ(d.texts(), (std::vector<std::string>{"", ""}));
  EXPECT_EQ(d.choices().at(1), (std::vector<std::string>{"七", "八"}));
  EXPECT_TRUE(d.set_text(1, "八"));
  EXPECT_FALSE(d.set_text(2, "九")) << "there is no third blank";
  EXPECT_FALSE(d.set_text(-1, "九"));
  EXPECT_EQ(d.response().texts, (std::vector<std::string>{"", "八"}));

  Question n = of_type(QuestionType::fill_blank);
  n.numeric = NumericAnswer{35, 0};
  EXPECT_EQ(AnswerDraft(n, 0, 0).texts().size(), 1u) << "a number is one text";
}

TEST(AnswerDraft, HotspotTakesTheLastTapAndUndoesIt) {
  AnswerDraft d(of_type(QuestionType::hotspot), 0, 0);
  EXPECT_TRUE(d.response().taps.empty());
  d.tap_image(4, 9);
  d.tap_image(40, 90);
  EXPECT_EQ(d.response().taps, (std::vector<TapPoint>{{40, 90}}));
  d.undo();
  EXPECT_EQ(d.tap_x(), -1);
  EXPECT_TRUE(d.response().taps.empty());
}

// A worker who taps the right answer gives the engine's correct response.
TEST(AnswerDraft, TheRightTapsGradeAsTheCorrectResponse) {
  Question q = ordering();
  AnswerDraft o(q, 0, 3);
  for (int i = 0; i < 4; ++i) o.tap_item(i);
  EXPECT_EQ(o.response().order, correct_response(q).order);

  Question m = matching();
  AnswerDraft p(m, 0, 3);
  for (int i = 0; i < 3; ++i) {
    p.tap_item(i);
    p.tap_right(i);
  }
  EXPECT_EQ(p.response().matches, correct_response(m).matches);
}

}  // namespace
}  // namespace ankang::testing
