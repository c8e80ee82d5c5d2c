// The results page over a workspace whose store was filled by real imports
// (a simulated year of kiosks' bundles and the enterprise list, collected as
// the 收集成绩 page does): it shows what summary_table, the item statistics
// and the score bands give for that store.
#include <chrono>
#include <cstdio>

#include "organiser/collect.h"
#include "organiser/enterprise_import.h"
#include "results/report.h"
#include "results/report_html.h"
#include "results/simulate.h"
#include "tests/console/headless.h"
#include "tests/results/sample.h"

namespace ankang::test {
namespace {

using console_ui::PageId;

// Registers the simulation's kiosks and enterprises and collects its bundles
// into the store at db; returns how many bundles were imported.
int fill_store(const std::string& db, const std::string& dir, int year, std::uint64_t seed, int enterprises = 5,
               int workers = 60) {
  results::SimulationOptions o;
  o.enterprises = enterprises;
  o.kiosks = 2;
  o.workers = workers;
  o.year = year;
  o.seed = seed;
  const auto sim = results::simulate(o);
  const std::string sim_dir = dir + "/sim-" + std::to_string(year) + "-" + std::to_string(seed);
  results::write_simulation(sim, sim_dir);
  results::OrganiserStore store(db);
  for (std::size_t i = 0; i < sim.kiosks.size(); ++i) store.add_device(sim.kiosks[i].public_key, "kiosk-" + std::to_string(i));
  const auto listed = organiser::import_enterprise_file(store, sim_dir + "/enterprises.csv", year);
  EXPECT_TRUE(listed.ok());
  const auto got = organiser::collect_bundles(store, organiser::bundle_files({sim_dir + "/bundles"}), {});
  EXPECT_EQ(got.refused, 0);
  EXPECT_EQ(got.imported, static_cast<int>(sim.bundles.size()));
  return got.imported;
}

std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}
std::string percent(double share) { return fixed(share * 100, 1) + "%"; }

// Whether the frame drew these texts one after the other (a table row).
bool shows_row(const std::vector<std::string>& row) {
  const auto& t = console_ui::recorded_texts();
  for (std::size_t i = 0; i + row.size() <= t.size(); ++i) {
    std::size_t k = 0;
    while (k < row.size() && t[i + k] == row[k]) ++k;
    if (k == row.size()) return true;
  }
  return false;
}

TEST(ResultsPage, AnEmptyStoreSaysToCollectScoresFirst) {
  Headless h("results-empty");
  h.app().go(PageId::results);
  h.frames(3);
  EXPECT_TRUE(h.shows("还没有成绩")) << h.all_texts();
  EXPECT_FALSE(h.shows("统一社会信用代码"));  // no empty table
  h.click("去收集成绩");
  EXPECT_EQ(h.app().page(), PageId::collect);
}

TEST(ResultsPage, ShowsTheSummaryTableOfTheStore) {
  Headless h("results-table");
  ASSERT_GT(fill_store(h.workspace().organiser_db(), h.dir(), 2026, 7), 0);
  results::OrganiserStore store(h.workspace().organiser_db());
  const auto table = results::summary_table(store, 2026);
  ASSERT_FALSE(table.units.empty());

  h.app().go(PageId::results);
  h.frames(3);
  EXPECT_TRUE(h.shows("2026 年"));
  EXPECT_TRUE(h.shows("参赛企业汇总"));
  int rows = 0;
  for (const auto& block : table.units) {
    for (const auto& r : block.enterprises) {
      EXPECT_TRUE(shows_row({r.unit, r.name, r.uscc, std::to_string(r.headcount), std::to_string(r.participants),
                             percent(r.participation), fixed(r.mean_score, 1), percent(r.pass_rate), r.top_team}))
          << r.name << "\n" << h.all_texts();
      ++rows;
    }
    EXPECT_TRUE(shows_row({block.unit, "合计", block.total.uscc, std::to_string(block.total.headcount),
                           std::to_string(block.total.participants)}))
        << block.unit;
  }
  EXPECT_GE(rows, 5);
  // The figures over the table.
  EXPECT_TRUE(shows_row({"参赛职工", std::to_string(table.overall.participants)})) << h.all_texts();
  EXPECT_TRUE(shows_row({"答题人次", std::to_string(table.overall.attempts)}));
  EXPECT_TRUE(shows_row({"平均分", fixed(table.overall.mean_score, 1)}));
  EXPECT_TRUE(shows_row({"合格率（60 分）", percent(table.overall.pass_rate)}));
}

// Enterprises with results but no registration for the year follow the
// 总计, without headcount or participation rate, and a note says so.
TEST(ResultsPage, UnregisteredEnterprisesFollowTheTotalWithANote) {
  Headless h("results-unregistered");
  ASSERT_GT(fill_store(h.workspace().organiser_db(), h.dir(), 2026, 7, 10), 0);  // the tenth enterprise is not on the list
  results::OrganiserStore store(h.workspace().organiser_db());
  const auto table = results::summary_table(store, 2026);
  ASSERT_FALSE(table.unregistered.enterprises.empty()) << "the simulation has workers of unlisted enterprises";
  h.app().go(PageId::results);
  h.frames(3);
  EXPECT_TRUE(h.shows("注：总计只计本年度已报名的企业")) << h.all_texts();
  const auto& r = table.unregistered.enterprises.front();
  EXPECT_TRUE(shows_row({"未登记企业", r.name.empty() ? "（名称不详）" : r.name, r.uscc, "", std::to_string(r.participants), "",
                         fixed(r.mean_score, 1)}))
      << h.all_texts();
}

// The pass mark is the organiser's: changed, the 合格率 follow; a mark above
// full marks is refused where it is typed.
TEST(ResultsPage, ThePassMarkCanBeChanged) {
  Headless h("results-pass-mark");
  ASSERT_GT(fill_store(h.workspace().organiser_db(), h.dir(), 2026, 7), 0);
  results::OrganiserStore store(h.workspace().organiser_db());
  const auto at80 = results::summary_table(store, 2026, 80);
  h.app().go(PageId::results);
  h.frames(3);
  h.click("##pass_mark");
  h.type("0");  // 600
  h.frames(2);
  EXPECT_TRUE(h.shows("合格线应为 0 到 100 之间的分数")) << h.all_texts();
  h.press(ImGuiKey_Backspace);
  h.press(ImGuiKey_Backspace);
  h.press(ImGuiKey_Backspace);
  h.type("80");
  h.frames(3);
  EXPECT_FALSE(h.shows("合格线应为 0 到 100 之间的分数"));
  EXPECT_TRUE(shows_row({"合格率（80 分）", percent(at80.overall.pass_rate)})) << h.all_texts();
}

TEST(ResultsPage, ItemStatisticsChartsAndTeamsAreOneClickAway) {
  Headless h("results-sections");
  fill_store(h.workspace().organiser_db(), h.dir(), 2026, 3);
  results::OrganiserStore store(h.workspace().organiser_db());
  const auto items = results::item_statistics(store, 2026, 1);
  ASSERT_FALSE(items.empty());
  const auto bands = results::score_bands(store, 2026);

  h.app().go(PageId::results);
  h.frames(3);
  h.click("题目统计");
  // No bank in this workspace: a question is named by its id.
  EXPECT_TRUE(shows_row({items.front().question_id, items.front().category, std::to_string(items.front().answers),
                         percent(items.front().facility)}))
      << h.all_texts();
  std::int64_t answers = 0;
  for (const auto& it : items) answers += it.answers;
  EXPECT_TRUE(shows_row({"作答题数", std::to_string(answers)}));

  h.click("图表");
  EXPECT_TRUE(h.shows("成绩分布（答题人次）"));
  EXPECT_TRUE(shows_row({"90–100"}));
  std::vector<std::string> counts;
  for (int b = 0; b < 10; ++b) {
    EXPECT_TRUE(shows_row({std::to_string(b * 10) + (b == 9 ? "–100" : "–" + std::to_string(b * 10 + 9))}));
    counts.push_back(std::to_string(bands[static_cast<std::size_t>(b)]));
  }
  EXPECT_TRUE(shows_row(counts)) << h.all_texts();  // the bars' counts, band by band
  EXPECT_TRUE(h.shows("各组织单位参与率"));

  h.click("班组赛");
  EXPECT_TRUE(h.shows("这一年没有班组赛成绩"));
}

TEST(ResultsPage, TeamContestStandingsAreListedWithTheirEnterprise) {
  Headless h("results-teams");
  {
    results::OrganiserStore store(h.workspace().organiser_db());
    const auto kiosk = results::testing::key_from_byte(3);
    store.add_device(kiosk.public_key, "一号考点");
    store.add_enterprise({"91350100M000100Y43", "甲公司", "district", "甲区总工会", 40}, 2026);
    auto p = results::testing::sample_payload("c");
    results::TeamResult first;
    first.contest.fill(7);
    first.team = "一班组";
    first.enterprise_uscc = "91350100M000100Y43";
    first.rank = 1;
    first.centipoints = 12000;
    first.correct = 12;
    first.paper_seed = 99;
    first.started_at_ms = 1782000000000;
    first.ended_at_ms = 1782001800000;
    results::TeamResult second = first;
    second.team = "二班组";
    second.enterprise_uscc = "91110000100000009B";  // not registered
    second.rank = 2;
    second.centipoints = 8050;
    second.correct = 8;
    second.fouls = 1;
    p.team_results = {first, second};
    const auto out = store.import_bundle(results::write_bundle("c", 1, {}, p, kiosk), "b.ankb");
    ASSERT_EQ(out.status, results::ImportOutcome::Status::imported) << out.reason.zh;
  }
  h.app().go(PageId::results);
  h.frames(3);
  h.click("班组赛");
  const auto day = results::china_date(1782000000000);
  EXPECT_TRUE(shows_row({day, "c", "1", "一班组", "甲公司", "120.0", "12", "0"})) << h.all_texts();
  EXPECT_TRUE(shows_row({day, "c", "2", "二班组", "91110000100000009B（未登记企业）", "80.5", "8", "1"}));
}

TEST(ResultsPage, ReloadsWhenTheStoresChangeAndShowsTheChosenYear) {
  Headless h("results-years");
  fill_store(h.workspace().organiser_db(), h.dir(), 2026, 5);
  h.app().go(PageId::results);
  h.frames(3);
  EXPECT_FALSE(h.shows("2025 年"));

  // Another year collected (as by the 收集成绩 page, which bumps data_version).
  fill_store(h.workspace().organiser_db(), h.dir(), 2025, 11, 3, 30);
  ++h.app().context().data_version;
  h.frames(3);
  ASSERT_TRUE(h.shows("2025 年")) << h.all_texts();
  results::OrganiserStore store(h.workspace().organiser_db());
  const auto t2025 = results::summary_table(store, 2025), t2026 = results::summary_table(store, 2026);
  ASSERT_NE(t2025.overall.participants, t2026.overall.participants);
  EXPECT_TRUE(shows_row({"参赛职工", std::to_string(t2026.overall.participants)}));  // the newest year first

  h.click("2025 年");
  h.frames(2);
  EXPECT_TRUE(shows_row({"参赛职工", std::to_string(t2025.overall.participants)})) << h.all_texts();
  const auto& e = t2025.units.front().enterprises.front();
  EXPECT_TRUE(shows_row({e.unit, e.name, e.uscc}));
}

TEST(ResultsPage, AFrameDrawsOnlyTheRowsInSight) {
  Headless h("results-many");
  fill_store(h.workspace().organiser_db(), h.dir(), 2026, 13, 1500, 3000);
  results::OrganiserStore store(h.workspace().organiser_db());
  const auto table = results::summary_table(store, 2026);
  std::size_t rows = 0;
  for (const auto& b : table.units) rows += b.enterprises.size() + 1;
  ASSERT_GT(rows, 1000u);
  h.app().go(PageId::results);
  h.frames(3);
  // A screenful of rows, not the whole table: the texts of one frame stay
  // within a few dozen rows of nine cells.
  const auto drawn = console_ui::recorded_texts().size();
  EXPECT_LT(drawn, 60u * 9) << drawn;
  const auto first = table.units.front().enterprises.front(), last = table.units.back().enterprises.back();
  EXPECT_TRUE(shows_row({first.unit, first.name, first.uscc}));
  EXPECT_FALSE(shows_row({last.unit, last.name, last.uscc}));
  const auto start = std::chrono::steady_clock::now();
  h.frames(30);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 30;
  std::printf("results page with %zu rows: %.2f ms a frame (headless)\n", rows, ms);
}

TEST(ResultsPage, EnglishLabelsTheSameNumbers) {
  Headless h("results-english");
  fill_store(h.workspace().organiser_db(), h.dir(), 2026, 9);
  results::OrganiserStore store(h.workspace().organiser_db());
  const auto table = results::summary_table(store, 2026);
  h.app().go(PageId::results);
  h.frames(3);
  h.click("English");
  EXPECT_TRUE(shows_row({"Participants", std::to_string(table.overall.participants)})) << h.all_texts();
  EXPECT_TRUE(h.shows("Grand total"));
  EXPECT_TRUE(h.shows("Organising unit"));
}

}  // namespace
}  // namespace ankang::test
