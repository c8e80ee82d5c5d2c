// The contest package page as an organiser uses it: choose the rules, see
// them summarized, draw a sample paper, build the signed package onto a USB
// stick, and be sent to the bank when it has too few questions.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "question_bank/formats/format.h"
#include "question_bank/starter_bank.h"
#include "results/keys.h"
#include "results/package.h"
#include "results/store.h"
#include "tests/console/headless.h"
#include "ui/fonts.h"

namespace ankang::test {
namespace {

namespace fs = std::filesystem;
using console_ui::PageId;

// A USB stick under a media root the folder browser lists.
std::string make_stick(const Headless& h) {
  const auto root = h.dir() + "/media";
  fs::create_directories(root + "/STICK");
  setenv("ANKANG_MEDIA_ROOTS", root.c_str(), 1);
  return root + "/STICK";
}

std::size_t seed_starter_bank(Headless& h) {
  auto b = bank::Bank::open(h.workspace().bank_db());
  bank::load_starter_bank(b);
  return static_cast<std::size_t>(b.count());
}

TEST(ContestPage, PreviewsAPaperAndBuildsASignedPackageOntoAStick) {
  Headless h("contest-build");
  const auto questions = seed_starter_bank(h);
  const auto stick = make_stick(h);
  h.app().go(PageId::contest);
  h.frames(2);
  EXPECT_TRUE(h.shows("题库中有 " + std::to_string(questions) + " 道题")) << h.all_texts();

  // The team final's rules, in plain words.
  h.click("2026年安康杯安全知识竞赛 班组决赛（team.json）");
  EXPECT_TRUE(h.shows("班组赛：2 至 12 个班组")) << h.all_texts();
  EXPECT_TRUE(h.shows("抢答题：共 6 题，每题 20 秒"));
  EXPECT_TRUE(h.shows("题目足够 12 个班组参赛"));

  // Back to the individual timed test; a sample paper, then another.
  h.click("个人限时测试（timed_test.json）");
  EXPECT_TRUE(h.shows("试卷 20 题，每题 45 秒，全卷限时 15 分钟")) << h.all_texts();
  h.click("抽题预览");
  EXPECT_TRUE(h.shows("共 20 题")) << h.all_texts();
  EXPECT_TRUE(h.shows("单选题") || h.shows("判断题") || h.shows("多选题"));
  const auto starter = bank::starter_questions();
  auto stems_shown = [&] {
    std::set<std::string> out;
    for (const auto& q : starter)
      if (h.shows(q.stem)) out.insert(q.stem);
    return out;
  };
  const auto first = stems_shown();
  EXPECT_FALSE(first.empty());
  h.click("换一组题");
  EXPECT_TRUE(h.shows("共 20 题"));
  EXPECT_NE(stems_shown(), first);

  // The roster from the stick.
  std::ofstream(stick + "/roster.csv") << "统一社会信用代码,企业名称,班组\n"
                                          "91350100MA2Y00001H,福州港务集团,装卸一班\n"
                                          "91350100MA2Y00002L,闽江化工有限公司,储运班\n"
                                          "91350100MA2Y00001H,福州港务集团,机修班\n";
  h.click("选择名单文件……");
  h.click("roster.csv");
  h.click("打开所选文件");
  // Neither enterprise is registered in the workspace yet: located, refused.
  EXPECT_TRUE(h.shows("尚未报名")) << h.all_texts();
  EXPECT_TRUE(h.shows("闽江化工有限公司"));
  {
    results::OrganiserStore store(h.workspace().organiser_db());
    store.add_enterprise({"91350100MA2Y00001H", "福州港务集团", "industry", "市交通运输工会", 300, true}, results::current_contest_year());
    store.add_enterprise({"91350100MA2Y00002L", "闽江化工有限公司", "district", "鼓楼区总工会", 120, true}, results::current_contest_year());
  }
  h.click("选择名单文件……");
  h.click("roster.csv");
  h.click("打开所选文件");
  EXPECT_TRUE(h.shows("2 家企业，3 个班组")) << h.all_texts();
  EXPECT_FALSE(h.shows("尚未报名"));

  // The package onto the stick, signed with the workspace key.
  h.click("生成竞赛包……");
  h.click("选择这个文件夹");
  const auto file = stick + "/2026-ankang-individual.ankpkg";
  ASSERT_TRUE(fs::exists(file)) << h.all_texts();
  EXPECT_TRUE(h.shows("已写出竞赛包：" + file)) << h.all_texts();
  const auto key = results::read_public_key(h.workspace().key_stem() + ".pub");
  EXPECT_EQ(results::read_public_key(stick + "/organiser.pub"), key);
  const auto p = results::read_package_file(file, key);
  EXPECT_EQ(p.contest_id, "2026-ankang-individual");
  EXPECT_EQ(p.name, "个人限时测试");
  EXPECT_EQ(p.question_ids.size(), questions);
  EXPECT_EQ(bank::parse_questions("p", p.bank_subset, bank::Format::json).questions.size(), questions);
  ASSERT_EQ(p.roster.size(), 2u);
  EXPECT_EQ(p.roster[0], (results::RosterEnterprise{"91350100MA2Y00001H", "福州港务集团", {"装卸一班", "机修班"}}));
  EXPECT_TRUE(h.shows("“个人限时测试”：" + std::to_string(questions) + " 道题，2 家企业，3 个班组")) << h.all_texts();
  EXPECT_TRUE(h.shows("组织单位公钥指纹：" + results::fingerprint(key))) << h.all_texts();
  EXPECT_TRUE(h.shows("有效期：" + results::china_date(p.valid_from_ms) + " 至 " + results::china_date(p.valid_until_ms)));
  // The default window: from today for a year.
  EXPECT_EQ(p.valid_until_ms - p.valid_from_ms + 1, 365LL * 24 * 3600 * 1000);
  // Every text of the page, the paper and the outcome has its glyphs.
  for (const auto& t : console_ui::recorded_texts())
    EXPECT_TRUE(ui::font_covers(console_ui::console_fonts().body, t)) << t;
  unsetenv("ANKANG_MEDIA_ROOTS");
}

TEST(ContestPage, ABadDateIsNamedAndNoPackageCanBeBuilt) {
  Headless h("contest-dates");
  seed_starter_bank(h);
  h.app().go(PageId::contest);
  h.frames(2);
  ASSERT_TRUE(h.find("生成竞赛包……")->enabled);
  h.click("##until");
  h.type("x");
  h.frames(2);
  EXPECT_TRUE(h.shows("结束日期：日期应写作 YYYY-MM-DD")) << h.all_texts();
  EXPECT_FALSE(h.find("生成竞赛包……")->enabled);
}

TEST(ContestPage, AnEmptyBankSendsTheOrganiserToTheBank) {
  Headless h("contest-empty");
  h.app().go(PageId::contest);
  h.frames(2);
  EXPECT_TRUE(h.shows("没有题目：请先在“题库”中导入题目")) << h.all_texts();
  ASSERT_NE(h.find("生成竞赛包……"), nullptr);
  EXPECT_FALSE(h.find("生成竞赛包……")->enabled);
  h.click("去题库");
  EXPECT_EQ(h.app().page(), PageId::bank);
}

TEST(ContestPage, RulesFromAFileWithProblemsAreLocated) {
  Headless h("contest-rules");
  seed_starter_bank(h);
  const auto stick = make_stick(h);
  std::ofstream(stick + "/bad.json") << "{\n  \"id\": \"x\",\n  \"format\": \"timed_test\",\n  \"question_count\": -3\n}\n";
  h.app().go(PageId::contest);
  h.frames(2);
  h.click("从文件选择规则……");
  h.click("bad.json");
  h.click("打开所选文件");
  EXPECT_TRUE(h.shows("竞赛规则有错误")) << h.all_texts();
  EXPECT_TRUE(h.shows("bad.json:4:3"));
  EXPECT_TRUE(h.shows("question_count"));
  EXPECT_FALSE(h.find("生成竞赛包……")->enabled);
  unsetenv("ANKANG_MEDIA_ROOTS");
}

}  // namespace
}  // namespace ankang::test
