// Timed test and practice: table-driven transitions with a fake clock.
#include <gtest/gtest.h>

#include "fixtures.h"

namespace ankang::testing {
namespace {

TEST(TimedTest, AnswersScoreAndTheLastOneSubmits) {
  auto cfg = player_config(ContestFormat::timed_test, 3);
  Driver d(cfg, paper(3), 1);
  d.act(0, IntentKind::start, 0);
  EXPECT_EQ(view(d.s, 0, 0).question, 0);
  d.answer(1000, 0, pick(d.right_option(0)));
  d.answer(2000, 0, pick((d.right_option(0) + 1) % 4));
  const auto& ev = d.answer(3000, 0, pick(d.right_option(0)));
  const Event* sub = find(ev, EventKind::submitted);
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->total, 20);
  EXPECT_EQ(sub->value, 2);  // correct count, apart from points
  EXPECT_EQ(sub->extra, 0);  // 20 < pass mark 60
  EXPECT_EQ(d.c(0).time_ms, 3000);
  EXPECT_TRUE(finished(d.s));
  // Review: every answer is on record.
  EXPECT_EQ(d.s.answers[1].credit, 0);
  EXPECT_TRUE(d.s.answers[1].answered);
}

TEST(TimedTest, StaleAndDuplicateTapsAreRejected) {
  Driver d(player_config(ContestFormat::timed_test, 3), paper(3), 1);
  d.act(0, IntentKind::start, 0);
  Intent tap = make_intent(d.s, IntentKind::answer, 0);
  tap.response = pick(d.right_option(0));
  d.run(500, tap);
  const auto& again = d.run(520, tap);  // the same tap twice
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].kind, EventKind::rejected);
  EXPECT_EQ(again[0].reason, Reject::stale);
  EXPECT_EQ(d.c(0).points, 10);
  EXPECT_EQ(d.c(0).position, 2);  // not scored against the next question
  const auto& who = d.run(600, Intent{IntentKind::answer, 7, 1, 2, 0, {}, {}});
  EXPECT_EQ(who[0].reason, Reject::unknown_actor);
}

TEST(TimedTest, PerQuestionTimeoutMovesOnAndAnAnswerAtTheDeadlineCounts) {
  auto cfg = player_config(ContestFormat::timed_test, 3);
  cfg.question_ms = 5000;
  cfg.rules.wrong_penalty = 2;
  Driver d(cfg, paper(3), 1);
  d.act(0, IntentKind::start, 0);
  // Same millisecond as the deadline: the answer wins.
  const auto& ev = d.answer(5000, 0, pick(d.right_option(0)));
  EXPECT_TRUE(has(ev, EventKind::scored));
  EXPECT_FALSE(has(ev, EventKind::timed_out));
  // Question 2 shown at 5000, deadline 10000; a tick at 10001 times it out.
  const auto& t = d.run(10001, Intent{IntentKind::tick, -1, -1, -1, 0, {}, {}});
  ASSERT_TRUE(has(t, EventKind::timed_out));
  const Event* out = find(t, EventKind::scored);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(out->at, 10000);
  EXPECT_EQ(out->points, -2);
  EXPECT_EQ(d.c(0).question, 2);
  EXPECT_EQ(d.c(0).shown_at, 10000);  // the next clock starts at the deadline
  // A late answer for question 1 is stale now.
  Intent late{IntentKind::answer, 0, 1, 2, 0, pick(0), {}};
  EXPECT_EQ(d.run(10002, late)[0].reason, Reject::stale);
}

TEST(TimedTest, PaperDeadlineAutoSubmits) {
  auto cfg = player_config(ContestFormat::timed_test, 5);
  cfg.paper_ms = 60000;
  Driver d(cfg, paper(5), 1);
  d.act(1000, IntentKind::start, 0);
  d.answer(2000, 0, pick(d.right_option(0)));
  const int attempt = d.c(0).attempt;
  const auto& ev = d.run(61001, Intent{IntentKind::answer, 0, 1, attempt, 0, pick(0), {}});
  const Event* sub = find(ev, EventKind::submitted);
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->at, 61000);
  EXPECT_EQ(ev.back().reason, Reject::late);
  EXPECT_EQ(d.c(0).points, 10);
  EXPECT_EQ(view(d.s, 0, 61001).phase, Phase::finished);
}

TEST(TimedTest, PlayersKeepTheirOwnClocks) {
  auto cfg = player_config(ContestFormat::timed_test, 2);
  cfg.question_ms = 1000;
  Driver d(cfg, paper(2), 2);
  d.act(0, IntentKind::start, 0);
  d.act(5000, IntentKind::start, 1);
  // Player 0 timed out long ago; player 1's answer is on time.
  const auto& ev = d.answer(5500, 1, pick(d.right_option(1)));
  EXPECT_TRUE(has(ev, EventKind::scored));
  EXPECT_EQ(d.c(1).points, 10);
  d.run(5500, Intent{IntentKind::tick, -1, -1, -1, 0, {}, {}});
  EXPECT_EQ(d.c(0).phase, Phase::finished);
}

TEST(Practice, FeedbackMistakeBookAndSpacedRepetition) {
  auto cfg = player_config(ContestFormat::practice, 4);
  cfg.relearn_ms = 30000;
  Driver d(cfg, paper(3), 1);
  d.act(0, IntentKind::start, 0);
  EXPECT_EQ(d.c(0).question, 0);
  const auto& wrong = d.answer(2000, 0, pick((d.right_option(0) + 1) % 4));
  EXPECT_TRUE(has(wrong, EventKind::mistake_added));
  const View fb = view(d.s, 0, 2000);
  EXPECT_EQ(fb.phase, Phase::feedback);
  EXPECT_TRUE(fb.revealed);
  EXPECT_TRUE(fb.allows(IntentKind::next));
  EXPECT_EQ(fb.q->explanation, "解析");
  EXPECT_EQ(d.s.cards[0].due, 32000);
  EXPECT_EQ(d.s.cards[0].lapses, 1);

  d.act(3000, IntentKind::next, 0);
  EXPECT_EQ(d.c(0).question, 1);  // a new one: question 0 is not due yet
  const auto& right = d.answer(4000, 0, pick(d.right_option(0)));
  const Event* card = find(right, EventKind::card_updated);
  ASSERT_NE(card, nullptr);
  EXPECT_EQ(card->value, 1);  // SM-2: first interval one day
  d.act(40000, IntentKind::next, 0);
  EXPECT_EQ(d.c(0).question, 0);  // due again: the mistake comes back first
  const auto& fixed = d.answer(41000, 0, pick(d.right_option(0)));
  EXPECT_TRUE(has(fixed, EventKind::mistake_cleared));
  EXPECT_FALSE(d.s.cards[0].in_mistakes);
  d.act(42000, IntentKind::next, 0);
  EXPECT_EQ(d.c(0).question, 2);
  d.answer(43000, 0, pick(d.right_option(0)));
  const auto& end = d.act(44000, IntentKind::next, 0);  // question_count 4 reached
  EXPECT_TRUE(has(end, EventKind::submitted));
}

TEST(Practice, OnlyChosenCategories) {
  auto cfg = player_config(ContestFormat::practice, 0);
  cfg.categories = {"职业病防治"};
  Driver d(cfg, paper(6), 1);
  EXPECT_EQ(d.s.eligible, (std::vector<int>{1, 3, 5}));
  d.act(0, IntentKind::start, 0);
  EXPECT_EQ(d.c(0).question, 1);
}

}  // namespace
}  // namespace ankang::testing
