#include "question_bank/bank.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "sample_questions.h"

namespace ankang::bank {
namespace {

using testing::every_type;
using testing::single_choice;

TEST(Bank, RoundTripsEveryTypeWithPictureTagsAndCategory) {
  auto bank = Bank::open(":memory:");
  auto input = every_type();
  auto outcome = bank.insert(input);
  ASSERT_EQ(outcome.inserted, static_cast<int>(input.size()));
  EXPECT_EQ(outcome.duplicates, 0);
  ASSERT_EQ(outcome.ids.size(), input.size());
  for (std::size_t i = 0; i < input.size(); ++i) {
    auto stored = bank.get(outcome.ids[i]);
    ASSERT_TRUE(stored) << i;
    Question expected = input[i];
    expected.id = outcome.ids[i];
    expected.created_at = stored->created_at;
    expected.updated_at = stored->updated_at;
    EXPECT_GT(stored->created_at, 0);
    EXPECT_EQ(*stored, expected) << "question " << i << " (" << type_code(input[i].type) << ")";
  }
  EXPECT_EQ(bank.all().size(), input.size());
}

TEST(Bank, GivesNewQuestionsRandomVersion4Uuids) {
  auto bank = Bank::open(":memory:");
  auto outcome = bank.insert(every_type());
  std::set<std::string> unique(outcome.ids.begin(), outcome.ids.end());
  EXPECT_EQ(unique.size(), outcome.ids.size());
  for (const auto& id : outcome.ids) {
    ASSERT_EQ(id.size(), 36u) << id;
    EXPECT_EQ(id[14], '4') << id;
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
  }
}

TEST(Bank, KeepsAGivenId) {
  auto bank = Bank::open(":memory:");
  auto q = single_choice("题干");
  q.id = "81e11b63-5a08-4eac-ba04-5e7adc2000d6";
  EXPECT_EQ(bank.insert({q}).ids.front(), q.id);
  EXPECT_TRUE(bank.get(q.id));
  EXPECT_FALSE(bank.get("00000000-0000-4000-8000-000000000000"));
}

TEST(Bank, SkipsDuplicatesAndReturnsTheExistingId) {
  auto bank = Bank::open(":memory:");
  auto first = bank.insert({single_choice("安全生产工作坚持的方针是（　）。")});
  // Same stem up to full-width letters and spaces, options shuffled: same question.
  auto again = single_choice("安全生产工作坚持的方针是 （　）。");
  std::reverse(again.options.begin(), again.options.end());
  again.correct = {2};
  auto second = bank.insert({again, single_choice("另一道题的题干")});
  EXPECT_EQ(second.inserted, 1);
  EXPECT_EQ(second.duplicates, 1);
  EXPECT_EQ(second.ids[0], first.ids[0]);
  EXPECT_EQ(bank.count(), 2);
}

TEST(Bank, DuplicateKeyDependsOnTheAnswer) {
  auto a = single_choice("题干");
  auto b = a;
  b.correct = {1};
  EXPECT_NE(duplicate_key(a), duplicate_key(b));
  auto c = a;
  c.stem = "题 干";
  EXPECT_EQ(duplicate_key(a), duplicate_key(c));
  auto pictures = every_type().back();
  auto other_picture = pictures;
  other_picture.image.bytes.push_back(9);
  EXPECT_NE(duplicate_key(pictures), duplicate_key(other_picture));
}

TEST(Bank, DuplicatesInsideOneBatchAreSkipped) {
  auto bank = Bank::open(":memory:");
  auto outcome = bank.insert({single_choice("同一道题"), single_choice("同一道题")});
  EXPECT_EQ(outcome.inserted, 1);
  EXPECT_EQ(outcome.duplicates, 1);
  EXPECT_EQ(outcome.ids[0], outcome.ids[1]);
}

TEST(Bank, AnInvalidQuestionStoresNothingAndSaysWhy) {
  auto bank = Bank::open(":memory:");
  auto bad = single_choice("只有一个选项的题");
  bad.options = {"唯一"};
  bad.correct = {0};
  try {
    bank.insert({single_choice("好题一"), bad, single_choice("好题三")});
    FAIL() << "expected BankError";
  } catch (const BankError& e) {
    EXPECT_NE(e.text().zh.find("第 2 题"), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().zh.find("options"), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().en.find("question 2"), std::string::npos) << e.text().en;
    EXPECT_NE(e.text().en.find("needs at least two options"), std::string::npos) << e.text().en;
  }
  EXPECT_EQ(bank.count(true), 0);
  EXPECT_EQ(bank.stats().total, 0);
}

TEST(Bank, AnIdTakenByAnotherQuestionRollsEverythingBack) {
  auto bank = Bank::open(":memory:");
  auto q = single_choice("第一题");
  q.id = "81e11b63-5a08-4eac-ba04-5e7adc2000d6";
  bank.insert({q});
  auto clash = single_choice("内容不同的题");
  clash.id = q.id;
  EXPECT_THROW(bank.insert({single_choice("新题"), clash}), BankError);
  EXPECT_EQ(bank.count(true), 1);
  EXPECT_TRUE(bank.search("新题").empty());
}

TEST(Bank, RetiredQuestionsStayButLeaveSearchStatsAndAll) {
  auto bank = Bank::open(":memory:");
  auto ids = bank.insert(every_type()).ids;
  bank.retire(ids[0]);
  bank.retire(ids[0]);  // twice is harmless
  auto retired = bank.get(ids[0]);
  ASSERT_TRUE(retired);
  EXPECT_EQ(retired->status, QuestionStatus::retired);
  EXPECT_EQ(bank.count(), static_cast<int>(ids.size()) - 1);
  EXPECT_EQ(bank.count(true), static_cast<int>(ids.size()));
  EXPECT_EQ(bank.all().size(), ids.size() - 1);
  EXPECT_EQ(bank.all(true).size(), ids.size());
  EXPECT_EQ(bank.stats().total, static_cast<int>(ids.size()) - 1);
  EXPECT_TRUE(bank.search("坚持的方针").empty());
  EXPECT_THROW(bank.retire("no-such-id"), BankError);
}

TEST(Bank, SearchesChineseWithTheTrigramIndex) {
  auto bank = Bank::open(":memory:");
  auto ids = bank.insert(every_type()).ids;
  EXPECT_EQ(bank.search("坚持的方针"), std::vector<std::string>{ids[0]});
  // In the options only.
  EXPECT_EQ(bank.search("防消结合"), std::vector<std::string>{ids[0]});
  // In the explanation only.
  EXPECT_EQ(bank.search("梯子没有人扶"), std::vector<std::string>{ids.back()});
  // Every word must match.
  EXPECT_EQ(bank.search("安全生产 全国"), std::vector<std::string>{ids[2]});
  EXPECT_TRUE(bank.search("不存在的内容").empty());
  // Quotes in the text do not break the query.
  EXPECT_TRUE(bank.search("\"引号\"").empty());
}

TEST(Bank, SearchesOneAndTwoCharacterWordsWithLike) {
  auto bank = Bank::open(":memory:");
  auto ids = bank.insert(every_type()).ids;
  // 粉尘 is in the stem of none but the options of the multiple-choice and the pairs of matching (not searched).
  EXPECT_EQ(bank.search("粉尘"), std::vector<std::string>{ids[1]});
  // 隐患 is in a stem; 6月 too.
  EXPECT_EQ(bank.search("隐患"), std::vector<std::string>{ids.back()});
  EXPECT_EQ(bank.search("6月"), std::vector<std::string>{ids[2]});
  EXPECT_EQ(bank.search("方针").size(), 2u);
  EXPECT_EQ(bank.search("方针", 1).size(), 1u);
  // A stem match ranks before an explanation match, though inserted later.
  auto in_explanation = single_choice("登高作业前应检查什么？");
  in_explanation.explanation = "使用扶梯前要检查。";
  auto in_stem = single_choice("扶梯应由谁扶稳？");
  auto later = bank.insert({in_explanation, in_stem}).ids;
  EXPECT_EQ(bank.search("扶梯"), (std::vector<std::string>{later[1], later[0]}));
  EXPECT_TRUE(bank.search("%").empty());
}

TEST(Bank, CountsByTypeTopCategoryAndDifficulty) {
  auto bank = Bank::open(":memory:");
  bank.insert(every_type());
  auto s = bank.stats();
  EXPECT_EQ(s.total, 8);
  EXPECT_EQ(s.by_type.at("fill_blank"), 2);
  EXPECT_EQ(s.by_type.at("hotspot"), 1);
  EXPECT_EQ(s.by_type.count("single"), 1u);
  EXPECT_EQ(s.by_category.at("职业病防治"), 2);  // 粉尘 and 个体防护 roll up
  EXPECT_EQ(s.by_category.at("安全生产法律法规"), 2);
  EXPECT_EQ(s.by_difficulty.at(3), 6);
  EXPECT_EQ(s.by_difficulty.at(2), 1);
  EXPECT_EQ(s.by_difficulty.at(4), 1);
}

TEST(Bank, PersistsInAFile) {
  auto path = testing::temp_path("bank_persist.db");
  std::remove(path.c_str());
  std::string id;
  {
    auto bank = Bank::open(path);
    id = bank.insert({single_choice("存到文件里的题")}).ids.front();
  }
  auto bank = Bank::open(path);
  ASSERT_TRUE(bank.get(id));
  EXPECT_EQ(bank.search("存到文件").front(), id);
  std::remove(path.c_str());
}

TEST(Bank, RefusesAFileThatIsNotADatabase) {
  auto path = testing::temp_path("not_a_bank.db");
  FILE* f = std::fopen(path.c_str(), "wb");
  std::fputs("这不是数据库，只是一些文字。This is not a database, just some text that is long enough.", f);
  std::fclose(f);
  try {
    Bank::open(path);
    FAIL() << "expected BankError";
  } catch (const BankError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace ankang::bank
