// 还在吗？ before the idle timeout: the kiosk's state machine on a clock the
// test sets (App::set_time), so seconds pass without waiting.
#include <gtest/gtest.h>

#include "kiosk/app.h"
#include "kiosk_fixture.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;
using ui::Act;

class IdlePrompt : public KioskDirTest {
 protected:
  // Seconds after the last input, on both clocks.
  static void at(App& app, double seconds) {
    const auto ms = static_cast<std::int64_t>(seconds * 1000);
    app.set_time(1'000'000 + ms, 1000 + ms);
  }

  // The seconds 还在吗？ shows once the kiosk's timers ran at `seconds`.
  static int prompt_at(App& app, double seconds) {
    at(app, seconds);
    app.tick();
    return app.idle_prompt_seconds();
  }

  // A sign-in left half done: the enterprise chosen and two digits typed.
  static void half_signed_in(App& app) {
    at(app, 0);
    app.touched();
    app.apply({Act::start});
    app.apply({Act::pick_enterprise, 0});
    app.typed("10");
  }
};

TEST_F(IdlePrompt, ItCountsDownTheLastSecondsThenTheSignInIsWiped) {
  App app(path("data"));
  half_signed_in(app);
  // 90 s by default: nothing for the first 75 s.
  EXPECT_EQ(prompt_at(app, 74.5), 0);
  EXPECT_GT(app.sleep_ms(), 0);
  EXPECT_LE(app.sleep_ms(), 500) << "the loop wakes when the prompt is due";
  at(app, 75.0);
  EXPECT_TRUE(app.tick()) << "the prompt appears: a new frame";
  EXPECT_EQ(app.idle_prompt_seconds(), 15);
  EXPECT_EQ(prompt_at(app, 80.2), 10) << "the countdown moved";
  EXPECT_LE(app.sleep_ms(), 1000) << "woken for each second of the countdown";
  EXPECT_EQ(app.screen(), Screen::sign_in);
  EXPECT_EQ(prompt_at(app, 90.0), 0);
  EXPECT_EQ(app.screen(), Screen::attract);
}

TEST_F(IdlePrompt, StillHereKeepsTheHalfFilledSignIn) {
  App app(path("data"));
  half_signed_in(app);
  ASSERT_EQ(prompt_at(app, 82), 8);
  // A tap beside the box reaches nothing and does not stop the countdown...
  app.touched();
  EXPECT_EQ(prompt_at(app, 83), 7);
  // ...我还在 does: the box goes, the timeout starts again, the digits stay.
  app.apply({Act::still_here});
  EXPECT_EQ(app.idle_prompt_seconds(), 0);
  EXPECT_EQ(prompt_at(app, 83 + 60), 0);
  EXPECT_EQ(app.screen(), Screen::sign_in);
  app.typed("01");
  app.apply({Act::pick_team, 0});
  app.apply({Act::set_name, 0, "王芳"});
  app.enter_pressed();
  EXPECT_EQ(app.screen(), Screen::mode) << "signed in as 1001 with the digits typed before the prompt";
}

TEST_F(IdlePrompt, TheAttractScreenHasNone) {
  App app(path("data"));
  at(app, 0);
  app.touched();
  EXPECT_EQ(prompt_at(app, 200), 0);
  EXPECT_EQ(app.screen(), Screen::attract);
  EXPECT_EQ(app.sleep_ms(), -1) << "an idle attract screen sleeps";
}

}  // namespace
}  // namespace ankang::testing
