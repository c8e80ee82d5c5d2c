// `ankang bank import | export | validate`, run as the organiser runs them.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "test_support.h"

namespace ankang::bank {
namespace {

using namespace test;

struct Run {
  int exit_code;
  std::string output;  // stdout and stderr
};

Run ankang(const TempDir& dir, const std::string& args) {
  auto log = dir.path() / "log.txt";
  std::string command = "cd '" + dir.path().string() + "' && LANG=C LC_ALL= LC_MESSAGES= '" ANKANG_BIN_DIR "/ankang' " + args +
                        " > '" + log.string() + "' 2>&1";
  int status = std::system(command.c_str());
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

std::string read_text(const std::filesystem::path& p) {
  auto bytes = detail_read(p);
  return bytes ? text_of(*bytes) : std::string();
}

constexpr std::string_view kGood =
    "题型,题干,选项A,选项B,答案,分类\n单选,安全生产月是几月？,3月,6月,B,安全文化\n判断,高温天气应当采取防暑降温措施。,,,对,职业健康\n";
constexpr std::string_view kBad = "题型,题干,选项A,选项B,答案\n单选,好题,甲,乙,A\n判断,坏题,,,也许\n";

TEST(BankIoCli, ImportIsAllOrNothingAndNamesEveryProblem) {
  TempDir dir;
  dir.write("bad.csv", bytes_of(kBad));
  auto run = ankang(dir, "bank import --db bank.db bad.csv");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("bad.csv:3:5: 答案: true/false answer \"也许\" not understood"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("nothing imported"), std::string::npos) << run.output;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "bank.db"));  // not even opened
}

TEST(BankIoCli, SkipBadImportsTheGoodAndReportsTheRest) {
  TempDir dir;
  dir.write("bad.csv", bytes_of(kBad));
  auto run = ankang(dir, "bank import --db bank.db --skip-bad rejects.csv bad.csv");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("1 questions imported, 0 duplicates skipped"), std::string::npos) << run.output;
  auto report = read_text(dir.path() / "rejects.csv");
  EXPECT_NE(report.find("bad.csv,3,5,"), std::string::npos) << report;
  EXPECT_NE(report.find("\"判断,坏题,,,也许\""), std::string::npos) << report;
}

TEST(BankIoCli, ImportTwiceSkipsDuplicatesAndExportRoundTrips) {
  TempDir dir;
  dir.write("good.csv", bytes_of(kGood));
  auto run = ankang(dir, "bank import --db bank.db good.csv");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("2 questions imported, 0 duplicates skipped"), std::string::npos) << run.output;
  run = ankang(dir, "bank import --db bank.db good.csv");
  EXPECT_NE(run.output.find("0 questions imported, 2 duplicates skipped"), std::string::npos) << run.output;

  for (std::string out : {"out.csv", "out.xlsx", "out.gift", "out.xml", "out.json"}) {
    run = ankang(dir, "bank export --db bank.db -o " + out);
    ASSERT_EQ(run.exit_code, 0) << out << run.output;
    run = ankang(dir, "bank import --db copy-" + out + ".db " + out);
    ASSERT_EQ(run.exit_code, 0) << out << run.output;
    EXPECT_NE(run.output.find("2 questions imported"), std::string::npos) << out << run.output;
    run = ankang(dir, "bank import --db bank.db " + out);
    EXPECT_NE(run.output.find("0 questions imported, 2 duplicates skipped"), std::string::npos) << out << run.output;
  }
  // A .txt is read by its content: the numbered text bank written here is told from GIFT and Aiken.
  run = ankang(dir, "bank export --db bank.db --format text -o 题库.txt");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  run = ankang(dir, "bank import --db copy-text.db 题库.txt");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("2 questions imported"), std::string::npos) << run.output;
  run = ankang(dir, "bank import --db bank.db 题库.txt");
  EXPECT_NE(run.output.find("0 questions imported, 2 duplicates skipped"), std::string::npos) << run.output;
}

TEST(BankIoCli, ExportRefusesWhatTheFormatCannotCarryUnlessAsked) {
  TempDir dir;
  dir.write("good.csv", bytes_of(kGood));
  ASSERT_EQ(ankang(dir, "bank import --db bank.db good.csv").exit_code, 0);
  auto run = ankang(dir, "bank export --db bank.db --format aiken -o out.txt");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("Aiken carries only single-choice questions, not true_false"), std::string::npos) << run.output;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out.txt"));
  run = ankang(dir, "bank export --db bank.db --format aiken -o out.txt --skip-unsupported");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(read_text(dir.path() / "out.txt"), "安全生产月是几月？\nA. 3月\nB. 6月\nANSWER: B\n\n");
}

TEST(BankIoCli, ValidateReportsWithoutADatabase) {
  TempDir dir;
  dir.write("bad.csv", bytes_of(kBad));
  dir.write("good.csv", bytes_of(kGood));
  auto run = ankang(dir, "bank validate good.csv");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  run = ankang(dir, "bank validate good.csv bad.csv");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("3 questions can be imported, 1 problems"), std::string::npos) << run.output;
  run = ankang(dir, "bank validate --format doc good.csv");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("unknown format doc (use one of: csv, tsv, xlsx, gift, moodle-xml, aiken, json, xls, text, docx)"),
            std::string::npos) << run.output;
  // A CSV named as Word is refused as no Word document, not read as something else.
  run = ankang(dir, "bank validate --format docx good.csv");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("good.csv: not a valid Word document"), std::string::npos) << run.output;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 3);
}

}  // namespace
}  // namespace ankang::bank
