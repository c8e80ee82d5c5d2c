// 城市汇总 as the two sides use it: units export signed roll-ups (with their
// public key beside them) onto a stick; the city registers both units
// through the browser, imports the stick, and sees the enterprise both
// registered as 重复报名 naming both; a tampered or unregistered roll-up is
// refused with its reason and changes nothing; last year's table becomes
// the baseline, its problems located.
#include <cstdlib>
#include <ctime>
#include <fstream>

#include "organiser/rollup.h"
#include "results/baseline.h"
#include "results/codec.h"
#include "results/keys.h"
#include "results/rollup.h"
#include "results/simulate.h"
#include "results/store.h"
#include "tests/console/headless.h"
#include "ui/fonts.h"

namespace ankang::test {
namespace {

namespace fs = std::filesystem;
using console_ui::PageId;

constexpr std::int64_t kExportedAt = 1785000000000;  // 2026-07-26 01:20 China time

// A unit's simulated year in its own store: its enterprises all registered
// with `unit`, every bundle imported.
results::Simulation fill_unit(results::OrganiserStore& store, std::uint64_t seed, const std::string& unit,
                              const std::string& affiliation) {
  results::SimulationOptions o;
  o.enterprises = 4;
  o.kiosks = 1;
  o.workers = 30;
  o.seed = seed;
  o.questions_per_paper = 6;
  o.attempts_per_bundle = 4;
  o.contest_id = "ankang-" + std::to_string(seed);
  auto sim = results::simulate(o);
  for (auto& e : sim.enterprises) {
    e.unit = unit;
    e.affiliation = affiliation;
  }
  for (const auto& k : sim.kiosks) store.add_device(k.public_key, "");
  for (const auto& e : sim.enterprises) store.add_enterprise(e, o.year);
  for (const auto& b : sim.bundles) store.import_bundle(b.bytes, b.name);
  return sim;
}

std::int64_t scalar(results::OrganiserStore& store, const std::string& sql) {
  auto s = store.db().prepare(sql);
  s.step();
  return s.int64(0);
}

results::KeyPair key_from_byte(std::uint8_t b) {
  std::array<std::uint8_t, 32> seed{};
  seed.fill(b);
  return results::key_pair_from_seed(seed);
}

// Two units, 鼓楼区总工会 and 市建设工会, each with its store and key; the
// first enterprise of 鼓楼区 is registered by 市建设工会 too. Their roll-ups
// and public keys are written to a USB stick, STICK, through the same
// organiser function the page's unit side calls.
struct RollupPageTest : ::testing::Test {
  Headless h{"rollup"};
  std::string media = h.dir() + "/media";
  std::string stick = media + "/STICK";
  results::KeyPair key_a = key_from_byte(0xA1), key_b = key_from_byte(0xB2);
  std::int64_t answers_a = 0, answers_b = 0;
  std::string shared_uscc, shared_name;

  void SetUp() override {
    fs::create_directories(stick);
    setenv("ANKANG_MEDIA_ROOTS", media.c_str(), 1);
    const std::string units = h.dir() + "/units";
    fs::create_directories(units + "/a");
    fs::create_directories(units + "/b");
    results::write_key_pair(units + "/a/organiser", key_a);
    results::write_key_pair(units + "/b/organiser", key_b);
    results::OrganiserStore a(units + "/a/organiser.db"), b(units + "/b/organiser.db");
    const auto sim_a = fill_unit(a, 11, "鼓楼区总工会", "district");
    fill_unit(b, 12, "市建设工会", "industry");
    auto again = sim_a.enterprises.front();
    shared_uscc = again.uscc;
    shared_name = again.name;
    again.unit = "市建设工会";
    again.affiliation = "industry";
    b.add_enterprise(again, 2026);
    answers_a = scalar(a, "SELECT count(*) FROM answers");
    answers_b = scalar(b, "SELECT count(*) FROM answers");
    ASSERT_GT(answers_a, 0);
    ASSERT_GT(answers_b, 0);
    organiser::export_unit_rollup(a, units + "/a/organiser", stick, "鼓楼区总工会", kExportedAt);
    organiser::export_unit_rollup(b, units + "/b/organiser", stick, "市建设工会", kExportedAt + 1000);
    h.app().go(PageId::rollup);
    h.frames(2);
  }
  void TearDown() override { unsetenv("ANKANG_MEDIA_ROOTS"); }

