// Every host input plays its sound: the host screen's 正确/错误 buttons, the
// shortcut keys, the buzzers and a timer that runs out all leave their cue
// with the kiosk, which the main loop plays.
#include <gtest/gtest.h>

#include "kiosk/app.h"
#include "kiosk/admin_pin.h"
#include "kiosk/host_input.h"
#include "kiosk_fixture.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;
using ui::Act;

SDL_Event key_down(SDL_Keycode key) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = key;
  return e;
}

class HostCueTest : public KioskDirTest {
 protected:
  void SetUp() override {
    KioskDirTest::SetUp();
    app = std::make_unique<App>(path("data"));
    at(1000);
    app->apply({Act::admin_open});
    app->typed(kDefaultPin);
    app->enter_pressed();
    app->apply({Act::admin_host_mode});
    ASSERT_EQ(app->screen(), Screen::host) << app->admin_message();
    EXPECT_TRUE(app->take_cues().empty()) << "nothing sounds before the host acts";
  }

  void at(std::int64_t steady_ms) {
    now = steady_ms;
    app->set_time(1'780'000'000'000 + steady_ms, steady_ms);
  }
  ui::HostView view() const { return app->host().view(now); }

  // The next question of the compulsory round, a team to judge.
  void next_question() {
    at(now + 1000);
    app->apply({Act::host_next});
    ASSERT_TRUE(view().can_judge) << view().round_name;
  }

  std::unique_ptr<App> app;
  std::int64_t now = 0;
};

TEST_F(HostCueTest, TheScreensRightAndWrongButtonsSound) {
  next_question();
  app->apply({Act::host_right});
  EXPECT_EQ(app->take_cues(), std::vector<Cue>{Cue::right});
  next_question();
  app->apply({Act::host_wrong});
  EXPECT_EQ(app->take_cues(), std::vector<Cue>{Cue::wrong});
  EXPECT_TRUE(app->take_cues().empty()) << "a cue is played once";
}

TEST_F(HostCueTest, TheShortcutKeysSoundAsTheButtonsDo) {
  EXPECT_EQ(host_shortcut(SDLK_y), Act::host_right);
  EXPECT_EQ(host_shortcut(SDLK_n), Act::host_wrong);
  EXPECT_EQ(host_shortcut(SDLK_a), std::nullopt);
  next_question();
  app->apply({*host_shortcut(SDLK_y)});
  EXPECT_EQ(app->take_cues(), std::vector<Cue>{Cue::right});
  at(now + 1000);
  app->apply({*host_shortcut(SDLK_RIGHT)});
  ASSERT_TRUE(view().can_judge);
  app->apply({*host_shortcut(SDLK_n)});
  EXPECT_EQ(app->take_cues(), std::vector<Cue>{Cue::wrong});
}

TEST_F(HostCueTest, TheAnswerTimeRunningOutSounds) {
  next_question();
  const int left = view().remaining_ms;
  ASSERT_GT(left, 0);
  at(now + left - 1);
  app->tick();
  EXPECT_TRUE(app->take_cues().empty()) << "not yet";
  at(now + 2);
  app->tick();
  EXPECT_EQ(app->take_cues(), std::vector<Cue>{Cue::time_up});
}

// The compulsory round is judged through; in the buzzer round a buzzer (a
// key or a game controller) sounds once the tie window has closed.
TEST_F(HostCueTest, ABuzzerSounds) {
  for (int step = 0; step < 100 && !view().can_open; ++step) {
    at(now + 1000);
    if (view().can_judge)
      app->apply({Act::host_right});
    else
      app->apply({Act::host_next});
  }
  ASSERT_TRUE(view().can_open) << view().round_name;
  app->take_cues();
  EXPECT_EQ(buzzer_team(key_down(SDLK_2)), 1);
  EXPECT_EQ(buzzer_team(key_down(SDLK_a)), -1);

  at(now + 1000);
  app->apply({*host_shortcut(SDLK_SPACE)});
  app->buzz(buzzer_team(key_down(SDLK_2)), now + 10);
  at(now + 500);
  app->tick();
  EXPECT_EQ(app->take_cues(), std::vector<Cue>{Cue::buzz});
  EXPECT_EQ(view().turn, 1) << "team 二班 buzzed";
  app->apply({Act::host_wrong});
  EXPECT_EQ(app->take_cues(), std::vector<Cue>{Cue::wrong});

  // The next buzzer question, from a game controller this time.
  at(now + 1000);
  app->apply({Act::host_next});
  ASSERT_TRUE(view().can_open);
  app->apply({Act::host_start_timer});
  SDL_Event pad{};
  pad.type = SDL_CONTROLLERBUTTONDOWN;
  pad.cbutton.which = 0;
  app->buzz(buzzer_team(pad), now + 10);
  at(now + 500);
  app->tick();
  EXPECT_EQ(app->take_cues(), std::vector<Cue>{Cue::buzz});
  EXPECT_EQ(view().turn, 0);
}

TEST_F(HostCueTest, ABuzzerOutsideHostModeIsNothing) {
  app->apply({Act::host_exit});
  ASSERT_EQ(app->screen(), Screen::attract);
  app->buzz(0, now + 10);
  at(now + 500);
  app->tick();
  EXPECT_TRUE(app->take_cues().empty());
}

}  // namespace
}  // namespace ankang::testing
