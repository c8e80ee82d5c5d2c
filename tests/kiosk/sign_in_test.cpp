// The sign-in form on its own: picking, typing, and who it signs in.
#include <gtest/gtest.h>

#include "kiosk/sign_in.h"
#include "kiosk_fixture.h"
#include "ui/strings.h"

namespace ankang::testing {
namespace {

using kiosk::SignIn;
using ui::Act;

class SignInTest : public KioskDirTest {
 protected:
  void SetUp() override {
    KioskDirTest::SetUp();
    seeded = std::make_unique<SeededStore>(path("kiosk.db"));
    form = std::make_unique<SignIn>(seeded->store);
    form->roster_changed();
  }
  void type(const std::string& digits) {
    for (char c : digits) form->apply({Act::key_digit, c - '0'});
  }
  std::unique_ptr<SeededStore> seeded;
  std::unique_ptr<SignIn> form;
};

TEST_F(SignInTest, NothingPickedSaysWhatIsMissing) {
  EXPECT_FALSE(form->sign_in(100));
  EXPECT_EQ(form->view().error, ui::tr(ui::S::choose_enterprise_team));
  form->apply({Act::pick_enterprise, 5});
  EXPECT_EQ(form->view().enterprise, -1) << "no such enterprise";
}

TEST_F(SignInTest, AKnownNumberSignsInItsWorker) {
  form->apply({Act::pick_enterprise, 0});
  EXPECT_EQ(form->view().teams, std::vector<std::string>{"一班"});
  form->apply({Act::pick_team, 0});
  type("1001");
  EXPECT_FALSE(form->view().first_time) << "王芳 is known: no name asked";
  const auto worker = form->sign_in(100);
  ASSERT_TRUE(worker);
  EXPECT_EQ(worker->id, seeded->worker.id);
  EXPECT_EQ(worker->name, "王芳");
}

TEST_F(SignInTest, ANewNumberNeedsAName) {
  form->apply({Act::pick_enterprise, 0});
  form->apply({Act::pick_team, 0});
  type("10029");
  form->apply({Act::key_backspace});
  EXPECT_EQ(form->view().employee_no, "1002");
  EXPECT_TRUE(form->view().first_time);
  EXPECT_FALSE(form->sign_in(100));
  EXPECT_EQ(form->view().error, ui::tr(ui::S::enter_name));
  form->apply({Act::set_name, 0, "李强"});
  const auto worker = form->sign_in(100);
  ASSERT_TRUE(worker);
  EXPECT_EQ(worker->name, "李强");
  EXPECT_EQ(seeded->store.find_worker(seeded->enterprise, "1002")->id, worker->id) << "stored";
}

TEST_F(SignInTest, ClearEmptiesTheFormButKeepsTheRoster) {
  form->apply({Act::pick_enterprise, 0});
  form->apply({Act::page_teams, 2});
  type("1001");
  form->clear();
  const ui::SignInView v = form->view();
  EXPECT_EQ(v.enterprise, -1);
  EXPECT_EQ(v.team_page, 0);
  EXPECT_TRUE(v.employee_no.empty());
  EXPECT_TRUE(v.teams.empty());
  EXPECT_EQ(v.enterprises, std::vector<std::string>{"甲公司"});
}

}  // namespace
}  // namespace ankang::testing
