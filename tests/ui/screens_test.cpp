// Every screen drawn headless with a view model; simulated taps must produce
// the intents the kiosk acts on, and only those.
#include <gtest/gtest.h>

#include <algorithm>

#include "headless.h"
#include "sample_question.h"
#include "ui/screens.h"
#include "ui/strings.h"

namespace ankang::testing {
namespace {

using ui::Act;
using ui::Intent;
using ui::Intents;

auto is(Act act) {
  return [act](const Intent& in) { return in.act == act; };
}
auto is(Act act, int value) {
  return [act, value](const Intent& in) { return in.act == act && in.value == value; };
}

class Screens : public ::testing::Test {
 protected:
  Headless h;
};

TEST_F(Screens, TheRealCjkFontIsUsed) { EXPECT_TRUE(h.cjk()) << "install fonts-noto-cjk"; }

TEST_F(Screens, AttractStartsOnAnyTapAndHidesAdminInTheCorner) {
  ui::AttractView v;
  v.today = {{"李明", "一班", 90}};
  auto draw = [&](Intents& out) { ui::draw_attract(v, out); };
  EXPECT_EQ(h.tap(draw, ImVec2(960, 900)), Intents{Intent(Act::start)});
  EXPECT_EQ(h.tap(draw, ImVec2(200, 200)), Intents{Intent(Act::start)});
  EXPECT_EQ(h.tap(draw, ImVec2(1900, 20)), Intents{Intent(Act::admin_open)});
}

TEST_F(Screens, SignInKeypadListsAndReadiness) {
  ui::SignInView v;
  v.enterprises = {"甲公司", "乙公司"};
  v.teams = {"一班", "二班", "三班"};
  auto draw = [&](Intents& out) { ui::draw_sign_in(v, out); };
  for (int d = 0; d <= 9; ++d) {
    const auto at = h.locate(draw, is(Act::key_digit, d));
    ASSERT_TRUE(at) << "digit " << d;
    EXPECT_GT(at->x, 960) << "the keypad is on the right half";
  }
  EXPECT_TRUE(h.locate(draw, is(Act::key_backspace)));
  EXPECT_TRUE(h.locate(draw, is(Act::key_clear)));
  EXPECT_TRUE(h.locate(draw, is(Act::pick_enterprise, 1)));
  EXPECT_TRUE(h.locate(draw, is(Act::pick_team, 2)));
  EXPECT_TRUE(h.locate(draw, is(Act::back)));
  // Nothing chosen yet: the sign-in button does nothing.
  EXPECT_FALSE(h.locate(draw, is(Act::sign_in)));
  v.enterprise = 0;
  v.team = 1;
  v.employee_no = "1001";
  EXPECT_TRUE(h.locate(draw, is(Act::sign_in)));
  // A new number needs a name first.
  v.first_time = true;
  EXPECT_FALSE(h.locate(draw, is(Act::sign_in)));
  v.name = "王芳";
  EXPECT_TRUE(h.locate(draw, is(Act::sign_in)));
}

TEST_F(Screens, SignInNameFieldReportsWhatIsTyped) {
  ui::SignInView v;
  v.enterprises = {"甲公司"};
  v.enterprise = 0;
  v.employee_no = "7";
  v.first_time = true;
  auto draw = [&](Intents& out) { ui::draw_sign_in(v, out); };
  // The field sits under the keypad on the right; find it by typing into it.
  Intents got;
  for (float y = 700; y < 1000 && got.empty(); y += 20) {
    h.tap(draw, ImVec2(1400, y));
    h.frame(draw, ImVec2(1400, y), false);
    ImGui::GetIO().AddInputCharactersUTF8("李");
    got = h.frame(draw, ImVec2(1400, y), false);
  }
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].act, Act::set_name);
  EXPECT_EQ(got[0].text, "李");
}

TEST_F(Screens, ModeOffersEveryWayToStudy) {
  ui::ModeView v;
  v.worker_name = "王芳";
  v.categories = {"安全生产法", "职业病防治"};
  auto draw = [&](Intents& out) { ui::draw_mode(v, out); };
  EXPECT_TRUE(h.locate(draw, is(Act::timed_test)));
  EXPECT_TRUE(h.locate(draw, is(Act::mistake_book)));
  EXPECT_TRUE(h.locate(draw, is(Act::practice, -1)));
  EXPECT_TRUE(h.locate(draw, is(Act::practice, 0)));
  EXPECT_TRUE(h.locate(draw, is(Act::practice, 1)));
  EXPECT_FALSE(h.locate(draw, is(Act::practice, 2)));
  EXPECT_TRUE(h.locate(draw, is(Act::leaderboard)));
  EXPECT_TRUE(h.locate(draw, is(Act::sign_out)));
}

