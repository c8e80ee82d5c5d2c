#include "results/enterprise_list.h"

#include <gtest/gtest.h>

namespace ankang::results {
namespace {

TEST(EnterpriseList, ReadsRowsAndLocatesProblems) {
  const std::string csv =
      "\xEF\xBB\xBF统一社会信用代码,企业名称,归属,组织单位,职工人数\r\n"
      "91350100M000100Y43,\"甲公司, 福州\",属地,鼓楼区总工会,120\r\n"
      "91110000802100433B,乙公司,街道,鼓楼区总工会,80\r\n"
      "914403001922038216,丙公司,产业,市建设工会,十\r\n";
  auto list = read_enterprise_list(read_csv_rows(csv));
  ASSERT_EQ(list.enterprises.size(), 1u);
  EXPECT_EQ(list.enterprises[0].enterprise.name, "甲公司, 福州");
  EXPECT_EQ(list.enterprises[0].enterprise.affiliation, "district");
  EXPECT_EQ(list.enterprises[0].enterprise.headcount, 120);
  ASSERT_EQ(list.problems.size(), 2u);
  EXPECT_EQ(list.problems[0].line, 3);
  EXPECT_EQ(list.problems[0].column, 3);
  EXPECT_EQ(list.problems[0].field, "affiliation");
  EXPECT_EQ(list.problems[1].line, 4);
  EXPECT_EQ(list.problems[1].column, 5);
  EXPECT_EQ(format_problem("list.csv", list.problems[1], false).substr(0, 26), "list.csv:4:5: headcount: '");
}

TEST(EnterpriseList, MissingColumnIsNamed) {
  auto list = read_enterprise_list(read_csv_rows("uscc,name,unit,headcount\n91350100M000100Y43,甲,区,1\n"));
  ASSERT_EQ(list.problems.size(), 1u);
  EXPECT_EQ(list.problems[0].field, "affiliation");
}

TEST(EnterpriseList, RegistrationIsAllOrNone) {
  OrganiserStore store(":memory:");
  auto list = read_enterprise_list(read_csv_rows(
      "uscc,name,affiliation,unit,headcount\n"
      "91350100M000100Y43,甲,district,区总工会,10\n"
      "91350100M000100Y44,乙,district,区总工会,10\n"));
  ASSERT_TRUE(list.problems.empty());
  auto problems = register_enterprises(store, list, 2026).problems;
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_EQ(problems[0].column, 1);
  EXPECT_NE(problems[0].message.en.find("expected '3'"), std::string::npos);
  EXPECT_FALSE(store.enterprise("91350100M000100Y43"));
}

TEST(EnterpriseList, ACorrectedListUpdatesTheYearsRegistrations) {
  OrganiserStore store(":memory:");
  const auto first = read_enterprise_list(read_csv_rows(
      "uscc,name,affiliation,unit,headcount\n"
      "91350100M000100Y43,甲,district,区总工会,10\n"
      "91110000802100433B,乙,district,区总工会,20\n"));
  const auto registered = register_enterprises(store, first, 2026);
  ASSERT_TRUE(registered.problems.empty());
  EXPECT_EQ(registered.added, 2);
  // The same list corrected: 乙's headcount, one more enterprise.
  const auto corrected = read_enterprise_list(read_csv_rows(
      "uscc,name,affiliation,unit,headcount\n"
      "91350100M000100Y43,甲,district,区总工会,10\n"
      "91110000802100433B,乙,district,区总工会,25\n"
      "914403001922038216,丙,district,区总工会,5\n"));
  const auto again = register_enterprises(store, corrected, 2026);
  ASSERT_TRUE(again.problems.empty()) << again.problems[0].message.en;
  EXPECT_EQ(again.added, 1);
  EXPECT_EQ(again.updated, 1);
  EXPECT_EQ(again.unchanged, 1);
  EXPECT_EQ(store.year_registrations(2026).at("91110000802100433B").headcount, 25);
  EXPECT_EQ(store.enterprise("91110000802100433B")->headcount, 25);
}

TEST(EnterpriseList, TheSameEnterpriseTwiceInOneListIsRefusedAtItsSecondLine) {
  OrganiserStore store(":memory:");
  const auto list = read_enterprise_list(read_csv_rows(
      "uscc,name,affiliation,unit,headcount\n"
      "91350100M000100Y43,甲,district,区总工会,10\n"
      "91110000802100433B,乙,district,区总工会,20\n"
      "91350100m000100y43,甲公司,district,区总工会,12\n"));
  const auto done = register_enterprises(store, list, 2026);
  ASSERT_EQ(done.problems.size(), 1u);
  EXPECT_EQ(done.problems[0].line, 4);
  EXPECT_NE(done.problems[0].message.zh.find("与第 2 行是同一企业"), std::string::npos) << done.problems[0].message.zh;
  EXPECT_EQ(done.added, 0);
  EXPECT_TRUE(store.year_registrations(2026).empty()) << "all or none";
}

TEST(EnterpriseList, AnotherUnitsRegistrationOfTheSameYearIsRefusedNamingIt) {
  OrganiserStore store(":memory:");
  const auto mine = read_enterprise_list(read_csv_rows(
      "uscc,name,affiliation,unit,headcount\n91350100M000100Y43,甲,district,鼓楼区总工会,10\n"));
  ASSERT_TRUE(register_enterprises(store, mine, 2026).problems.empty());
  const auto theirs = read_enterprise_list(read_csv_rows(
      "uscc,name,affiliation,unit,headcount\n91350100M000100Y43,甲,industry,市建设工会,10\n"));
  const auto refused = register_enterprises(store, theirs, 2026);
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_NE(refused.problems[0].message.zh.find("不能重复报名"), std::string::npos);
  EXPECT_NE(refused.problems[0].message.zh.find("鼓楼区总工会"), std::string::npos);
  // Another year, another unit: a registration of its own.
  EXPECT_TRUE(register_enterprises(store, theirs, 2027).problems.empty());
  EXPECT_EQ(store.year_registrations(2026).at("91350100M000100Y43").unit, "鼓楼区总工会");
  EXPECT_EQ(store.year_registrations(2027).at("91350100M000100Y43").unit, "市建设工会");
  EXPECT_EQ(store.enterprise("91350100M000100Y43")->unit, "市建设工会") << "the newest registration names it";
}

TEST(EnterpriseList, UnclosedQuoteIsAnError) {
  EXPECT_THROW(read_csv_rows("a,\"b\nc"), std::exception);
}

}  // namespace
}  // namespace ankang::results
