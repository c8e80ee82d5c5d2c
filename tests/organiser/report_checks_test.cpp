// What keeps a report from being filed wrong: a store that is not there, a
// store of another kind, a year without results, a pass mark above full marks.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "organiser/collect.h"
#include "organiser/report_file.h"
#include "question_bank/bank.h"
#include "results/simulate.h"
#include "results/store.h"
#include "storage/error.h"
#include "tests/support/run_command.h"

namespace ankang::test {
namespace {

namespace fs = std::filesystem;

class ReportChecks : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("ankang-report-checks-" + std::to_string(::getpid()));
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string ankang() const { return std::string(ANKANG_BIN_DIR) + "/ankang"; }

  // A store with the results of one simulated year (2026).
  std::string store_with_results(int workers = 10) {
    const auto db = (dir / "org.db").string();
    results::SimulationOptions o;
    o.enterprises = 3, o.kiosks = 1, o.workers = workers, o.attempts_per_bundle = 5;
    const auto sim = results::simulate(o);
    results::write_simulation(sim, (dir / "sim").string());
    results::OrganiserStore store(db);
    store.add_device(sim.kiosks[0].public_key, "");
    organiser::collect_bundles(store, organiser::bundle_files({(dir / "sim" / "bundles").string()}), {});
    return db;
  }
};

TEST_F(ReportChecks, AMistypedStoreIsRefusedAndNoEmptyStoreIsMade) {
  const auto missing = dir / "orgnaiser.db";
  const auto r = run(ankang() + " report --db " + missing.string() + " --year 2026 --format csv -o " + (dir / "out.csv").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find(missing.string()), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_FALSE(fs::exists(dir / "out.csv"));
  const auto teams = run(ankang() + " results teams --db " + missing.string());
  EXPECT_EQ(teams.status, 1) << teams.output;
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(ReportChecks, AYearWithoutResultsNamesTheYearsThereAre) {
  const auto db = store_with_results();
  {
    results::OrganiserStore store(db);
    EXPECT_FALSE(organiser::year_problem(store, 2026));
    const auto problem = organiser::year_problem(store, 2025);
    ASSERT_TRUE(problem);
    EXPECT_NE(problem->zh.find("2026"), std::string::npos) << problem->zh;
  }
  const auto r = run("LANG=zh_CN.UTF-8 " + ankang() + " report --db " + db + " --year 2025 --format csv -o " + (dir / "out.csv").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("2026"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "out.csv"));
  const auto ok = run(ankang() + " report --db " + db + " --year 2026 --format csv -o " + (dir / "out.csv").string());
  EXPECT_EQ(ok.status, 0) << ok.output;
  EXPECT_TRUE(fs::exists(dir / "out.csv"));
}

TEST_F(ReportChecks, APassMarkAboveFullMarksIsRefused) {
  organiser::ReportOptions o;
  o.year = 2026;
  EXPECT_FALSE(organiser::options_problem(o));
  o.pass_mark = 100;
  EXPECT_FALSE(organiser::options_problem(o));
  o.pass_mark = 600;
  EXPECT_TRUE(organiser::options_problem(o));
  o.pass_mark = -1;
  EXPECT_TRUE(organiser::options_problem(o));
  const auto db = store_with_results();
  const auto r = run(ankang() + " report --db " + db + " --year 2026 --pass-mark 600 --format csv -o " + (dir / "out.csv").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_FALSE(fs::exists(dir / "out.csv"));
}

TEST_F(ReportChecks, AQuestionBankGivenAsTheOrganiserStoreIsNamedForWhatItIsAndLeftAlone) {
  const auto bank_db = (dir / "bank.db").string();
  { auto bank = bank::Bank::open(bank_db); }
  const auto before = fs::file_size(bank_db);
  try {
    results::OrganiserStore store(bank_db);
    FAIL() << "a question bank opened as the organiser store";
  } catch (const storage::StorageError& e) {
    EXPECT_NE(e.text().zh.find("是题库文件，不是成绩库"), std::string::npos) << e.text().zh;
  }
  EXPECT_EQ(fs::file_size(bank_db), before);
  // And the reverse.
  const auto org_db = (dir / "org2.db").string();
  { results::OrganiserStore store(org_db); }
  try {
    auto bank = bank::Bank::open(org_db);
    FAIL() << "an organiser store opened as the question bank";
  } catch (const bank::BankError& e) {
    EXPECT_NE(e.text().zh.find("是成绩库"), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().zh.find("不是题库"), std::string::npos) << e.text().zh;
  }
}

}  // namespace
}  // namespace ankang::test

namespace ankang::test {
namespace {

// The annual summary names each question of its item statistics by its stem
// when a question bank is given, by its id's first 8 characters without.
TEST_F(ReportChecks, TheItemStatisticsNameQuestionsByTheirStems) {
  results::OrganiserStore store(store_with_results(400));
  const auto table = results::summary_table(store, 2026);
  const auto items = results::item_statistics(store, 2026);
  ASSERT_FALSE(items.empty()) << "the simulated year answers some question 20 times";
  const auto with = results::annual_summary_html(store, table, results::AwardFormula::participation, 10,
                                                 [](const std::string& id) { return "题干" + id.substr(0, 4) + "？"; });
  const auto& first = items.front().question_id;
  EXPECT_NE(with.find("<td>题干" + first.substr(0, 4) + "？ <span class=\"note\">" + first.substr(0, 8) + "</span></td>"),
            std::string::npos);
  EXPECT_NE(with.find("<th>试题</th>"), std::string::npos);
  const auto without = results::annual_summary_html(store, table, results::AwardFormula::participation, 10);
  EXPECT_NE(without.find("<th>试题编号</th><th>知识点</th>"), std::string::npos);
  EXPECT_NE(without.find("<tr><td>" + first.substr(0, 8) + "</td>"), std::string::npos);
  // A bank file that is not there gives no stems rather than failing the report.
  EXPECT_FALSE(organiser::question_stems((dir / "no-bank.db").string()));
}

}  // namespace
}  // namespace ankang::test