  // The city registers a unit: its organiser.pub picked on the stick, its name typed.
  void register_unit(const std::string& name, const results::KeyPair& key) {
    h.click("市总工会汇总");
    h.click("登记组织单位…");
    h.click(name + ".organiser.pub");
    h.click("打开所选文件");
    EXPECT_TRUE(h.shows(results::fingerprint(key.public_key))) << h.all_texts();
    h.click("##register_label");
    h.type(name);
    h.click("登记该单位");
    EXPECT_TRUE(h.shows("已登记组织单位 " + name)) << h.all_texts();
  }
  void import_stick() {
    h.click("市总工会汇总");
    h.click("导入汇总文件");
    h.click("选择这个文件夹");
  }
  std::int64_t city(const std::string& sql) {
    results::OrganiserStore store(h.workspace().organiser_db());
    return scalar(store, sql);
  }
};

TEST_F(RollupPageTest, TheCityImportsBothUnitsAndSeesTheEnterpriseBothRegistered) {
  register_unit("鼓楼区总工会", key_a);
  register_unit("市建设工会", key_b);
  import_stick();
  EXPECT_TRUE(h.shows("导入 2 个，已导入过 0 个，拒绝 0 个")) << h.all_texts();
  EXPECT_TRUE(h.shows("鼓楼区总工会.ankr"));
  EXPECT_TRUE(h.shows("市建设工会.ankr"));
  EXPECT_TRUE(h.shows("重复报名（1）")) << h.all_texts();
  // The 重复报名 table names the enterprise and both units, one row each.
  EXPECT_TRUE(h.shows(shared_uscc)) << h.all_texts();
  EXPECT_TRUE(h.shows(shared_name));
  EXPECT_TRUE(h.shows("鼓楼区总工会（鼓楼区总工会 · " + results::fingerprint(key_a.public_key) + "）")) << h.all_texts();
  EXPECT_TRUE(h.shows("市建设工会（市建设工会 · " + results::fingerprint(key_b.public_key) + "）")) << h.all_texts();
  EXPECT_TRUE(h.shows("不计入"));

  // The city's store holds both units' results and both roll-ups.
  EXPECT_EQ(city("SELECT count(*) FROM answers"), answers_a + answers_b);
  EXPECT_EQ(city("SELECT count(*) FROM rollups"), 2);
  {
    results::OrganiserStore store(h.workspace().organiser_db());
    const auto dups = store.duplicate_registrations();
    ASSERT_EQ(dups.size(), 1u);
    EXPECT_EQ(dups[0].uscc, shared_uscc);
    const auto units = store.units();
    ASSERT_EQ(units.size(), 2u);
    for (const auto& u : units) EXPECT_EQ(u.rollups, 1) << u.label;
  }

  // The list of units says what each sent.
  h.frames(2);
  EXPECT_TRUE(h.shows("2026-07-26")) << h.all_texts();  // each unit's newest export

  // The same stick again changes nothing.
  import_stick();
  EXPECT_TRUE(h.shows("导入 0 个，已导入过 2 个，拒绝 0 个")) << h.all_texts();
  EXPECT_TRUE(h.shows("已导入过"));
  EXPECT_EQ(city("SELECT count(*) FROM answers"), answers_a + answers_b);
}

TEST_F(RollupPageTest, ATamperedOrUnregisteredRollupIsRefusedWithItsReasonAndChangesNothing) {
  register_unit("鼓楼区总工会", key_a);  // 市建设工会 is not registered
  auto bytes = results::read_file(stick + "/鼓楼区总工会.ankr", results::kMaxRollupBytes);
  bytes[bytes.size() / 2] ^= 0x01;
  results::write_file_atomic(stick + "/鼓楼区总工会.ankr", bytes);
  const auto before_units = city("SELECT count(*) FROM units");

  import_stick();
  EXPECT_TRUE(h.shows("导入 0 个，已导入过 0 个，拒绝 2 个")) << h.all_texts();
  EXPECT_TRUE(h.shows("签名无效")) << h.all_texts();
  EXPECT_TRUE(h.shows("未登记的组织单位密钥（指纹 " + results::fingerprint(key_b.public_key) + "）：请先用“登记组织单位…”登记"))
      << h.all_texts();
  EXPECT_TRUE(h.shows("拒绝"));
  EXPECT_EQ(city("SELECT count(*) FROM answers"), 0);
  EXPECT_EQ(city("SELECT count(*) FROM rollups"), 0);
  EXPECT_EQ(city("SELECT count(*) FROM registrations"), 0);
  EXPECT_EQ(city("SELECT count(*) FROM units"), before_units);
  EXPECT_TRUE(h.shows("重复报名（0）"));
}

TEST_F(RollupPageTest, AStickWithoutRollupsSaysSo) {
  fs::remove(stick + "/鼓楼区总工会.ankr");
  fs::remove(stick + "/市建设工会.ankr");
  import_stick();
  EXPECT_TRUE(h.shows("这个文件夹里没有汇总文件（.ankr）")) << h.all_texts();
}

TEST_F(RollupPageTest, TheUnitSideWritesItsSignedRollupAndPublicKeyOntoTheStick) {
  // This workspace is a unit with one registered enterprise of its own.
  {
    results::OrganiserStore store(h.workspace().organiser_db());
    fill_unit(store, 21, "仓山区总工会", "district");
  }
  const std::string out = media + "/OUT";
  fs::create_directories(out);
  h.click("本单位上报");
  EXPECT_TRUE(h.shows("第一次导出时会生成本单位的组织单位密钥"));
  h.click("##unit_name");
  h.type("仓山区总工会");
  h.click("导出本单位汇总文件");
  h.click("U盘 OUT");  // the other stick
  h.click("选择这个文件夹");
  ASSERT_TRUE(fs::exists(out + "/仓山区总工会.ankr")) << h.all_texts();
  ASSERT_TRUE(fs::exists(out + "/仓山区总工会.organiser.pub"));
  const auto key = results::read_public_key(out + "/仓山区总工会.organiser.pub");
  EXPECT_EQ(key, results::read_key_pair(h.workspace().key_stem()).public_key);
  const auto rollup = results::read_rollup_file(out + "/仓山区总工会.ankr", [&](const results::PublicKey& k) { return k == key; });
  EXPECT_EQ(rollup.header.enterprise_count, 4u);
  EXPECT_GT(rollup.header.answer_count, 0u);
  EXPECT_TRUE(h.shows("已写入 仓山区总工会.ankr：4 家报名企业")) << h.all_texts();
  EXPECT_TRUE(h.shows(std::to_string(rollup.header.answer_count) + " 条答题记录"));
  EXPECT_TRUE(h.shows(results::fingerprint(key))) << h.all_texts();
  // The name is kept in the workspace: the next export needs no typing.
  EXPECT_EQ(h.workspace().unit_name(), "仓山区总工会");
}

// A workspace that exported before: its unit name is filled in, the export
// needs no typing.
TEST(RollupPage, TheUnitNameOfTheLastExportIsFilledIn) {
  Headless h("rollup-name");
  const std::string media = h.dir() + "/media", out = media + "/OUT";
  fs::create_directories(out);
  setenv("ANKANG_MEDIA_ROOTS", media.c_str(), 1);
  h.workspace().set_unit_name("仓山区总工会");
  {
    results::OrganiserStore store(h.workspace().organiser_db());
    fill_unit(store, 21, "仓山区总工会", "district");
  }
  h.app().go(PageId::rollup);
  h.click("本单位上报");
  EXPECT_FALSE(h.shows("先填写本单位名称")) << h.all_texts();
  h.click("导出本单位汇总文件");
  h.click("U盘 OUT");
  h.click("选择这个文件夹");
  EXPECT_TRUE(fs::exists(out + "/仓山区总工会.ankr")) << h.all_texts();
  unsetenv("ANKANG_MEDIA_ROOTS");
}

TEST_F(RollupPageTest, EveryTextOfTheCitySideHasItsGlyphsInBothLanguages) {
  register_unit("鼓楼区总工会", key_a);
  register_unit("市建设工会", key_b);
  import_stick();
  h.frames(2);
  for (const auto& t : console_ui::recorded_texts()) EXPECT_TRUE(ui::font_covers(console_ui::console_fonts().body, t)) << t;
  h.click("English");
  h.frames(2);
  EXPECT_TRUE(h.shows("City roll-up")) << h.all_texts();
  EXPECT_TRUE(h.shows("2 imported, 0 imported before, 0 refused")) << h.all_texts();
  EXPECT_TRUE(h.shows("Registered twice (1)"));
  EXPECT_TRUE(h.shows("not counted"));
  for (const auto& t : console_ui::recorded_texts()) EXPECT_TRUE(ui::font_covers(console_ui::console_fonts().body, t)) << t;
  h.click("中文");
}

TEST(RollupPage, AStoreThatCannotBeReadStillOpensThePageAndSaysWhy) {
  Headless h("rollup-broken");
  std::ofstream(h.workspace().organiser_db(), std::ios::binary) << std::string(8192, 'x');
  h.app().go(PageId::rollup);
  h.frames(3);
  EXPECT_FALSE(h.shows("正在读取……")) << h.all_texts();
  EXPECT_NE(h.find("导出本单位汇总文件"), nullptr) << h.all_texts();
  const auto texts = h.all_texts();
  EXPECT_TRUE(texts.find("organiser.db") != std::string::npos || texts.find("数据库") != std::string::npos) << texts;
}

int page_last_year() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_year + 1900 - 1;
}

TEST_F(RollupPageTest, LastYearsTableBecomesTheBaselineAndItsProblemsAreLocated) {
  const int year = page_last_year();
  std::ofstream(stick + "/bad.csv") << "组织单位,企业名称,参赛人数,答题人次\n鼓楼区总工会,甲公司,x,3\n";
  std::ofstream(stick + "/汇总表.csv")
      << "组织单位,企业名称,统一社会信用代码,归属,职工人数,参赛人数,参与率,班组数,答题人次\n"
         "鼓楼区总工会,甲公司,91350100M000100Y43,属地,\"1,200\",300,25.0%,3,\"1,500\"\n"
         "鼓楼区总工会,合计,,,\"1,200\",300,25.0%,3,1500\n"
         "市建设工会,丙公司,91440300708461136T,产业,50,40,80.0%,2,45\n"
         "市建设工会,合计,,,50,40,80.0%,2,45\n"
         ",总计,,,1250,340,27.2%,5,1545\n";
  h.click("去年基线");
  h.click("导入去年的参赛企业汇总表…");
  h.click("bad.csv");
  h.click("打开所选文件");
  EXPECT_TRUE(h.shows("bad.csv：1 处错误，未导入基线")) << h.all_texts();
  EXPECT_TRUE(h.shows("2:3")) << h.all_texts();
  EXPECT_TRUE(h.shows("参赛人数"));
  {
    results::OrganiserStore store(h.workspace().organiser_db());
    EXPECT_TRUE(results::baseline_years(store).empty());
  }

  h.click("导入去年的参赛企业汇总表…");
  h.click("汇总表.csv");
  h.click("打开所选文件");
  EXPECT_TRUE(h.shows("已导入基线 " + std::to_string(year) + " 年：2 个组织单位，2 家参赛企业，340 名参赛职工，1545 答题人次"))
      << h.all_texts();
  {
    results::OrganiserStore store(h.workspace().organiser_db());
    const auto b = results::stored_baseline(store, year);
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(b->overall.participants, 340);
    EXPECT_EQ(b->overall.attempts, 1545);
    ASSERT_EQ(b->units.size(), 2u);
    EXPECT_EQ(b->units[0].unit, "鼓楼区总工会");
  }
  h.frames(2);  // the stored years are listed
  EXPECT_TRUE(h.shows(std::to_string(year) + " 年：2 个组织单位")) << h.all_texts();
}

}  // namespace
}  // namespace ankang::test
