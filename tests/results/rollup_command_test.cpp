// `ankang unit | rollup | baseline` as an organiser runs them: two units
// build their stores from simulated bundles and export roll-ups, the city
// registers their keys and imports them (the enterprise both registered is
// printed as 重复报名 naming both), bad files are refused with exit 1, and
// the city's table filed as a baseline shows in next year's summary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "results/keys.h"
#include "tests/support/run_command.h"

namespace ankang::results {
namespace {

namespace fs = std::filesystem;
using test::CommandResult;

struct RollupCommand : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("ankang-rollup-cli-" + std::to_string(::getpid()));
  const std::string ankang = std::string(ANKANG_BIN_DIR) + "/ankang";

  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string file(const std::string& name) const { return (dir / name).string(); }
  CommandResult en(const std::string& args) const { return test::run("LANG=C LC_ALL= LC_MESSAGES= " + ankang + " " + args); }
  CommandResult zh(const std::string& args) const { return test::run("LANG=zh_CN.UTF-8 LC_ALL= LC_MESSAGES= " + ankang + " " + args); }
  std::string fp(const std::string& key_dir) const { return fingerprint(read_public_key(file(key_dir + "/organiser.pub"))); }

  // A unit's store from a simulated year, and its organiser key.
  void unit_store(const std::string& name, int seed, int year = 2026) {
    const auto sim = file("sim" + name);
    ASSERT_EQ(en("results simulate --out " + sim + " --enterprises 4 --kiosks 1 --workers 30 --seed " + std::to_string(seed) +
                 " --year " + std::to_string(year))
                  .status,
              0);
    const auto db = file(name + ".db");
    ASSERT_EQ(en("device add --db " + db + " " + sim + "/devices/kiosk-001.pub").status, 0);
    ASSERT_EQ(en("enterprise import --db " + db + " --year " + std::to_string(year) + " " + sim + "/enterprises.csv").status, 0);
    const auto imported = en("results import --db " + db + " " + sim + "/bundles");
    ASSERT_EQ(imported.status, 0) << imported.output;
    ASSERT_EQ(en("keys init --dir " + file("key" + name)).status, 0);
  }
  // The first line of a unit's enterprise list: its code and name.
  std::pair<std::string, std::string> first_enterprise(const std::string& name) const {
    std::ifstream in(file("sim" + name + "/enterprises.csv"));
    std::string header, line;
    std::getline(in, header);
    std::getline(in, line);
    std::stringstream cells(line);
    std::string uscc, enterprise;
    std::getline(cells, uscc, ',');
    std::getline(cells, enterprise, ',');
    return {uscc, enterprise};
  }
};

TEST_F(RollupCommand, TwoUnitsExportTheCityImportsAndTheDuplicateIsPrinted) {
  unit_store("A", 21);
  unit_store("B", 22);
  const auto [uscc, name] = first_enterprise("A");
  ASSERT_EQ(en("enterprise add --db " + file("B.db") + " --uscc " + uscc + " --name " + name +
               " --affiliation industry --unit 市建设工会 --headcount 77")
                .status,
            0);
  auto r = en("rollup export --db " + file("A.db") + " --key " + file("keyA") + " -o " + file("A.ankr"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("A.ankr: 4 registrations, 30 attempts, "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(fp("keyA")), std::string::npos) << r.output;
  r = zh("rollup export --db " + file("B.db") + " --key " + file("keyB") + " -o " + file("B.ankr"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("5 家报名企业"), std::string::npos) << r.output;

  const auto city = file("city.db");
  r = en("unit add --db " + city + " --label 鼓楼区 " + file("keyA/organiser.pub"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("registered unit, fingerprint: " + fp("keyA")), std::string::npos) << r.output;
  ASSERT_EQ(en("unit add --db " + city + " --label 建设工会 " + file("keyB/organiser.pub")).status, 0);
  r = en("unit add --db " + city + " " + file("keyB/organiser.pub"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("already registered"), std::string::npos) << r.output;

  r = en("rollup import --db " + city + " " + file("A.ankr") + " " + file("B.ankr"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("imported " + file("A.ankr") + ": unit 鼓楼区 (" + fp("keyA") + "), exported "), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("30 attempts, 600 answers, 0 team results, 4 registrations"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("registered twice (重复报名): " + uscc + " " + name + " by 鼓楼区总工会 (鼓楼区 · " + fp("keyA") +
                          ") and 市建设工会 (建设工会 · " + fp("keyB") + "); the totals count 鼓楼区总工会"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("imported 2, already imported 0, refused 0, answers added 1200, registered twice 1"), std::string::npos)
      << r.output;

  r = zh("rollup import --db " + city + " " + dir.string());  // the folder: both files again
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("重复（未改变） " + file("A.ankr")), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("重复报名：" + uscc + " " + name + " 由 鼓楼区总工会（鼓楼区 · "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("已导入 0, 重复（未改变） 2, 拒绝 0, 新增答题记录 0"), std::string::npos) << r.output;

  // A key the city does not know, and a damaged file: refused, exit 1, nothing added.
  ASSERT_EQ(en("keys init --dir " + file("keyC")).status, 0);
  ASSERT_EQ(en("rollup export --db " + file("A.db") + " --key " + file("keyC") + " -o " + file("C.ankr")).status, 0);
  {
    std::ifstream in(file("A.ankr"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(file("cut.ankr"), std::ios::binary) << bytes.substr(0, bytes.size() - 100);
  }
  r = en("rollup import --db " + city + " " + file("C.ankr") + " " + file("cut.ankr"));
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("REFUSED " + file("C.ankr") + ": unregistered unit key (fingerprint " + fp("keyC") +
                          "): register it with ankang unit add"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("REFUSED " + file("cut.ankr") + ": length mismatch"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("imported 0, already imported 0, refused 2, answers added 0"), std::string::npos) << r.output;

  r = en("rollup duplicates --db " + city);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.output.find("registered twice: 1"), std::string::npos) << r.output;
  r = en("unit list --db " + city);
  EXPECT_NE(r.output.find(fp("keyA") + "\t鼓楼区\t1 roll-ups"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\t5 registrations"), std::string::npos) << r.output;

  // The city's table: a block per unit and the 重复报名 block.
  ASSERT_EQ(en("report --db " + city + " --year 2026 --format csv -o " + file("city-2026.csv")).status, 0);
  std::ifstream csv(file("city-2026.csv"));
  const std::string table((std::istreambuf_iterator<char>(csv)), {});
  EXPECT_NE(table.find("\r\n重复报名（"), std::string::npos);
  EXPECT_NE(table.find(",市建设工会,市建设工会（建设工会 · " + fp("keyB") + "）,产业,77,否\r\n"), std::string::npos) << table;

  // Filed, it is next year's baseline.
  const auto next = file("next.db");
  r = en("baseline import --db " + next + " --year 2026 " + file("city-2026.csv"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("baseline imported 2026: "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("60 participants, 60 attempts"), std::string::npos) << r.output;
  r = en("baseline import --db " + next + " --year 2026 " + file("city-2026.csv"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("baseline unchanged (imported before) 2026"), std::string::npos) << r.output;
  {
    // Other figures for the same year: the table without its last unit (and its 总计 row).
    std::vector<std::string> lines;
    for (std::size_t at = 0, end; (end = table.find("\r\n", at)) != std::string::npos; at = end + 2) lines.push_back(table.substr(at, end - at));
    while (lines.back().find(",总计,") == std::string::npos) lines.pop_back();
    lines.pop_back();
    lines.pop_back();  // the last unit's 合计
    while (lines.back().find(",合计,") == std::string::npos) lines.pop_back();
    std::ofstream changed(file("changed.csv"), std::ios::binary);
    for (const auto& line : lines) changed << line << "\r\n";
  }
  r = en("baseline import --db " + next + " --year 2026 " + file("changed.csv"));
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("add --replace to replace it"), std::string::npos) << r.output;
  r = en("baseline import --db " + next + " --year 2026 --replace " + file("changed.csv"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("baseline replaced 2026"), std::string::npos) << r.output;
  std::ofstream(file("bad.csv")) << "组织单位,企业名称,参赛人数,答题人次\n鼓楼区总工会,甲,x,3\n";
  r = en("baseline import --db " + next + " --year 2025 " + file("bad.csv"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find(file("bad.csv") + ":2:3: participants: 'x' is not a whole number of zero or more"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("1 problem(s): nothing imported"), std::string::npos) << r.output;
  r = en("baseline show --db " + next);
  EXPECT_NE(r.output.find("2026 (changed.csv)"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("2025"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace ankang::results
