// `ankang bank import` of a corrected sheet, as an organiser runs it: without
// --replace a warning per changed question names its file, line and the old
// question, and the import succeeds; with --replace the old one is retired.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "question_bank/bank.h"
#include "sample_questions.h"

namespace ankang::bank {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHeader = "题型,题干,选项A,选项B,选项C,答案,分类\n";
constexpr const char* kFire = "单选,灭火器压力表指针在哪个区域表示正常？,红区,绿区,黄区,B,消防安全\n";

struct Run {
  int status = 0;
  std::string output;  // stdout and stderr
};

Run import(const fs::path& dir, const std::string& arguments, const char* lang) {
  const auto log = dir / "log.txt";
  const std::string command = "cd '" + dir.string() + "' && LANG=" + lang + " LC_ALL= LC_MESSAGES= '" ANKANG_BIN_DIR
                              "/ankang' bank import --db bank.db " + arguments + " > '" + log.string() + "' 2>&1";
  Run run;
  run.status = std::system(command.c_str());
  std::stringstream text;
  text << std::ifstream(log).rdbuf();
  run.output = text.str();
  return run;
}

TEST(ImportReplaceCli, ACorrectedSheetWarnsAtItsLineThenReplaceRetiresTheOldQuestion) {
  const fs::path dir = testing::temp_path("import_replace");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "v1.csv", std::ios::binary) << kHeader << "单选,安全生产月是每年的几月？,3月,6月,9月,A,安全文化\n" << kFire;
  std::ofstream(dir / "v2.csv", std::ios::binary) << kHeader << kFire << "单选,安全生产月是每年的几月？,3月,6月,9月,B,安全文化\n";
  ASSERT_EQ(import(dir, "v1.csv", "zh_CN.UTF-8").status, 0);
  const std::string old_id = Bank::open((dir / "bank.db").string()).all().front().id;

  const auto kept = import(dir, "v2.csv", "zh_CN.UTF-8");
  EXPECT_EQ(kept.status, 0) << kept.output;
  EXPECT_NE(kept.output.find("v2.csv:3: 题干与题库中已有的题 " + old_id.substr(0, 8) +
                             " 相同但答案不同；已有的题仍在使用。要以新题替换旧题，请加 --replace"),
            std::string::npos)
      << kept.output;
  EXPECT_NE(kept.output.find("导入 1 道题，重复跳过 1 道，1 道与已有的题答案不同，旧题仍在使用（警告 1 条）"), std::string::npos)
      << kept.output;
  {
    auto bank = Bank::open((dir / "bank.db").string());
    EXPECT_EQ(bank.count(), 3);
    EXPECT_EQ(bank.get(old_id)->status, QuestionStatus::active);
  }

  const auto replaced = import(dir, "--replace v2.csv", "C");
  EXPECT_EQ(replaced.status, 0) << replaced.output;
  EXPECT_NE(replaced.output.find("v2.csv:3: same stem as the bank's question " + old_id.substr(0, 8)),
            std::string::npos)
      << replaced.output;
  EXPECT_NE(replaced.output.find("0 questions imported, 2 duplicates skipped, 1 old questions replaced (retired)"),
            std::string::npos)
      << replaced.output;
  auto bank = Bank::open((dir / "bank.db").string());
  EXPECT_EQ(bank.get(old_id)->status, QuestionStatus::retired);
  EXPECT_EQ(bank.count(), 2);
  EXPECT_EQ(bank.count(true), 3);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ankang::bank
