// Last year's 参赛企业汇总表 as the baseline of the growth year on year: the
// table as `ankang report` writes it and as a person re-saves it reads back
// to its figures, every problem is located, the same baseline again is a
// no-op, another one is refused unless replaced, and year_on_year uses it
// only when the store has no results of that year.
#include "results/baseline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "results/report.h"
#include "results/report_html.h"
#include "results/report_table.h"
#include "results/simulate.h"
#include "results/store.h"
#include "store_dump.h"

namespace ankang::results {
namespace {

namespace fs = std::filesystem;
using testing::store_dump;

// A store with one simulated year of results.
void simulate_year(OrganiserStore& store, int year, std::uint64_t seed) {
  SimulationOptions o;
  o.enterprises = 12;  // the tenth is left unregistered: a 未登记企业 block too
  o.kiosks = 2;
  o.workers = 90;
  o.seed = seed;
  o.year = year;
  o.questions_per_paper = 5;
  const auto sim = simulate(o);
  for (const auto& k : sim.kiosks) store.add_device(k.public_key, "");
  for (const auto& e : sim.enterprises) store.add_enterprise(e, o.year);
  for (const auto& b : sim.bundles) ASSERT_EQ(store.import_bundle(b.bytes, b.name).status, ImportOutcome::Status::imported);
}

BaselineFigures figures_of(const UnitBlock& block) {
  BaselineFigures f{block.unit, 0, block.total.participants, block.total.attempts, block.total.headcount};
  for (const auto& r : block.enterprises) f.enterprises += r.participants > 0;
  return f;
}

std::vector<Row> csv_rows(const std::string& text) { return read_csv_rows(text); }

// A copy of a 2025 table as a person re-saved it: title rows, blank lines,
// numbers as text with separators and full-width digits, percent cells, a
// merged unit cell, and the 重复报名 block after the 总计 row.
const char* const kResaved =
    "2025年安康杯竞赛参赛企业汇总表（合格线 60 分）,,,\n"
    "填报单位：市总工会,,,\n"
    "\n"
    "组织单位,企业名称,统一社会信用代码,归属,职工人数,参赛人数,参与率,班组数,答题人次,平均分,合格率,最高分,最佳班组\n"
    "鼓楼区总工会,甲公司,91350100M000100Y43,属地,\"1,200\",３００,25.0%,3,\"1,500\",80.5,90%,100,一班\n"
    ",乙公司,91110000802100433B,属地,80,0,0.0%,0,0,0,0,0,\n"
    ",合计,,,\"1,280\",300,23.4%,3,1500,80.5,90%,100,一班\n"
    "\n"
    "市建设工会,丙公司,91440300708461136T,产业,50,40.0,80.0%,2,45,70,0.5,90,二班\n"
    "市建设工会,合计,,,50,40,80.0%,2,45,70,50.0%,90,二班\n"
    ",总计,,,1330,340,25.6%,5,1545,79.8,86.5%,100,一班\n"
    "\n"
    "重复报名（同一企业由两个以上组织单位报名）\n"
    "统一社会信用代码,企业名称,组织单位,报名来源,归属,职工人数,计入合计\n"
    "91350100M000100Y43,甲公司,鼓楼区总工会,x,属地,1200,是\n";

TEST(BaselineRead, TheSummaryTableAsWrittenReadsBackToItsFigures) {
  OrganiserStore store(":memory:");
  simulate_year(store, 2025, 3);
  const auto table = summary_table(store, 2025);
  ASSERT_GE(table.units.size(), 6u);
  EXPECT_FALSE(table.unregistered.enterprises.empty()) << "apart, after the 总计: not part of the figures";

  const auto from_csv = read_baseline(csv_rows(summary_csv(table)), 2025);
  ASSERT_TRUE(from_csv.problems.empty()) << format_baseline_problem("t.csv", from_csv.problems.front(), false);
  ASSERT_EQ(from_csv.baseline.units.size(), table.units.size());
  std::int64_t enterprises = 0;
  for (std::size_t i = 0; i < table.units.size(); ++i) {
    EXPECT_EQ(from_csv.baseline.units[i], figures_of(table.units[i])) << table.units[i].unit;
    enterprises += figures_of(table.units[i]).enterprises;
  }
  EXPECT_EQ(from_csv.baseline.overall, (BaselineFigures{"", enterprises, table.overall.participants, table.overall.attempts,
                                                         table.overall.headcount}));
  // Every simulated worker is in the table; the 总计 counts the registered ones.
  EXPECT_EQ(table.overall.participants + table.unregistered.total.participants, 90);
  EXPECT_GT(table.unregistered.total.participants, 0);

  const auto path = fs::temp_directory_path() / ("ankang-baseline-" + std::to_string(::getpid()) + ".xlsx");
  write_summary_xlsx(table, path.string());
  const auto from_xlsx = read_baseline_file(path.string(), 2025);
  // The workbook's title row names its year: another year is located there.
  const auto wrong_year = read_baseline_file(path.string(), 2024);
  fs::remove(path);
  ASSERT_TRUE(from_xlsx.problems.empty()) << format_baseline_problem("t.xlsx", from_xlsx.problems.front(), false);
  EXPECT_EQ(from_xlsx.baseline.units, from_csv.baseline.units);
  EXPECT_EQ(from_xlsx.baseline.overall, from_csv.baseline.overall);
  EXPECT_EQ(from_xlsx.baseline.source, path.filename().string());
  ASSERT_EQ(wrong_year.problems.size(), 1u);
  EXPECT_EQ(format_baseline_problem("t.xlsx", wrong_year.problems[0], false), "t.xlsx:1:1: the title names 2025, not the year given, 2024");
}

TEST(BaselineRead, ASheetAPersonResavedIsRead) {
  const auto read = read_baseline(csv_rows(kResaved), 2025);
  ASSERT_TRUE(read.problems.empty()) << format_baseline_problem("2025.csv", read.problems.front(), false);
  ASSERT_EQ(read.baseline.units.size(), 2u);
  EXPECT_EQ(read.baseline.units[0], (BaselineFigures{"鼓楼区总工会", 1, 300, 1500, 1280}));
  EXPECT_EQ(read.baseline.units[1], (BaselineFigures{"市建设工会", 1, 40, 45, 50}));
  EXPECT_EQ(read.baseline.overall, (BaselineFigures{"", 2, 340, 1545, 1330}));
}

TEST(BaselineRead, EveryProblemIsLocated) {
  const std::string header = "组织单位,企业名称,统一社会信用代码,归属,职工人数,参赛人数,参与率,班组数,答题人次\n";
  auto problems = [](const std::string& text, int year = 2025) {
    std::vector<std::string> out;
    for (const auto& p : read_baseline(read_csv_rows(text), year).problems) out.push_back(format_baseline_problem("f.csv", p, false));
    return out;
  };
  EXPECT_EQ(problems(header + "鼓楼区总工会,甲公司,,属地,100,abc,,,5\n鼓楼区总工会,乙公司,,属地,100,12.5,,,-3\n"),
            (std::vector<std::string>{"f.csv:2:6: participants: 'abc' is not a whole number of zero or more",
                                      "f.csv:3:6: participants: '12.5' is not a whole number of zero or more",
                                      "f.csv:3:9: attempts: '-3' is not a whole number of zero or more"}));
  EXPECT_EQ(problems(header + "鼓楼区总工会,甲公司,,属地,100,10,,,20\n鼓楼区总工会,合计,,,100,11,,,20\n,总计,,,100,10,,,21\n"),
            (std::vector<std::string>{"f.csv:3:6: participants: the unit's total says 11, the rows above add up to 10",
                                      "f.csv:4:9: attempts: the overall total says 21, the rows above add up to 20"}));
  EXPECT_EQ(problems("组织单位,企业名称,人数\n鼓楼区总工会,甲公司,10\n"),
            (std::vector<std::string>{"f.csv:1: no header row found (the 参赛企业汇总表 header, with the columns "
                                      "组织单位、企业名称、参赛人数、答题人次)"}));
  EXPECT_EQ(problems(header + ",甲公司,,属地,100,10,,,20\n鼓楼区总工会,,,属地,100,10,,,20\n"),
            (std::vector<std::string>{"f.csv:2:1: unit: the organising unit is empty", "f.csv:3:2: name: the enterprise name is empty"}));
  EXPECT_EQ(problems("2024 年安康杯竞赛参赛企业汇总表\n" + header + "区,甲,,属地,1,1,,,1\n"),
            (std::vector<std::string>{"f.csv:1:1: the title names 2024, not the year given, 2025"}));
  EXPECT_EQ(problems(header), (std::vector<std::string>{"f.csv:1: the table has no enterprise rows"}));
  // In Chinese too, with the column's Chinese name.
  const auto zh = read_baseline(read_csv_rows(header + "鼓楼区总工会,甲公司,,属地,100,abc,,,5\n"), 2025);
  ASSERT_EQ(zh.problems.size(), 1u);
  EXPECT_EQ(format_baseline_problem("f.csv", zh.problems[0], true), "f.csv:2:6: 参赛人数: “abc”不是非负整数");
  // A file that is not text nor a workbook.
  const std::uint8_t garbage[] = {0xFF, 0xFE, 0x00, 0xD8, 0x41};
  const auto bad = read_baseline_file(garbage, "x.csv", 2025);
  ASSERT_EQ(bad.problems.size(), 1u);
  const auto not_a_workbook = read_baseline_file(std::span<const std::uint8_t>(garbage), "x.xlsx", 2025);
  ASSERT_EQ(not_a_workbook.problems.size(), 1u);
  EXPECT_EQ(not_a_workbook.problems[0].line, 0);
}

struct BaselineStore : ::testing::Test {
  OrganiserStore store{":memory:"};
  Baseline resaved() {
    auto b = read_baseline(csv_rows(kResaved), 2025).baseline;
    b.source = "2025.csv";
    return b;
  }
};

TEST_F(BaselineStore, TheSameBaselineAgainIsANoOpAndAnotherIsRefusedUnlessReplaced) {
  auto out = import_baseline(store, resaved());
  ASSERT_EQ(out.status, BaselineOutcome::Status::imported) << out.reason.en;
  EXPECT_TRUE(out.notes.empty());
  const auto stored = stored_baseline(store, 2025);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->source, "2025.csv");
  EXPECT_EQ(stored->overall, (BaselineFigures{"", 2, 340, 1545, 1330}));
  EXPECT_EQ(stored->units, resaved().units);
  EXPECT_EQ(baseline_years(store), std::vector<int>{2025});
  const auto before = store_dump(store);

