// Practice through the kiosk's state machine: 结束练习 hands the practice in
// at any question, and the feedback shows what the worker answered.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "kiosk/app.h"
#include "question_bank/bank.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "kiosk_fixture.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;
using ui::Act;

class PracticeTest : public KioskDirTest {
 protected:
  void SetUp() override {
    KioskDirTest::SetUp();
    data = path("data");
    // A bank of single-choice questions, so the option tapped is known.
    std::filesystem::create_directories(data);
    bank::Bank::open(data + "/bank.db").insert(single_choice_paper(8));
  }

  // 1001 王芳 signed in and on the first question of a practice (or a timed test).
  static void begin(App& app, Act mode = Act::practice) {
    app.set_time(1'000'000, 1000);
    sign_in(app, "1001", "王芳");
    app.apply({mode, -1});
  }

  // A tap on the option `option` and on 提交答案, naming the question on screen.
  static void answer(App& app, int option) {
    ui::Intent pick{Act::toggle_option, option};
    pick.question_id = app.draft_question();
    app.apply(pick);
    ui::Intent submit{Act::submit};
    submit.question_id = app.draft_question();
    app.apply(submit);
  }

  // "finished answered" of the only attempt, read from the kiosk store.
  std::string attempt_row() const {
    const Store reader = Store::open(data + "/kiosk.db");
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(reader.handle(),
                       "SELECT finished_at IS NOT NULL, (SELECT count(*) FROM events WHERE kind = 'scored') FROM attempts",
                       -1, &s, nullptr);
    std::string out;
    if (sqlite3_step(s) == SQLITE_ROW)
      out = std::to_string(sqlite3_column_int(s, 0)) + " " + std::to_string(sqlite3_column_int(s, 1));
    sqlite3_finalize(s);
    return out;
  }

  std::string data;
};

TEST_F(PracticeTest, EndPracticeOnAQuestionShowsTheResultOfWhatWasAnswered) {
  App app(data);
  begin(app);
  ASSERT_EQ(app.screen(), Screen::question);
  answer(app, 0);
  ASSERT_EQ(app.screen(), Screen::feedback);
  app.apply({Act::next});
  ASSERT_EQ(app.screen(), Screen::question) << "the second of five questions";
  app.apply({Act::end_practice});
  EXPECT_EQ(app.screen(), Screen::result);
  EXPECT_EQ(attempt_row(), "1 1") << "finished, with the one answer given";
  app.apply({Act::back_to_start});
  EXPECT_EQ(app.screen(), Screen::attract);
}

TEST_F(PracticeTest, EndPracticeOnTheFeedbackShowsTheResult) {
  App app(data);
  begin(app);
  answer(app, 1);
  ASSERT_EQ(app.screen(), Screen::feedback);
  app.apply({Act::end_practice});
  EXPECT_EQ(app.screen(), Screen::result);
  EXPECT_EQ(attempt_row(), "1 1");
}

TEST_F(PracticeTest, ATimedTestCannotBeEndedThatWay) {
  App app(data);
  begin(app, Act::timed_test);
  ASSERT_EQ(app.screen(), Screen::question);
  app.apply({Act::end_practice});
  EXPECT_EQ(app.screen(), Screen::question);
  EXPECT_EQ(attempt_row(), "0 0") << "the test goes on";
}

TEST_F(PracticeTest, TheFeedbackShowsTheWorkersAnswerBesideTheCorrectOne) {
  App app(data);
  begin(app);
  const Question* q = app.question_on_screen();
  ASSERT_TRUE(q);
  const int wrong = (q->correct.at(0) + 1) % 3;
  answer(app, wrong);
  ASSERT_EQ(app.screen(), Screen::feedback);
  const ui::FeedbackView v = app.feedback_view();
  EXPECT_FALSE(v.correct);
  EXPECT_EQ(v.your_answer, std::string(1, static_cast<char>('A' + wrong)) + "、" + q->options.at(static_cast<std::size_t>(wrong)));
  EXPECT_EQ(v.correct_answer, std::string(1, static_cast<char>('A' + q->correct.at(0))) + "、" +
                                  q->options.at(static_cast<std::size_t>(q->correct.at(0))));
}

TEST_F(PracticeTest, AResumedFeedbackStillShowsTheWorkersAnswer) {
  std::string before;
  {
    App app(data);
    begin(app);
    answer(app, 0);
    ASSERT_EQ(app.screen(), Screen::feedback);
    before = app.feedback_view().your_answer;
  }
  App again(data);  // a power cut on the feedback screen
  again.set_time(1'002'000, 500);
  ASSERT_EQ(again.screen(), Screen::feedback);
  EXPECT_EQ(again.feedback_view().your_answer, before);
  EXPECT_NE(before, ui::tr(ui::S::no_answer));
}

}  // namespace
}  // namespace ankang::testing
