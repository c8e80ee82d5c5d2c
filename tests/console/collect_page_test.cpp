// 收集成绩: a kiosk registered from its key file on the stick, then every
// bundle on the stick verified: the registered kiosk's imported, the others
// refused with the reason, and a second collection adds nothing.
#include "results/simulate.h"
#include "results/store.h"
#include "tests/console/headless.h"
#include "tests/console/stick.h"

namespace ankang::test {
namespace {

class CollectPage : public ::testing::Test {
 protected:
  Headless h{"collect"};
  std::string stick = make_stick(h.dir());
  results::Simulation sim;

  void SetUp() override {
    results::SimulationOptions o;
    o.enterprises = 4, o.kiosks = 2, o.workers = 40, o.attempts_per_bundle = 5;
    sim = results::simulate(o);
    results::write_simulation(sim, stick);
    h.app().go(console_ui::PageId::collect);
    h.frame();
  }
  results::StoreCounts counts() {
    results::OrganiserStore store(h.workspace().organiser_db());
    return store.counts();
  }
  void register_first_kiosk() {
    h.click("登记答题终端");
    h.click("devices");
    h.click("kiosk-001.pub");
    h.click("打开所选文件");
    ASSERT_TRUE(h.shows(results::fingerprint(sim.kiosks[0].public_key))) << h.all_texts();
    h.click("指纹一致，登记");
  }
  void collect_stick() {
    h.click("从 U 盘或文件夹收集成绩");
    h.click("选择这个文件夹");
  }
};

TEST_F(CollectPage, AKioskIsRegisteredFromItsKeyFileAfterItsFingerprintIsShown) {
  register_first_kiosk();
  results::OrganiserStore store(h.workspace().organiser_db());
  const auto devices = store.devices();
  ASSERT_EQ(devices.size(), 1u);
  EXPECT_EQ(devices[0].fingerprint, results::fingerprint(sim.kiosks[0].public_key));
  EXPECT_EQ(devices[0].label, "kiosk-001");
  h.frames(2);
  EXPECT_TRUE(h.shows("kiosk-001"));
}

TEST_F(CollectPage, OnlyTheRegisteredKiosksBundlesAreImportedAndEachRefusalSaysWhy) {
  register_first_kiosk();
  collect_stick();
  std::size_t first = 0, second = 0;
  for (const auto& b : sim.bundles) (b.name.rfind("kiosk-001-", 0) == 0 ? first : second) += 1;
  ASSERT_GT(first, 0u);
  ASSERT_GT(second, 0u);
  const auto c = counts();
  EXPECT_EQ(c.bundles, static_cast<long>(first));
  EXPECT_GT(c.answers, 0);
  const auto first_answers = c.answers;
  EXPECT_TRUE(h.shows("拒绝")) << h.all_texts();
  EXPECT_TRUE(h.shows("导入 " + std::to_string(first) + " 个")) << h.all_texts();
  EXPECT_TRUE(h.shows("拒绝 " + std::to_string(second) + " 个"));

  // The same stick again: nothing is counted twice.
  collect_stick();
  EXPECT_EQ(counts().answers, first_answers);
  EXPECT_TRUE(h.shows("此前已导入 " + std::to_string(first) + " 个")) << h.all_texts();
}

TEST_F(CollectPage, AFolderWithoutBundlesSaysSo) {
  h.click("从 U 盘或文件夹收集成绩");
  h.click("devices");
  h.click("选择这个文件夹");
  EXPECT_TRUE(h.shows("没有找到成绩包")) << h.all_texts();
  EXPECT_EQ(counts().bundles, 0);
}

}  // namespace
}  // namespace ankang::test
