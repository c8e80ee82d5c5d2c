// `ankang package build | show` as an organiser runs them: a package with
// its roster that verifies, and bad files that write nothing.
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "results/keys.h"
#include "results/package.h"
#include "tests/support/run_command.h"

namespace ankang::results {
namespace {

namespace fs = std::filesystem;

using ankang::test::run;
using Outcome = ankang::test::CommandResult;

class PackageCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("ankang-package-command-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    ASSERT_EQ(run(ankang + " keys init --dir " + file("org")).status, 0);
    write("roster.csv",
          "统一社会信用代码,企业名称,班组\n"
          "91350100MA2Y00001H,福州港务集团,装卸一班\n"
          "91350100MA2Y00002L,闽江化工有限公司,储运班\n"
          "91350100MA2Y00001H,福州港务集团,机修班\n");
  }
  void TearDown() override { fs::remove_all(dir); }

  std::string file(const std::string& name) const { return (dir / name).string(); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(file(name)) << text; }
  Outcome build(const std::string& roster, const std::string& extra = {}) const {
    return run("LANG=C " + ankang + " package build --key " + file("org") + " --config " + source + "/data/contests/team.json" +
               " --bank " + source + "/data/bank/fire-safety.json --roster " + file(roster) + " --out " +
               file("contest.ankpkg") + " " + extra);
  }

  fs::path dir;
  const std::string ankang = std::string(ANKANG_BIN_DIR) + "/ankang";
  const std::string source = ANKANG_SOURCE_DIR;
};

TEST_F(PackageCommand, BuildsASignedPackageWithItsRosterAndShowsIt) {
  const Outcome built = build("roster.csv", "--from 2026-04-01 --until 2026-06-30");
  ASSERT_EQ(built.status, 0) << built.output;
  EXPECT_NE(built.output.find("2 enterprises, 3 teams, valid 2026-04-01 to 2026-06-30"), std::string::npos) << built.output;
  const ContestPackage p = read_package_file(file("contest.ankpkg"), read_public_key(file("org/organiser.pub")));
  EXPECT_EQ(p.contest_id, "2026-ankang-team-final");
  EXPECT_EQ(p.name, "2026年安康杯安全知识竞赛 班组决赛");
  ASSERT_EQ(p.roster.size(), 2u);
  EXPECT_EQ(p.roster[0], (RosterEnterprise{"91350100MA2Y00001H", "福州港务集团", {"装卸一班", "机修班"}}));
  EXPECT_FALSE(p.question_ids.empty());
  // The window is whole days in China time: 2026-04-01 00:00 to 2026-06-30 24:00 (UTC+8).
  EXPECT_EQ(p.valid_from_ms, 1774972800000);
  EXPECT_EQ(p.valid_until_ms, 1782835200000 - 1);

  const Outcome shown = run(ankang + " package show " + file("contest.ankpkg") + " --key " + file("org/organiser.pub"));
  EXPECT_EQ(shown.status, 0) << shown.output;
  EXPECT_NE(shown.output.find("\"闽江化工有限公司\""), std::string::npos) << shown.output;
  EXPECT_NE(shown.output.find("\"valid_until\": \"2026-06-30\""), std::string::npos) << shown.output;
  // Another organiser's key: refused.
  ASSERT_EQ(run(ankang + " keys init --dir " + file("other")).status, 0);
  const Outcome forged = run("LANG=C " + ankang + " package show " + file("contest.ankpkg") + " --key " + file("other/organiser.pub"));
  EXPECT_NE(forged.status, 0);
  EXPECT_NE(forged.output.find("invalid contest package signature"), std::string::npos) << forged.output;
}

TEST_F(PackageCommand, BadFilesAreLocatedAndNothingIsWritten) {
  write("bad.csv",
        "统一社会信用代码,企业名称,班组\n"
        "91350100MA2Y00001X,福州港务集团,装卸一班\n"
        "91350100MA2Y00002L,,储运班\n");
  Outcome r = build("bad.csv");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("bad.csv:2:1: USCC:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("bad.csv:3:2: enterprise name:"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(file("contest.ankpkg")));

  write("questions.csv", "题型,题干\n单选,\n");
  r = run("LANG=C " + ankang + " package build --key " + file("org") + " --config " + source +
          "/data/contests/team.json --bank " + file("questions.csv") + " --roster " + file("roster.csv") + " --out " +
          file("contest.ankpkg"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("questions.csv:"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(file("contest.ankpkg")));

  r = build("roster.csv", "--from 2026-02-30");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("no such day"), std::string::npos) << r.output;
  r = build("roster.csv", "--from 2026-06-01 --until 2026-05-01");
  EXPECT_NE(r.status, 0);
  EXPECT_FALSE(fs::exists(file("contest.ankpkg")));
}

}  // namespace
}  // namespace ankang::results
