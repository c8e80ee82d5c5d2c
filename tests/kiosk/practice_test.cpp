// Practice through the kiosk's state machine: 结束练习 hands the practice in
// at any question.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "kiosk/app.h"
#include "question_bank/bank.h"
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
  app.set_time(1'000'000, 1000);
  sign_in(app, "1001", "王芳");
  app.apply({Act::practice, -1});
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
  app.set_time(1'000'000, 1000);
  sign_in(app, "1001", "王芳");
  app.apply({Act::practice, -1});
  answer(app, 1);
  ASSERT_EQ(app.screen(), Screen::feedback);
  app.apply({Act::end_practice});
  EXPECT_EQ(app.screen(), Screen::result);
  EXPECT_EQ(attempt_row(), "1 1");
}

TEST_F(PracticeTest, ATimedTestCannotBeEndedThatWay) {
  App app(data);
  app.set_time(1'000'000, 1000);
  sign_in(app, "1001", "王芳");
  app.apply({Act::timed_test});
  ASSERT_EQ(app.screen(), Screen::question);
  app.apply({Act::end_practice});
  EXPECT_EQ(app.screen(), Screen::question);
  EXPECT_EQ(attempt_row(), "0 0") << "the test goes on";
}

}  // namespace
}  // namespace ankang::testing
