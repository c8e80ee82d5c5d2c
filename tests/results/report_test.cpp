// The summary table on a small case computed by hand:
//   甲区总工会: E1 (headcount 10): 张 80 and 90 (team T1), 李 50 (T1), 王 65 (T2)
//               E2 (headcount 4):  赵 100 (T3)
//   市建设工会: E3 (headcount 5): nobody took part
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <unistd.h>

#include "results/report.h"
#include "results/report_html.h"
#include "results/report_table.h"
#include "sample.h"

namespace ankang::results {
namespace {

// One attempt of one answer per (worker index, score in percent) of contest
// "c", the k-th starting at base_ms + (first_id + k) s; answer ids from first_id.
void add_attempts(BundlePayload& p, std::initializer_list<std::pair<std::uint32_t, int>> scores, std::int64_t base_ms,
                  std::uint32_t first_id) {
  std::uint32_t n = first_id;
  for (auto [worker, score] : scores) {
    Attempt t;
    t.worker = worker;
    t.contest_id = "c";
    t.started_at_ms = base_ms + n * 1000;
    t.ended_at_ms = t.started_at_ms + 1000;
    t.max_centipoints = 10000;
    AnswerRecord a;
    a.uuid = testing::uuid_from(n++);
    a.correct_permille = static_cast<std::uint16_t>(score * 10);
    a.centipoints = score * 100;
    t.answers.push_back(a);
    p.attempts.push_back(t);
  }
}

constexpr const char* kE1 = "91350100M000100Y43";
constexpr const char* kE2 = "91110000802100433B";
constexpr const char* kE3 = "914403001922038216";

struct ReportTest : ::testing::Test {
  OrganiserStore store{":memory:"};
  void SetUp() override {
    auto kiosk = testing::key_from_byte(3);
    store.add_device(kiosk.public_key, "");
    store.add_enterprise({kE1, "甲公司", "district", "甲区总工会", 10}, 2026);
    store.add_enterprise({kE2, "乙公司", "district", "甲区总工会", 4}, 2026);
    store.add_enterprise({kE3, "丙公司", "industry", "市建设工会", 5}, 2026);
    BundlePayload p;
    p.questions = {{"q-1", "隐患排查治理"}};
    p.workers = {{"1", "张", "T1", kE1}, {"2", "李", "T1", kE1}, {"3", "王", "T2", kE1}, {"4", "赵", "T3", kE2}};
    add_attempts(p, {{0, 80}, {0, 90}, {1, 50}, {2, 65}, {3, 100}}, 1782000000000, 1);  // June 2026
    auto out = store.import_bundle(write_bundle("c", 1, {}, p, kiosk), "b");
    ASSERT_EQ(out.status, ImportOutcome::Status::imported) << out.reason.en;
  }
};

TEST_F(ReportTest, RowsAndTotalsMatchTheHandComputedCase) {
  auto t = summary_table(store, 2026, 60);
  ASSERT_EQ(t.units.size(), 2u);
  const auto& jia = t.units[0];
  EXPECT_EQ(jia.unit, "甲区总工会");
  ASSERT_EQ(jia.enterprises.size(), 2u);
  const auto& e1 = jia.enterprises[0].uscc == kE1 ? jia.enterprises[0] : jia.enterprises[1];
  EXPECT_EQ(e1.participants, 3);
  EXPECT_DOUBLE_EQ(e1.participation, 0.3);
  EXPECT_EQ(e1.teams, 2);
  EXPECT_EQ(e1.attempts, 4);
  EXPECT_DOUBLE_EQ(e1.mean_score, 71.25);
  EXPECT_DOUBLE_EQ(e1.pass_rate, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(e1.best_score, 90);
  EXPECT_EQ(e1.top_team, "T1");
  EXPECT_EQ(jia.total.headcount, 14);
  EXPECT_EQ(jia.total.participants, 4);
  EXPECT_DOUBLE_EQ(jia.total.participation, 4.0 / 14.0);
  EXPECT_EQ(jia.total.teams, 3);
  EXPECT_EQ(jia.total.attempts, 5);
  EXPECT_DOUBLE_EQ(jia.total.mean_score, 77.0);
  EXPECT_DOUBLE_EQ(jia.total.pass_rate, 0.75);
  EXPECT_DOUBLE_EQ(jia.total.best_score, 100);
  EXPECT_EQ(jia.total.top_team, "T3");
  const auto& build = t.units[1];
  EXPECT_EQ(build.unit, "市建设工会");
  EXPECT_EQ(build.total.headcount, 5);
  EXPECT_EQ(build.total.participants, 0);
  EXPECT_EQ(t.overall.headcount, 19);
  EXPECT_EQ(t.overall.participants, 4);
  EXPECT_DOUBLE_EQ(t.overall.mean_score, 77.0);
}

TEST_F(ReportTest, CsvHasBomHeadersAndPercentages) {
  auto csv = summary_csv(summary_table(store, 2026, 60));
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF组织单位,企业名称,统一社会信用代码,归属,职工人数,参赛人数,参与率,班组数,答题人次,平均分,合格率,最高分,最佳班组\r\n"));
  EXPECT_NE(csv.find("甲区总工会,甲公司," + std::string(kE1) + ",属地,10,3,30.0%,2,4,71.3,66.7%,90.0,T1\r\n"), std::string::npos);
  EXPECT_NE(csv.find("甲区总工会,合计,,,14,4,28.6%,3,5,77.0,75.0%,100.0,T3\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",总计,,,19,4,21.1%,3,5,77.0,75.0%,100.0,T3\r\n"), std::string::npos);
  // A unit without participants has no score: empty cells, not zeros.
  EXPECT_NE(csv.find("市建设工会,合计,,,5,0,0.0%,0,0,,,,\r\n"), std::string::npos) << csv;
}

TEST_F(ReportTest, OtherYearIsEmpty) {
  auto t = summary_table(store, 2025, 60);
  EXPECT_EQ(t.overall.participants, 0);
  EXPECT_EQ(t.overall.headcount, 0) << "the enterprises registered for 2026, not for 2025";
  EXPECT_TRUE(t.units.empty());
}

// Registrations belong to a contest year: the next year's list (a new
// enterprise, another headcount) leaves the filed year's table as it was.
TEST_F(ReportTest, ANewerYearsListLeavesAnOlderYearsTableAsFiled) {
  const auto filed = summary_csv(summary_table(store, 2026, 60));
  const auto filed_award = award_ranking(store, summary_table(store, 2026, 60), AwardFormula::participation, 10);
  store.add_enterprise({kE1, "甲公司", "district", "甲区总工会", 40}, 2027);
  store.add_enterprise({"91350100MA2Y00001H", "丁公司", "district", "甲区总工会", 500}, 2027);
  EXPECT_EQ(summary_csv(summary_table(store, 2026, 60)), filed);
  const auto award = award_ranking(store, summary_table(store, 2026, 60), AwardFormula::participation, 10);
  ASSERT_EQ(award.size(), filed_award.size());
  for (std::size_t i = 0; i < award.size(); ++i) {
    EXPECT_EQ(award[i].unit, filed_award[i].unit);
    EXPECT_DOUBLE_EQ(award[i].value, filed_award[i].value);
  }
  const auto next = summary_table(store, 2027, 60);
  ASSERT_EQ(next.units.size(), 1u);
  EXPECT_EQ(next.units[0].enterprises.size(), 2u);
  EXPECT_EQ(next.overall.headcount, 540);
}

// Results of an enterprise without the year's registration: apart, by its
// code, outside the 总计 and its rates, with a note saying so.
TEST_F(ReportTest, UnregisteredEnterprisesAreListedApartOutsideTheTotal) {
  constexpr const char* kStranger = "91110000100000009B";
  auto kiosk = testing::key_from_byte(3);
  BundlePayload p;
  p.questions = {{"q-1", "隐患排查治理"}};
  p.workers = {{"9", "钱", "外来班组", kStranger}, {"10", "孙", "外来班组", kStranger}};
  add_attempts(p, {{0, 70}, {1, 40}}, 1782000000000, 100);
  ASSERT_EQ(store.import_bundle(write_bundle("c", 2, {}, p, kiosk), "b2").status, ImportOutcome::Status::imported);
  const auto t = summary_table(store, 2026, 60);
  EXPECT_EQ(t.overall.participants, 4) << "the registered enterprises' participants only";
  EXPECT_EQ(t.overall.headcount, 19);
  ASSERT_EQ(t.unregistered.enterprises.size(), 1u);
  EXPECT_EQ(t.unregistered.enterprises[0].uscc, kStranger);
  EXPECT_EQ(t.unregistered.total.participants, 2);
  for (const auto& block : t.units) EXPECT_NE(block.unit, "未登记企业");
  const auto csv = summary_csv(t);
  const auto total = csv.find(",总计,,,19,4,21.1%,3,5,77.0,75.0%,100.0,T3\r\n");
  ASSERT_NE(total, std::string::npos) << csv;
  const auto note = csv.find("注：总计只计本年度已报名的企业", total);
  ASSERT_NE(note, std::string::npos) << csv;
  // No headcount, no 参与率: empty cells, not 0.0%.
  EXPECT_NE(csv.find("未登记企业,," + std::string(kStranger) + ",未登记,,2,,1,2,55.0,50.0%,70.0,外来班组\r\n", note), std::string::npos) << csv;
  // The annual summary lists them apart too.
  const auto html = annual_summary_html(store, t, AwardFormula::participation, 10);
  EXPECT_NE(html.find("<h3>未登记企业</h3>"), std::string::npos);
  EXPECT_NE(html.find("<td>" + std::string(kStranger) + "</td><td>（名称不详）</td><td class=\"n\">2</td>"), std::string::npos);
}

TEST_F(ReportTest, TheYearsWithResultsAndTheScoreBands) {
  EXPECT_EQ(result_years(store), std::vector<int>{2026});
  OrganiserStore empty(":memory:");
  EXPECT_TRUE(result_years(empty).empty());
  // 80 and 90 by 张, 50, 65, 100: 100 joins the top band.
  const std::array<std::int64_t, 10> bands{0, 0, 0, 0, 0, 1, 1, 0, 1, 2};
  EXPECT_EQ(score_bands(store, 2026), bands);
  EXPECT_EQ(score_bands(store, 2025), (std::array<std::int64_t, 10>{}));
}

TEST_F(ReportTest, AwardFormulasRankUnits) {
  auto t = summary_table(store, 2026, 60);
  auto by_participation = award_ranking(store, t, AwardFormula::participation);
  ASSERT_EQ(by_participation.size(), 2u);
  EXPECT_EQ(by_participation[0].unit, "甲区总工会");
  EXPECT_EQ(by_participation[0].rank, 1);
  auto top2 = award_ranking(store, t, AwardFormula::top_n_sum, 2);
  EXPECT_DOUBLE_EQ(top2[0].value, 190);  // 100 + 90: best scores of 赵 and 张
  auto mobilised = award_ranking(store, t, AwardFormula::mobilised);
  EXPECT_DOUBLE_EQ(mobilised[0].value, 4);
  EXPECT_DOUBLE_EQ(mobilised[1].value, 0);
}

TEST_F(ReportTest, HtmlIsSelfContained) {
  auto html = annual_summary_html(store, summary_table(store, 2026, 60), AwardFormula::participation, 10);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("逐年增长"), std::string::npos);
  EXPECT_NE(html.find("甲区总工会"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
}

// The year's team contests with their final standings, in rank order; an
// unregistered enterprise is flagged; other years' contests stay out.
TEST_F(ReportTest, HtmlListsTheYearsTeamContests) {
  EXPECT_NE(annual_summary_html(store, summary_table(store, 2026, 60), AwardFormula::participation, 10).find("本年度无班组赛成绩"),
            std::string::npos);
  auto kiosk = testing::key_from_byte(3);
  BundlePayload p;
  TeamResult r;
  r.contest.fill(0xab);
  r.team = "T1";
  r.enterprise_uscc = kE1;
  r.rank = 1;
  r.centipoints = 4550;
  r.correct = 9;
  r.started_at_ms = 1782000000000;  // 2026-06-21 China time
  r.ended_at_ms = r.started_at_ms + 1800000;
  TeamResult second = r;
  second.team = "外来班组";
  second.enterprise_uscc = "91110000100000009B";  // not registered
  second.rank = 2;
  second.centipoints = 3000;
  second.fouls = 2;
  TeamResult earlier = r;
  earlier.contest.fill(0xcd);
  earlier.team = "去年班组";
  earlier.started_at_ms = 1750000000000;  // 2025
  earlier.ended_at_ms = earlier.started_at_ms + 1000;
  p.team_results = {second, r, earlier};
  auto out = store.import_bundle(write_bundle("team-final", 2, {}, p, kiosk), "teams");
  ASSERT_EQ(out.status, ImportOutcome::Status::imported) << out.reason.en;
  ASSERT_EQ(out.team_results, 3);
  const auto html = annual_summary_html(store, summary_table(store, 2026, 60), AwardFormula::participation, 10);
  const auto section = html.find("班组赛最终名次");
  ASSERT_NE(section, std::string::npos);
  EXPECT_EQ(html.find("本年度无班组赛成绩"), std::string::npos);
  EXPECT_NE(html.find("team-final（2026-06-21，赛事 abababab）", section), std::string::npos);
  const auto winner = html.find("<td>T1</td><td>甲公司</td><td class=\"n\">45.5</td><td class=\"n\">9</td>", section);
  const auto runner_up = html.find("<td>外来班组</td><td>未登记企业 91110000100000009B</td><td class=\"n\">30.0</td>", section);
  ASSERT_NE(winner, std::string::npos) << html.substr(section, 1200);
  ASSERT_NE(runner_up, std::string::npos) << html.substr(section, 1200);
  EXPECT_LT(winner, runner_up);
  EXPECT_EQ(html.find("去年班组"), std::string::npos);
}

// Growth over the year before: 2025 by hand — 张 (E1) 60, 赵 (E2) 40 and 70:
// 2 enterprises, 2 workers, 3 attempts; 2026 (above): 2, 4, 5.
TEST_F(ReportTest, GrowthOverThePreviousYear) {
  auto kiosk = testing::key_from_byte(3);
  BundlePayload p;
  p.questions = {{"q-1", "隐患排查治理"}};
  p.workers = {{"1", "张", "T1", kE1}, {"4", "赵", "T3", kE2}};
  add_attempts(p, {{0, 60}, {1, 40}, {1, 70}}, 1750000000000, 100);  // June 2025
  ASSERT_EQ(store.import_bundle(write_bundle("c", 2, {}, p, kiosk), "b2025").status, ImportOutcome::Status::imported);
  store.add_enterprise({kE1, "甲公司", "district", "甲区总工会", 10}, 2025);
  store.add_enterprise({kE2, "乙公司", "district", "甲区总工会", 4}, 2025);

  auto t = summary_table(store, 2026, 60);
  auto yoy = year_on_year(store, t);
  EXPECT_TRUE(yoy.has_previous);
  EXPECT_EQ(yoy.enterprises.now, 2);
  EXPECT_EQ(yoy.enterprises.before, 2);
  EXPECT_DOUBLE_EQ(*yoy.enterprises.growth(), 0.0);
  EXPECT_EQ(yoy.workers.now, 4);
  EXPECT_EQ(yoy.workers.before, 2);
  EXPECT_DOUBLE_EQ(*yoy.workers.growth(), 1.0);
  EXPECT_EQ(yoy.attempts.now, 5);
  EXPECT_EQ(yoy.attempts.before, 3);
  EXPECT_DOUBLE_EQ(*yoy.attempts.growth(), 2.0 / 3.0);
  auto html = annual_summary_html(store, t, AwardFormula::participation, 10);
  EXPECT_NE(html.find("2025 年：2　▲ 100.0%"), std::string::npos);
  EXPECT_NE(html.find("2025 年：3　▲ 66.7%"), std::string::npos);
  EXPECT_EQ(html.find("无上年数据"), std::string::npos);

  // 2025 against 2024, which has no results: said plainly, no rate.
  auto first = summary_table(store, 2025, 60);
  EXPECT_EQ(first.overall.attempts, 3);
  auto none = year_on_year(store, first);
  EXPECT_FALSE(none.has_previous);
  EXPECT_FALSE(none.workers.growth());
  auto first_html = annual_summary_html(store, first, AwardFormula::participation, 10);
  EXPECT_NE(first_html.find("2024 年：无上年数据"), std::string::npos);
  EXPECT_EQ(first_html.find("▲"), std::string::npos);
  EXPECT_EQ(first_html.find("inf"), std::string::npos);
}

TEST_F(ReportTest, NoPreviousYearIsSaidPlainly) {
  auto html = annual_summary_html(store, summary_table(store, 2026, 60), AwardFormula::participation, 10);
  EXPECT_NE(html.find("2025 年：无上年数据"), std::string::npos);
  EXPECT_EQ(html.find("▲"), std::string::npos);
  EXPECT_EQ(html.find("0.0%</div>"), std::string::npos);
}

// LibreOffice, an independent reader, opens the workbook and gives the cells back as CSV.
TEST_F(ReportTest, XlsxReadByLibreOfficeGivesTheCells) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) GTEST_SKIP() << "soffice is not installed";
  namespace fs = std::filesystem;
  auto dir = fs::temp_directory_path() / ("ankang-xlsx-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto xlsx = (dir / "summary.xlsx").string();
  write_summary_xlsx(summary_table(store, 2026, 60), xlsx);
  auto cmd = "cd " + dir.string() + " && HOME=" + dir.string() +
             " soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true' summary.xlsx >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream in(dir / "summary.csv");
  std::stringstream ss;
  ss << in.rdbuf();
  auto csv = ss.str();
  fs::remove_all(dir);
  EXPECT_NE(csv.find("组织单位,企业名称,统一社会信用代码,归属,职工人数,参赛人数,参与率"), std::string::npos) << csv;
  EXPECT_NE(csv.find("甲区总工会,甲公司," + std::string(kE1) + ",属地,10,3,30.0%,2,4,71.3,66.7%,90.0,T1"), std::string::npos) << csv;
  EXPECT_NE(csv.find("甲区总工会,合计,,,14,4,28.6%,3,5,77.0,75.0%,100.0,T3"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",总计,,,19,4,21.1%,3,5,77.0,75.0%,100.0,T3"), std::string::npos) << csv;
}

}  // namespace
}  // namespace ankang::results
