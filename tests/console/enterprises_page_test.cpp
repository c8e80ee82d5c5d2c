// 参赛企业: a list with mistakes registers nothing and shows every mistake
// located; the corrected list registers everything; the table filters.
#include "results/store.h"
#include "results/uscc.h"
#include "tests/console/headless.h"
#include "tests/console/stick.h"

namespace ankang::test {
namespace {

const char* kHeader = "统一社会信用代码,企业名称,归属,组织单位,职工人数\n";

// A code whose check character is right, from its first 17 characters.
std::string uscc(const std::string& first17) { return first17 + *results::uscc_check_character(first17); }
std::string wrong_uscc(const std::string& first17) {
  const char right = *results::uscc_check_character(first17);
  return first17 + (right == '1' ? '2' : '1');
}

const std::string kGood = uscc("91350100MA2Y00001") + ",福州安平机械有限公司,属地,鼓楼区总工会,120\n" +
                          uscc("91350200MA2Y00002") + ",厦门海安物流有限公司,产业,市交通运输工会,85\n";

class EnterprisesPage : public ::testing::Test {
 protected:
  Headless h{"enterprises"};
  std::string stick = make_stick(h.dir());

  void import_file(const std::string& name) {
    h.app().go(console_ui::PageId::enterprises);
    h.click("导入企业名单（Excel / CSV）");
    h.click(name);
    h.click("打开所选文件");
  }
  std::vector<results::Enterprise> stored() {
    results::OrganiserStore store(h.workspace().organiser_db());
    return store.enterprises();
  }
};

TEST_F(EnterprisesPage, AListWithMistakesRegistersNothingAndLocatesEveryMistake) {
  write_text(stick + "/名单.csv", std::string(kHeader) + kGood +
                                      wrong_uscc("91350100MA2Y00003") + ",福州错码有限公司,属地,鼓楼区总工会,30\n" +
                                      uscc("91350100MA2Y00004") + ",,属地,鼓楼区总工会,30\n" +  // no name
                                      uscc("91350100MA2Y00005") + ",福州人数有限公司,属地,鼓楼区总工会,很多\n");
  import_file("名单.csv");
  EXPECT_TRUE(h.shows("未登记任何企业")) << h.all_texts();
  EXPECT_TRUE(stored().empty());
  // One row per mistake, each with its line.
  for (const char* line : {"4:", "5:", "6:"}) EXPECT_TRUE(h.shows(line)) << line << "\n" << h.all_texts();
  EXPECT_TRUE(h.shows("企业名称"));
  EXPECT_TRUE(h.shows("职工人数"));
}

TEST_F(EnterprisesPage, TheCorrectedListRegistersEveryEnterpriseAndListsThem) {
  write_text(stick + "/名单.csv", std::string(kHeader) + kGood);
  import_file("名单.csv");
  const std::string year = std::to_string(results::current_contest_year());
  EXPECT_TRUE(h.shows("名单.csv：已登记 " + year + " 年参赛企业 2 家（新增 2 家，更新 0 家，未变 0 家）")) << h.all_texts();
  const auto list = stored();
  ASSERT_EQ(list.size(), 2u);
  h.frames(2);
  EXPECT_TRUE(h.shows("福州安平机械有限公司"));
  EXPECT_TRUE(h.shows("厦门海安物流有限公司"));
  EXPECT_TRUE(h.shows("市交通运输工会"));

  // The list corrected (a headcount) and given again: the change applied.
  write_text(stick + "/名单改.csv", std::string(kHeader) + uscc("91350100MA2Y00001") + ",福州安平机械有限公司,属地,鼓楼区总工会,130\n" +
                                        uscc("91350200MA2Y00002") + ",厦门海安物流有限公司,产业,市交通运输工会,85\n");
  import_file("名单改.csv");
  EXPECT_TRUE(h.shows("名单改.csv：已登记 " + year + " 年参赛企业 2 家（新增 0 家，更新 1 家，未变 1 家）")) << h.all_texts();
  EXPECT_EQ(stored().front().headcount + stored().back().headcount, 215);

  // Another unit's list naming one of them is refused whole: 不能重复报名.
  write_text(stick + "/他单位.csv", std::string(kHeader) + uscc("91350200MA2Y00002") + ",厦门海安物流有限公司,属地,思明区总工会,85\n");
  import_file("他单位.csv");
  EXPECT_TRUE(h.shows("不能重复报名")) << h.all_texts();
  EXPECT_EQ(stored().size(), 2u);
}

// Registrations are per contest year: the year before shows them as not
// registered for it, and a list imported there registers for that year.
TEST_F(EnterprisesPage, EachContestYearHasItsOwnRegistrations) {
  write_text(stick + "/名单.csv", std::string(kHeader) + kGood);
  import_file("名单.csv");
  const int now = results::current_contest_year();
  h.click(std::to_string(now - 1) + " 年");
  h.frames(2);
  EXPECT_TRUE(h.shows("未报名本年度")) << h.all_texts();
  import_file("名单.csv");
  EXPECT_TRUE(h.shows("已登记 " + std::to_string(now - 1) + " 年参赛企业 2 家（新增 2 家")) << h.all_texts();
  h.frames(2);
  EXPECT_FALSE(h.shows("未报名本年度"));
  results::OrganiserStore store(h.workspace().organiser_db());
  EXPECT_EQ(store.year_registrations(now - 1).size(), 2u);
  EXPECT_EQ(store.year_registrations(now).size(), 2u);
}

TEST_F(EnterprisesPage, TheTableShowsOnlyWhatMatchesTheSearch) {
  write_text(stick + "/名单.csv", std::string(kHeader) + kGood);
  import_file("名单.csv");
  h.click("##filter");
  h.type("厦门");
  h.frames(2);
  EXPECT_TRUE(h.shows("厦门海安物流有限公司"));
  EXPECT_FALSE(h.shows("福州安平机械有限公司"));
}

TEST_F(EnterprisesPage, AFileThatIsNotATableIsNamedWithItsProblem) {
  write_text(stick + "/损坏.xlsx", "this is not a zip file");
  import_file("损坏.xlsx");
  EXPECT_TRUE(h.shows("损坏.xlsx")) << h.all_texts();
  EXPECT_TRUE(h.shows("未登记任何企业"));
  EXPECT_TRUE(stored().empty());
}

}  // namespace
}  // namespace ankang::test
