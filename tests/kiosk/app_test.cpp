// The kiosk's state machine without a window: sign-in, idle timeout, the
// admin PIN and its lock-out, resuming an attempt on restart.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>

#include "kiosk/admin_pin.h"
#include "kiosk/app.h"
#include "kiosk_fixture.h"
#include "question_bank/bank.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;
using ui::Act;

class AppTest : public KioskDirTest {
 protected:
  void SetUp() override {
    KioskDirTest::SetUp();
    data = path("data");  // the kiosk creates its data directory itself
  }

  std::string data;  // the kiosk's data directory, inside the test's own
};

TEST_F(AppTest, FirstStartCreatesTheDataDirectory) {
  App app(data);
  for (const char* f : {"kiosk.db", "bank.db", "device.key", "device.pub"})
    EXPECT_TRUE(std::filesystem::exists(data + "/" + f)) << f;
  EXPECT_EQ(app.screen(), Screen::attract);
}

TEST_F(AppTest, SignInThenIdleTimeoutSignsOut) {
  App app(data);
  app.set_time(1'000'000, 1000);
  sign_in(app, "1001", "王芳");
  EXPECT_EQ(app.screen(), Screen::mode);
  app.apply({Act::timed_test});
  EXPECT_EQ(app.screen(), Screen::question);
  app.set_time(1'060'000, 61'000);
  app.tick();
  EXPECT_EQ(app.screen(), Screen::question) << "60 s is within the 90 s default";
  app.set_time(1'092'000, 93'000);
  app.tick();
  EXPECT_EQ(app.screen(), Screen::attract);
}

TEST_F(AppTest, TheLeaderboardOpensFromAttractAndModeAndGoesBack) {
  App app(data);
  app.set_time(1'000'000, 1000);
  app.apply({Act::leaderboard});
  EXPECT_EQ(app.screen(), Screen::leaderboard);
  app.apply({Act::leaderboard_close});
  EXPECT_EQ(app.screen(), Screen::attract);
  sign_in(app, "1001", "王芳");
  ASSERT_EQ(app.screen(), Screen::mode);
  app.apply({Act::leaderboard});
  EXPECT_EQ(app.screen(), Screen::leaderboard);
  app.apply({Act::leaderboard_close});
  EXPECT_EQ(app.screen(), Screen::mode) << "still signed in";
  // Left open, it times out like any worker screen.
  app.apply({Act::leaderboard});
  app.set_time(1'100'000, 101'000);
  app.tick();
  EXPECT_EQ(app.screen(), Screen::attract);
}

TEST_F(AppTest, AnOpenAttemptResumesOnRestartWithoutSigningIn) {
  {
    App app(data);
    app.set_time(1'000'000, 1000);
    sign_in(app, "1002", "李明");
    app.apply({Act::timed_test});
    ASSERT_EQ(app.screen(), Screen::question);
  }  // destroyed without signing out: a crash
  App again(data);
  EXPECT_EQ(again.screen(), Screen::question);
}

TEST_F(AppTest, AdminPinLocksOutAfterFiveWrongTries) {
  App app(data);
  app.set_time(5'000'000, 1000);
  app.apply({Act::admin_open});
  ASSERT_EQ(app.screen(), Screen::admin);
  for (int i = 0; i < kFreeTries; ++i) {
    app.typed("1111");
    app.enter_pressed();
  }
  // Locked now: even the right PIN is not tried.
  app.typed(kDefaultPin);
  app.enter_pressed();
  app.apply({Act::admin_exit});
  EXPECT_TRUE(app.running()) << "exit needs the unlocked admin screen";
  // After the lock-out the right PIN opens it, and exit works.
  app.set_time(5'031'000, 32'000);
  app.typed(kDefaultPin);
  app.enter_pressed();
  app.apply({Act::admin_exit});
  EXPECT_FALSE(app.running());
}

TEST_F(AppTest, AnAnswerTheStoreRefusesIsNotShownAsSaved) {
  App app(data);
  app.set_time(1'000'000, 1000);
  sign_in(app, "1001", "王芳");
  app.apply({Act::timed_test});
  ASSERT_EQ(app.screen(), Screen::question);
  auto answer = [&] {
    ui::Intent pick{Act::toggle_option, 0};
    pick.question_id = app.draft_question();
    app.apply(pick);
    ui::Intent submit{Act::submit};
    submit.question_id = app.draft_question();
    app.apply(submit);
  };
  answer();
  EXPECT_TRUE(app.answer_saved());
  app.apply({Act::next});
  ASSERT_EQ(app.screen(), Screen::question);
  // The disk refuses from now on.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((data + "/kiosk.db").c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TRIGGER refuse BEFORE INSERT ON intents BEGIN SELECT RAISE(ABORT, 'disk full'); END", nullptr,
               nullptr, nullptr);
  sqlite3_close(db);
  answer();
  EXPECT_FALSE(app.answer_saved());
  EXPECT_EQ(app.screen(), Screen::question) << "the worker may answer again";
}

TEST_F(AppTest, ABadFolderChangesNothing) {
  App app(data);
  app.set_time(1'000'000, 1000);
  app.apply({Act::admin_open});
  app.typed(kDefaultPin);
  app.enter_pressed();
  const std::string bad = data + "/usb";
  std::filesystem::create_directories(bad);
  {
    std::FILE* f = std::fopen((bad + "/bank.csv").c_str(), "wb");
    std::fputs("这不是题库\n\"\n", f);
    std::fclose(f);
  }
  const int before = bank::Bank::open(data + "/bank.db").count(true);
  ASSERT_GT(before, 0);
  app.apply({Act::admin_load_folder, 0, bad});
  app.apply({Act::admin_load_folder, 0, data + "/no-such-folder"});
  EXPECT_TRUE(app.running());
  EXPECT_EQ(bank::Bank::open(data + "/bank.db").count(true), before);

}

}  // namespace
}  // namespace ankang::testing
