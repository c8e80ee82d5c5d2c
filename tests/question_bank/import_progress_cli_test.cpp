// `ankang bank import` on a terminal: the progress bar moves while the
// questions are stored and indexed, not only between files.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sample_questions.h"

namespace ankang::bank {
namespace {

TEST(ImportProgressCli, TheBarMovesDuringTheInsertWhenStderrIsATerminal) {
  namespace fs = std::filesystem;
  if (std::system("command -v script > /dev/null 2>&1") != 0) GTEST_SKIP() << "script(1) is needed for a terminal";
  fs::path dir = testing::temp_path("import_progress");
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream csv(dir / "many.csv", std::ios::binary);
    csv << "题型,题干,选项A,选项B,答案\n";
    for (int i = 0; i < 9000; ++i) csv << "单选,第" << i << "题：进入受限空间前应当怎么做？,先通风检测,直接进入,A\n";
  }
  // script(1) gives the command a terminal; its output, bar included, goes to the log.
  auto log = dir / "log.txt";
  std::string command = "cd '" + dir.string() + "' && LANG=C LC_ALL= LC_MESSAGES= script -qec \"'" ANKANG_BIN_DIR
                        "/ankang' bank import --db bank.db many.csv\" '" + log.string() + "' > /dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::stringstream text;
  text << std::ifstream(log).rdbuf();
  const auto out = text.str();
  EXPECT_NE(out.find("4096/9000 storing"), std::string::npos) << out;
  EXPECT_NE(out.find("8192/9000 storing"), std::string::npos) << out;
  EXPECT_NE(out.find("indexing for search"), std::string::npos) << out;
  EXPECT_NE(out.find("9000 questions imported"), std::string::npos) << out;
  fs::remove_all(dir);
}

TEST(ImportProgressCli, NoBarWhenStderrIsNotATerminal) {
  namespace fs = std::filesystem;
  fs::path dir = testing::temp_path("import_no_progress");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "one.csv", std::ios::binary) << "题型,题干,选项A,选项B,答案\n单选,一道题,甲,乙,A\n";
  auto log = dir / "log.txt";
  std::string command = "cd '" + dir.string() + "' && LANG=C LC_ALL= LC_MESSAGES= '" ANKANG_BIN_DIR
                        "/ankang' bank import --db bank.db one.csv > '" + log.string() + "' 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::stringstream text;
  text << std::ifstream(log).rdbuf();
  EXPECT_EQ(text.str().find("storing"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("1 questions imported"), std::string::npos) << text.str();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ankang::bank
