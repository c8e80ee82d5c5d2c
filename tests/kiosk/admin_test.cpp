// The admin screen's own state on its own: the PIN pad, the lock-out kept in
// the store, and the settings only an unlocked admin changes.
#include <gtest/gtest.h>

#include "kiosk/admin.h"
#include "kiosk_fixture.h"
#include "ui/strings.h"

namespace ankang::testing {
namespace {

using kiosk::Admin;
using ui::Act;

constexpr std::int64_t kNow = 1'780'000'000'000;

class AdminTest : public KioskDirTest {
 protected:
  void SetUp() override {
    KioskDirTest::SetUp();
    store = std::make_unique<kiosk::Store>(kiosk::Store::open(path("kiosk.db")));
    store->set_setting("pin_hash", kiosk::hash_pin(kiosk::kDefaultPin));
  }
  static void enter(Admin& a, const std::string& pin, std::int64_t at = kNow) {
    for (char c : pin) a.apply({Act::pin_digit, c - '0'}, at);
    a.apply({Act::pin_submit}, at);
  }
  std::unique_ptr<kiosk::Store> store;
};

TEST_F(AdminTest, SettingsNeedThePin) {
  Admin a(*store);
  a.apply({Act::admin_idle_timeout, 300}, kNow);
  EXPECT_EQ(a.idle_timeout_s(), 90) << "locked: nothing changes";
  EXPECT_FALSE(store->setting("idle_timeout_s"));
  enter(a, kiosk::kDefaultPin);
  ASSERT_TRUE(a.unlocked());
  a.apply({Act::admin_idle_timeout, 5000}, kNow);
  a.apply({Act::admin_font_scale, 120}, kNow);
  EXPECT_EQ(a.idle_timeout_s(), 600) << "at most ten minutes";
  EXPECT_EQ(Admin(*store).idle_timeout_s(), 600) << "kept in the store";
  EXPECT_EQ(Admin(*store).font_scale_pct(), 120);
  a.close();
  EXPECT_FALSE(a.unlocked());
}

TEST_F(AdminTest, WrongPinsLockOutAcrossARestart) {
  {
    Admin a(*store);
    for (int i = 0; i < kiosk::kFreeTries; ++i) enter(a, "1111");
    EXPECT_FALSE(a.unlocked());
    EXPECT_EQ(a.view(kNow).pin_error, ui::tr(ui::S::pin_wrong));
    EXPECT_EQ(a.lock_ms(kNow), 30000);
  }
  Admin again(*store);
  EXPECT_EQ(again.view(kNow).lock_seconds, 30);
  enter(again, kiosk::kDefaultPin);
  EXPECT_FALSE(again.unlocked()) << "not even the right PIN while locked out";
  EXPECT_TRUE(again.view(kNow).pin_entry.empty()) << "no digits are typed while locked";
  enter(again, kiosk::kDefaultPin, kNow + 30000);
  EXPECT_TRUE(again.unlocked());
  EXPECT_EQ(again.lock_ms(kNow + 30000), 0);
}

TEST_F(AdminTest, ANewPinMustBeFourToTwelveDigits) {
  Admin a(*store);
  enter(a, kiosk::kDefaultPin);
  a.apply({Act::admin_set_new_pin, 0, "12"}, kNow);
  EXPECT_EQ(a.view(kNow).new_pin, "12");
  a.apply({Act::admin_change_pin, 0, "12"}, kNow);
  EXPECT_EQ(a.message(), ui::tr(ui::S::new_pin));
  a.apply({Act::admin_change_pin, 0, "135790"}, kNow);
  EXPECT_NE(a.message().find("✓"), std::string::npos) << a.message();
  EXPECT_TRUE(a.view(kNow).new_pin.empty());
  Admin again(*store);
  enter(again, kiosk::kDefaultPin);
  EXPECT_FALSE(again.unlocked()) << "the old PIN no longer opens";
  again.open();
  enter(again, "135790");
  EXPECT_TRUE(again.unlocked());
}

}  // namespace
}  // namespace ankang::testing