  // The same figures from another file, units in another order: nothing changes.
  auto same = resaved();
  same.source = "copy.xlsx";
  std::swap(same.units[0], same.units[1]);
  EXPECT_EQ(import_baseline(store, same).status, BaselineOutcome::Status::already_imported);
  EXPECT_EQ(store_dump(store), before);

  auto other = resaved();
  other.units[1].participants += 1;
  other.overall.participants += 1;
  out = import_baseline(store, other);
  EXPECT_EQ(out.status, BaselineOutcome::Status::refused);
  EXPECT_NE(out.reason.en.find("2025 already has another baseline (from 2025.csv, imported "), std::string::npos) << out.reason.en;
  EXPECT_NE(out.reason.en.find("add --replace to replace it"), std::string::npos) << out.reason.en;
  EXPECT_EQ(store_dump(store), before);

  out = import_baseline(store, other, true);
  EXPECT_EQ(out.status, BaselineOutcome::Status::replaced);
  EXPECT_EQ(stored_baseline(store, 2025)->overall.participants, 341);
  EXPECT_EQ(stored_baseline(store, 2025)->units[1].participants, 41);
}

TEST_F(BaselineStore, YearOnYearUsesTheBaselineWhenTheStoreHasNoResultsOfTheYearBefore) {
  simulate_year(store, 2026, 4);
  const auto table = summary_table(store, 2026);
  auto yoy = year_on_year(store, table);
  EXPECT_FALSE(yoy.has_previous);
  EXPECT_TRUE(yoy.baseline_source.empty());
  EXPECT_NE(annual_summary_html(store, table, AwardFormula::participation, 10).find("无上年数据"), std::string::npos);

  ASSERT_EQ(import_baseline(store, resaved()).status, BaselineOutcome::Status::imported);
  yoy = year_on_year(store, table);
  EXPECT_TRUE(yoy.has_previous);
  EXPECT_EQ(yoy.baseline_source, "2025.csv");
  // The registered enterprises' workers: the 总计 of this year's table.
  const auto now = table.overall.participants;
  EXPECT_EQ(yoy.workers.now, now);
  EXPECT_LT(now, 90) << "one simulated enterprise is not registered";
  EXPECT_EQ(yoy.workers.before, 340);
  EXPECT_EQ(yoy.attempts.before, 1545);
  EXPECT_EQ(yoy.enterprises.before, 2);
  ASSERT_TRUE(yoy.workers.growth());
  EXPECT_NEAR(*yoy.workers.growth(), (static_cast<double>(now) - 340.0) / 340.0, 1e-12);
  // Per unit, matched by name: 鼓楼区总工会 and 市建设工会 were in the
  // table, the other units of this year were not.
  ASSERT_EQ(yoy.units.size(), table.units.size());
  int matched = 0;
  for (std::size_t i = 0; i < yoy.units.size(); ++i) {
    const auto& u = yoy.units[i];
    EXPECT_EQ(u.unit, table.units[i].unit);
    EXPECT_EQ(u.workers.now, table.units[i].total.participants);
    if (u.unit == "鼓楼区总工会") {
      ++matched;
      EXPECT_EQ(u.workers.before, 300);
      EXPECT_EQ(u.attempts.before, 1500);
    } else if (u.unit == "市建设工会") {
      ++matched;
      EXPECT_EQ(u.workers.before, 40);
      EXPECT_EQ(u.enterprises.before, 1);
    } else {
      EXPECT_EQ(u.workers.before, 0) << u.unit;
      EXPECT_FALSE(u.workers.growth()) << u.unit;
    }
  }
  EXPECT_EQ(matched, 2);
  const auto html = annual_summary_html(store, table, AwardFormula::participation, 10);
  EXPECT_NE(html.find("2025 年的数字取自导入的上年参赛企业汇总表（2025.csv），本库没有该年的原始答题记录。"), std::string::npos);
  EXPECT_NE(html.find("2025 年：340"), std::string::npos);
  EXPECT_NE(html.find("<th>2025 年参赛人数</th>"), std::string::npos);
}

TEST_F(BaselineStore, RawResultsOfTheYearBeforeWinOverTheBaseline) {
  simulate_year(store, 2025, 5);
  simulate_year(store, 2026, 6);
  const auto out = import_baseline(store, resaved());
  ASSERT_EQ(out.status, BaselineOutcome::Status::imported);
  ASSERT_EQ(out.notes.size(), 1u);
  EXPECT_NE(out.notes[0].en.find("the store holds results of 2025"), std::string::npos) << out.notes[0].en;
  const auto yoy = year_on_year(store, summary_table(store, 2026));
  EXPECT_TRUE(yoy.has_previous);
  EXPECT_TRUE(yoy.baseline_source.empty());
  const auto before = summary_table(store, 2025);
  EXPECT_EQ(yoy.workers.before, before.overall.participants);
  EXPECT_EQ(before.overall.participants + before.unregistered.total.participants, 90);
}

}  // namespace
}  // namespace ankang::results