TEST_F(Screens, SingleChoiceTapsNameTheQuestionAndSubmitNeedsAPick) {
  const Question q = single_question();
  ui::QuestionView v;
  v.question = &q;
  v.number = 3;
  v.total = 20;
  v.limit_ms = 60000;
  v.remaining_ms = 30000;
  auto draw = [&](Intents& out) { ui::draw_question(v, out); };
  for (int i = 0; i < 4; ++i) {
    const auto at = h.locate(draw, is(Act::toggle_option, i));
    ASSERT_TRUE(at) << "option " << i;
    const Intents got = h.tap(draw, *at);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].question_id, "q-single");
  }
  EXPECT_FALSE(h.locate(draw, is(Act::submit)));
  v.picks = {1};
  const auto at = h.locate(draw, is(Act::submit));
  ASSERT_TRUE(at);
  EXPECT_EQ(h.tap(draw, *at).at(0).question_id, "q-single");
}

TEST_F(Screens, TrueFalseHasTwoAnswers) {
  Question q = single_question();
  q.type = QuestionType::true_false;
  q.options.clear();
  q.correct.clear();
  ui::QuestionView v;
  v.question = &q;
  auto draw = [&](Intents& out) { ui::draw_question(v, out); };
  EXPECT_TRUE(h.locate(draw, is(Act::toggle_option, 0)));
  EXPECT_TRUE(h.locate(draw, is(Act::toggle_option, 1)));
  EXPECT_FALSE(h.locate(draw, is(Act::toggle_option, 2)));
}

TEST_F(Screens, OrderingTakesEachItemOnceAndUndoes) {
  Question q = single_question();
  q.type = QuestionType::ordering;
  q.options = {"断电", "脱离", "检查", "急救"};
  ui::QuestionView v;
  v.question = &q;
  v.order = {3, 1, 0, 2};
  v.picks = {1};
  auto draw = [&](Intents& out) { ui::draw_question(v, out); };
  EXPECT_FALSE(h.locate(draw, is(Act::tap_item, 1))) << "an item already placed";
  EXPECT_TRUE(h.locate(draw, is(Act::tap_item, 0)));
  EXPECT_TRUE(h.locate(draw, is(Act::tap_item, 3)));
  EXPECT_TRUE(h.locate(draw, is(Act::undo_pick)));
  EXPECT_FALSE(h.locate(draw, is(Act::submit)));
  v.picks = {1, 0, 3, 2};
  EXPECT_TRUE(h.locate(draw, is(Act::submit)));
}

TEST_F(Screens, MatchingTapsLeftThenRight) {
  Question q = single_question();
  q.type = QuestionType::matching;
  q.options.clear();
  q.pairs = {{"噪声", "耳塞"}, {"焊接", "面罩"}};
  ui::QuestionView v;
  v.question = &q;
  v.order = {1, 0};
  v.picks = {-1, -1};
  auto draw = [&](Intents& out) { ui::draw_question(v, out); };
  const auto left = h.locate(draw, is(Act::tap_item, 1));
  const auto right = h.locate(draw, is(Act::tap_right, 0));
  ASSERT_TRUE(left && right);
  EXPECT_LT(left->x, right->x);
  EXPECT_FALSE(h.locate(draw, is(Act::submit)));
  v.picks = {0, 1};
  EXPECT_TRUE(h.locate(draw, is(Act::submit)));
}

TEST_F(Screens, HotspotReportsTheTapInPicturePixels) {
  Question q = single_question();
  q.type = QuestionType::hotspot;
  q.options.clear();
  ui::QuestionView v;
  v.question = &q;
  v.picture = {1, 400, 300};
  auto draw = [&](Intents& out) { ui::draw_question(v, out); };
  const auto at = h.locate(draw, is(Act::tap_image));
  ASSERT_TRUE(at);
  const Intent in = h.tap(draw, *at).at(0);
  EXPECT_GE(in.x, 0);
  EXPECT_LT(in.x, 400);
  EXPECT_GE(in.y, 0);
  EXPECT_LT(in.y, 300);
  // A tap further right or down lands further right or down in the picture.
  const Intents moved = h.tap(draw, ImVec2(at->x + 30, at->y + 30));
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_GT(moved[0].x, in.x);
  EXPECT_GT(moved[0].y, in.y);
}

