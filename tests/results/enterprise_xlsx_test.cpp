// The XLSX path of the enterprise list: workbooks written here with
// libxlsxwriter (as Excel would save them), read by the library and by
// `ankang enterprise import`.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "results/codec.h"
#include "results/enterprise_list.h"
#include "tests/support/run_command.h"

namespace ankang::results {
namespace {

namespace fs = std::filesystem;

constexpr const char* kE1 = "91350100M000100Y43";
constexpr const char* kE2 = "91110000802100433B";

// One sheet; a cell that reads as a whole number is written as a number,
// as a spreadsheet user would type the headcount.
void write_workbook(const std::string& path, const std::vector<std::vector<std::string>>& rows) {
  lxw_workbook* wb = workbook_new(path.c_str());
  ASSERT_NE(wb, nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "参赛企业");
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const auto& text = rows[r][c];
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      if (r > 0 && !text.empty() && text.find_first_not_of("0123456789") == std::string::npos)
        worksheet_write_number(ws, row, col, std::stod(text), nullptr);
      else
        worksheet_write_string(ws, row, col, text.c_str(), nullptr);
    }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

const std::vector<std::string> kHeader = {"统一社会信用代码", "企业名称", "归属", "组织单位", "职工人数"};

struct EnterpriseXlsx : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("ankang-ent-xlsx-" + std::to_string(::getpid()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }
  std::string file(const std::string& name) { return (dir / name).string(); }
};

TEST_F(EnterpriseXlsx, RowsAreReadAndRegistered) {
  const auto path = file("list.xlsx");
  write_workbook(path, {kHeader, {kE1, "甲公司", "属地", "鼓楼区总工会", "120"}, {kE2, "乙公司", "企业联合会", "市企业联合会", "80"}});
  auto list = read_enterprise_list(read_xlsx_rows(read_file(path, 1u << 20)));
  ASSERT_TRUE(list.problems.empty()) << format_problem(path, list.problems[0], false);
  ASSERT_EQ(list.enterprises.size(), 2u);
  EXPECT_EQ(list.enterprises[1].line, 3);
  OrganiserStore store(":memory:");
  EXPECT_TRUE(register_enterprises(store, list, 2026).problems.empty());
  auto e1 = store.enterprise(kE1);
  ASSERT_TRUE(e1);
  EXPECT_EQ(e1->name, "甲公司");
  EXPECT_EQ(e1->affiliation, "district");
  EXPECT_EQ(e1->unit, "鼓楼区总工会");
  EXPECT_EQ(e1->headcount, 120);
  auto e2 = store.enterprise(kE2);
  ASSERT_TRUE(e2);
  EXPECT_EQ(e2->affiliation, "federation");
  EXPECT_EQ(e2->headcount, 80);
}

TEST_F(EnterpriseXlsx, BadRowIsLocatedBySheetRowAndColumn) {
  const auto path = file("list.xlsx");
  write_workbook(path, {kHeader, {kE1, "甲公司", "属地", "鼓楼区总工会", "120"}, {kE2, "乙公司", "街道", "鼓楼区总工会", "80"}});
  auto list = read_enterprise_list(read_xlsx_rows(read_file(path, 1u << 20)));
  ASSERT_EQ(list.problems.size(), 1u);
  EXPECT_EQ(list.problems[0].line, 3);
  EXPECT_EQ(list.problems[0].column, 3);
  EXPECT_EQ(list.problems[0].field, "affiliation");
  EXPECT_EQ(format_problem("list.xlsx", list.problems[0], true).substr(0, 23), "list.xlsx:3:3: 归属: ");
}

using ankang::test::run;

// The command as an organiser runs it: all rows or none, problems located.
TEST_F(EnterpriseXlsx, CommandImportsAllOrNone) {
  const std::string ankang = std::string(ANKANG_BIN_DIR) + "/ankang";
  const auto db = file("org.db");
  const auto bad = file("bad.xlsx");
  write_workbook(bad, {kHeader, {kE1, "甲公司", "属地", "鼓楼区总工会", "120"}, {kE2, "乙公司", "产业", "市建设工会", "十"}});
  auto refused = run("LANG=C " + ankang + " enterprise import --db " + db + " " + bad);
  EXPECT_NE(refused.status, 0);
  EXPECT_NE(refused.output.find("bad.xlsx:3:5: headcount:"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("no enterprise was registered"), std::string::npos) << refused.output;

  const auto good = file("good.xlsx");
  write_workbook(good, {kHeader, {kE1, "甲公司", "属地", "鼓楼区总工会", "120"}, {kE2, "乙公司", "产业", "市建设工会", "80"}});
  auto imported = run("LANG=C " + ankang + " enterprise import --db " + db + " --year 2026 " + good);
  EXPECT_EQ(imported.status, 0) << imported.output;
  EXPECT_NE(imported.output.find("2 enterprises registered for 2026 (2 new, 0 updated, 0 unchanged)"), std::string::npos)
      << imported.output;
  OrganiserStore store(db);
  ASSERT_TRUE(store.enterprise(kE2));
  EXPECT_EQ(store.enterprise(kE2)->affiliation, "industry");
  EXPECT_EQ(store.enterprise(kE2)->headcount, 80);
}

}  // namespace
}  // namespace ankang::results
