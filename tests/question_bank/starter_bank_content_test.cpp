// The starter bank's wording (issue 14): explanations name options by what
// they say, true statements carry no give-away words, enough questions are
// hard, and there are as many as the README says.
#include "question_bank/starter_bank.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace ankang::bank {
namespace {

// Words that point at an option by its place: "前三项" is wrong as soon as
// an option is edited, added or moved, and says less than the options' words.
std::vector<std::string> positional_words() {
  std::vector<std::string> words = {"以上各项", "以上选项", "以上都", "上述各项", "上述选项", "全部选项", "其余各项"};
  for (const char* n : {"一", "两", "二", "三", "四", "五"}) {
    for (const char* unit : {"项", "种"}) {
      words.push_back(std::string("前") + n + unit);
      words.push_back(std::string("后") + n + unit);
    }
  }
  for (char letter = 'A'; letter <= 'F'; ++letter) {
    words.push_back(std::string("选项") + letter);
    words.push_back(std::string(1, letter) + "项");
    words.push_back(std::string(1, letter) + "选项");
  }
  return words;
}

// 只要/一律 give a statement away as false; a true one must not use them.
bool has_absolute_word(const std::string& text) {
  return text.find("只要") != std::string::npos || text.find("一律") != std::string::npos;
}

bool is_correct_option(const Question& q, int index) {
  return std::find(q.correct.begin(), q.correct.end(), index) != q.correct.end();
}

TEST(StarterBankContent, ExplanationsNeverPointAtAnOptionsPlace) {
  const auto words = positional_words();
  for (const auto& q : starter_questions())
    for (const auto& word : words)
      EXPECT_EQ(q.explanation.find(word), std::string::npos)
          << q.id << ": the explanation says \"" << word << "\"; name the options by what they say";
}

TEST(StarterBankContent, TrueStatementsUseNoAbsoluteWords) {
  for (const auto& q : starter_questions()) {
    if (q.type == QuestionType::true_false && q.truth)
      EXPECT_FALSE(has_absolute_word(q.stem)) << q.id << ": a true statement says 只要/一律: " << q.stem;
    if (q.type == QuestionType::single || q.type == QuestionType::multiple)
      for (int i = 0; i < static_cast<int>(q.options.size()); ++i)
        if (is_correct_option(q, i))
          EXPECT_FALSE(has_absolute_word(q.options[i]))
              << q.id << ": a correct option says 只要/一律: " << q.options[i];
  }
}

TEST(StarterBankContent, AtLeastAFifthAreHard) {
  const auto questions = starter_questions();
  ASSERT_FALSE(questions.empty());
  const auto hard = std::count_if(questions.begin(), questions.end(), [](const Question& q) { return q.difficulty >= 4; });
  EXPECT_GE(hard * 5, static_cast<long>(questions.size()))
      << hard << " of " << questions.size() << " questions have difficulty 4-5, fewer than 20%";
}

// README.md: "the built-in starter bank (N questions in `data/bank/`, ...".
TEST(StarterBankContent, HasAtLeastTheCountTheReadmeGives) {
  std::ifstream readme(std::string(ANKANG_SOURCE_DIR) + "/README.md");
  ASSERT_TRUE(readme) << "README.md not found in " << ANKANG_SOURCE_DIR;
  std::stringstream text;
  text << readme.rdbuf();
  const std::string content = text.str();
  std::smatch found;
  ASSERT_TRUE(std::regex_search(content, found, std::regex(R"(starter bank \((\d+) questions)")))
      << "README.md does not give the starter bank's count as \"starter bank (N questions\"";
  const auto documented = std::stoul(found[1].str());
  EXPECT_GE(starter_questions().size(), documented) << "README.md promises " << documented << " questions";
}

}  // namespace
}  // namespace ankang::bank