Question fill_question() {
  Question q = single_question();
  q.type = QuestionType::fill_blank;
  q.options.clear();
  q.correct.clear();
  q.blanks = {{"119"}};
  return q;
}

TEST_F(Screens, FillBlankSendsTheTypedText) {
  const Question q = fill_question();
  ui::QuestionView v;
  v.question = &q;
  v.texts = {""};
  auto draw = [&](Intents& out) { ui::draw_question(v, out); };
  Intents got;
  for (float y = 250; y < 700 && got.empty(); y += 20) {
    h.tap(draw, ImVec2(400, y));
    ImGui::GetIO().AddInputCharactersUTF8("119");
    got = h.frame(draw, ImVec2(400, y), false);
  }
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].act, Act::set_text);
  EXPECT_EQ(got[0].text, "119");
  EXPECT_EQ(got[0].question_id, "q-single");
}

TEST_F(Screens, FillBlankAnswersAreTappedAndTypingStillWorks) {
  const Question q = fill_question();
  ui::QuestionView v;
  v.question = &q;
  v.texts = {""};
  v.blank_choices = {{"110", "119", "120", "122"}};
  auto draw = [&](Intents& out) { ui::draw_question(v, out); };
  auto sets = [](const std::string& text) {
    return [text](const Intent& in) { return in.act == Act::set_text && in.value == 0 && in.text == text; };
  };
  // A gloved tap on a choice is the answer: the intent names the question.
  for (const char* choice : {"110", "119", "120", "122"}) EXPECT_TRUE(h.locate(draw, sets(choice))) << choice;
  const auto at = h.locate(draw, sets("119"));
  ASSERT_TRUE(at);
  const Intents got = h.tap(draw, *at);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].question_id, "q-single");
  EXPECT_FALSE(h.locate(draw, is(Act::submit))) << "nothing picked yet";
  v.texts = {"119"};
  EXPECT_TRUE(h.locate(draw, is(Act::submit)));
  // The text field under the choices still takes a keyboard.
  v.texts = {""};
  Intents typed;
  for (float y = 250; y < 900 && typed.empty(); y += 20) {
    h.tap(draw, ImVec2(1000, y));
    ImGui::GetIO().AddInputCharactersUTF8("12");
    for (const auto& in : h.frame(draw, ImVec2(1000, y), false))
      if (in.text == "12") typed.push_back(in);
  }
  ASSERT_EQ(typed.size(), 1u);
  EXPECT_EQ(typed[0].act, Act::set_text);
}

TEST_F(Screens, LeaderboardShowsWorkersAndTeamsAndGoesBack) {
  ui::LeaderboardView v;
  v.workers = {{"李明", "一班", 98}, {"王芳", "二班", 95}};
  v.teams = {{"一班", 3, 270}, {"二班", 1, 95}};
  auto draw = [&](Intents& out) { ui::draw_leaderboard(v, out); };
  const auto back = h.locate(draw, is(Act::leaderboard_close));
  ASSERT_TRUE(back);
  EXPECT_EQ(h.tap(draw, *back), Intents{Intent(Act::leaderboard_close)});
  // The rows are not buttons: a tap on them asks for nothing.
  EXPECT_TRUE(h.tap(draw, ImVec2(500, 400)).empty());
  v.workers.clear();
  v.teams.clear();
  EXPECT_TRUE(h.locate(draw, is(Act::leaderboard_close))) << "an empty board still goes back";
}

TEST_F(Screens, AttractOpensTheLeaderboard) {
  ui::AttractView v;
  v.today = {{"李明", "一班", 90}};
  auto draw = [&](Intents& out) { ui::draw_attract(v, out); };
  const auto at = h.locate(draw, is(Act::leaderboard));
  ASSERT_TRUE(at);
  EXPECT_GT(at->y, 900) << "at the bottom, away from the start tap";
  EXPECT_EQ(h.tap(draw, *at), Intents{Intent(Act::leaderboard)});
}

TEST_F(Screens, FeedbackMovesOn) {
  const Question q = single_question();
  ui::FeedbackView v;
  v.question = &q;
  v.correct_answer = ui::answer_text(q);
  auto draw = [&](Intents& out) { ui::draw_feedback(v, out); };
  EXPECT_TRUE(h.locate(draw, is(Act::next)));
  EXPECT_EQ(v.correct_answer, "B、119");
}

TEST(AnswerWords, TheWorkersResponseIsWrittenLikeTheCorrectAnswer) {
  const Question q = single_question();
  Response r;
  EXPECT_EQ(ui::response_text(q, r), ui::tr(ui::S::no_answer));
  r.choices = 1u << 0;
  EXPECT_EQ(ui::response_text(q, r), "A、110");
  EXPECT_EQ(ui::response_text(q, correct_response(q)), ui::answer_text(q));
  Question multi = q;
  multi.type = QuestionType::multiple;
  r.choices = (1u << 1) | (1u << 3);
  EXPECT_EQ(ui::response_text(multi, r), "B、119\nD、122");
  Question order = q;
  order.type = QuestionType::ordering;
  order.options = {"断电", "脱离", "急救"};
  r.order = {1, 0, 2};
  EXPECT_EQ(ui::response_text(order, r), "1. 脱离\n2. 断电\n3. 急救");
  Question pairs = q;
  pairs.type = QuestionType::matching;
  pairs.pairs = {{"噪声", "耳塞"}, {"焊接", "面罩"}};
  r.matches = {1, -1};
  EXPECT_EQ(ui::response_text(pairs, r), "噪声 → 面罩\n焊接 → —");
  Question fill = q;
  fill.type = QuestionType::fill_blank;
  fill.blanks = {{"119"}, {"120"}};
  r.texts = {"110", ""};
  EXPECT_EQ(ui::response_text(fill, r), "110；—");
  r.texts = {"", ""};
  EXPECT_EQ(ui::response_text(fill, r), ui::tr(ui::S::no_answer));
  Question truth = q;
  truth.type = QuestionType::true_false;
  r.truth = false;
  EXPECT_EQ(ui::response_text(truth, r), ui::tr(ui::S::false_text));
}

TEST_F(Screens, PracticeQuestionsAndFeedbackOfferEndPractice) {
  const Question q = single_question();
  ui::QuestionView v;
  v.question = &q;
  auto draw = [&](Intents& out) { ui::draw_question(v, out); };
  EXPECT_FALSE(h.locate(draw, is(Act::end_practice))) << "a timed test is not ended that way";
  v.can_end = true;
  const auto at = h.locate(draw, is(Act::end_practice));
  ASSERT_TRUE(at);
  EXPECT_GT(at->y, 900) << "in the bottom row";
  ui::FeedbackView f;
  f.question = &q;
  f.can_end = true;
  auto feedback = [&](Intents& out) { ui::draw_feedback(f, out); };
  EXPECT_TRUE(h.locate(feedback, is(Act::end_practice)));
  EXPECT_TRUE(h.locate(feedback, is(Act::next)));
}

TEST_F(Screens, ResultGoesBackToStart) {
  ui::ResultView v;
  v.score = 80;
  v.timed = true;
  v.passed = true;
  v.rank_team = 1;
  auto draw = [&](Intents& out) { ui::draw_result(v, out); };
  EXPECT_TRUE(h.locate(draw, is(Act::back_to_start)));
}

TEST_F(Screens, HostHasEveryControl) {
  const Question q = single_question();
  ui::HostView v;
  v.round_name = "抢答题";
  v.question = &q;
  v.teams = {{"一班", 10, true, false}, {"二班", 0, false, true}};
  v.can_open = v.can_reveal = v.can_judge = v.can_pass = v.can_next = true;
  v.can_pause = v.can_correct = v.can_undo = true;
  auto draw = [&](Intents& out) { ui::draw_host(v, out); };
  for (Act a : {Act::host_start_timer, Act::host_reveal, Act::host_right, Act::host_wrong, Act::host_pass,
                Act::host_next, Act::host_pause, Act::host_correct, Act::host_undo, Act::host_exit})
    EXPECT_TRUE(h.locate(draw, is(a))) << static_cast<int>(a);
}

TEST_F(Screens, HostControlsTheEngineRefusesCannotBeTapped) {
  ui::HostView v;
  v.round_name = "必答题";
  v.teams = {{"一班", 0, false, false}, {"二班", 0, false, false}};
  v.can_next = true;
  auto draw = [&](Intents& out) { ui::draw_host(v, out); };
  EXPECT_TRUE(h.locate(draw, is(Act::host_next)));
  for (Act a : {Act::host_start_timer, Act::host_right, Act::host_wrong, Act::host_undo})
    EXPECT_FALSE(h.locate(draw, is(a))) << static_cast<int>(a);
  EXPECT_TRUE(h.locate(draw, is(Act::host_exit)));
}

TEST_F(Screens, HostOffersStakesThenReasons) {
  ui::HostView v;
  v.round_name = "风险题";
  v.teams = {{"一班", 0, false, false}, {"二班", 0, false, false}};
  v.turn = 1;
  v.stakes = {10, 20, 30};
  auto draw = [&](Intents& out) { ui::draw_host(v, out); };
  for (int stake : {10, 20, 30, 0}) EXPECT_TRUE(h.locate(draw, is(Act::host_stake, stake))) << stake;
  v.stakes.clear();
  v.fixing = 2;
  for (int i = 0; i < static_cast<int>(ui::fix_reasons().size()); ++i)
    EXPECT_TRUE(h.locate(draw, is(Act::host_reason, i))) << i;
  EXPECT_TRUE(h.locate(draw, is(Act::host_cancel_fix)));
}

TEST_F(Screens, AdminIsBehindThePin) {
  ui::AdminView v;
  auto draw = [&](Intents& out) { ui::draw_admin(v, out); };
  for (int d = 0; d <= 9; ++d) EXPECT_TRUE(h.locate(draw, is(Act::pin_digit, d))) << d;
  EXPECT_TRUE(h.locate(draw, is(Act::pin_submit)));
  EXPECT_TRUE(h.locate(draw, is(Act::admin_close)));
  EXPECT_FALSE(h.locate(draw, is(Act::admin_exit))) << "exit needs the PIN";
  // Locked out: the keypad takes nothing.
  v.lock_seconds = 30;
  EXPECT_FALSE(h.locate(draw, is(Act::pin_digit, 5)));
  EXPECT_FALSE(h.locate(draw, is(Act::pin_submit)));
}

TEST_F(Screens, AdminSettingsWhenUnlocked) {
  ui::AdminView v;
  v.unlocked = true;
  v.idle_timeout_s = 90;
  v.font_scale_pct = 100;
  v.folder = "/media/usb";
  auto draw = [&](Intents& out) { ui::draw_admin(v, out); };
  EXPECT_TRUE(h.locate(draw, is(Act::admin_exit)));
  EXPECT_TRUE(h.locate(draw, is(Act::admin_host_mode)));
  EXPECT_TRUE(h.locate(draw, is(Act::admin_language, 1)));
  EXPECT_TRUE(h.locate(draw, is(Act::admin_font_scale, 110)));
  EXPECT_TRUE(h.locate(draw, is(Act::admin_idle_timeout, 60)));
  const auto load = h.locate(draw, is(Act::admin_load_folder));
  ASSERT_TRUE(load);
  EXPECT_EQ(h.tap(draw, *load).at(0).text, "/media/usb");
  EXPECT_TRUE(h.locate(draw, is(Act::admin_export)));
}

TEST_F(Screens, MessageIsDismissed) {
  auto draw = [&](Intents& out) { ui::draw_message("U 盘已满", out); };
  EXPECT_TRUE(h.locate(draw, is(Act::dismiss_message)));
}

TEST_F(Screens, StillThereCountsDownAndKeepsThePlace) {
  auto draw = [&](Intents& out) { ui::draw_still_there(9, out); };
  const auto at = h.locate(draw, is(Act::still_here));
  ASSERT_TRUE(at);
  EXPECT_EQ(h.tap(draw, *at), Intents{Intent(Act::still_here)});
  EXPECT_TRUE(h.tap(draw, ImVec2(60, 60)).empty()) << "outside the box nothing is asked for";
}

TEST(ScreensSmall, TargetsStayTappableAt768p) {
  Headless h(1366, 768);
  ui::ModeView v;
  v.categories = {"安全生产法"};
  auto draw = [&](Intents& out) { ui::draw_mode(v, out); };
  EXPECT_TRUE(h.locate(draw, is(Act::timed_test), 40));
  EXPECT_TRUE(h.locate(draw, is(Act::sign_out), 40));
}

TEST(ScreensSmall, LeaderboardAndFillInChoicesFitAt768p) {
  Headless h(1366, 768);
  ui::LeaderboardView board;
  for (int i = 0; i < 10; ++i) board.workers.push_back({"李明", "一班", 100 - i});
  auto draw_board = [&](Intents& out) { ui::draw_leaderboard(board, out); };
  EXPECT_TRUE(h.locate(draw_board, is(Act::leaderboard_close), 40)) << "ten rows leave the back button on screen";
  const Question q = fill_question();
  ui::QuestionView v;
  v.question = &q;
  v.texts = {""};
  v.blank_choices = {{"110", "119", "120", "122"}};
  auto draw = [&](Intents& out) { ui::draw_question(v, out); };
  for (const char* choice : {"110", "119", "120", "122"})
    EXPECT_TRUE(h.locate(draw, [&](const Intent& in) { return in.act == Act::set_text && in.text == choice; }, 40))
        << choice;
}

}  // namespace
}  // namespace ankang::testing
