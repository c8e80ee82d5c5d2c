// Bank::edit (a wording fix in place, a new answer as a new question) and
// Bank::list (the console's paged, filtered list).
#include <gtest/gtest.h>

#include <algorithm>

#include "question_bank/bank.h"
#include "sample_questions.h"

namespace ankang::bank {
namespace {

using testing::every_type;
using testing::single_choice;

TEST(BankEdit, AWordingFixChangesTheQuestionInPlace) {
  auto bank = Bank::open(":memory:");
  const auto id = bank.insert({single_choice("安全生产工作坚持的方针是（　）。")}).ids.front();
  auto q = *bank.get(id);
  q.stem = "安全生产工作应当坚持的方针是（　）。";
  q.options[1] = "预防为主，防消结合";
  q.explanation = "见安全生产法第三条。";
  q.basis = {"《中华人民共和国安全生产法》", "第三条第一款"};
  q.category = {"安全文化", "方针"};
  q.difficulty = 4;
  const auto outcome = bank.edit(q);
  EXPECT_FALSE(outcome.replaced);
  EXPECT_EQ(outcome.id, id);
  const auto stored = *bank.get(id);
  EXPECT_EQ(stored.stem, q.stem);
  EXPECT_EQ(stored.options, q.options);
  EXPECT_EQ(stored.explanation, q.explanation);
  EXPECT_EQ(stored.basis, q.basis);
  EXPECT_EQ(stored.category, q.category);
  EXPECT_EQ(stored.difficulty, 4);
  EXPECT_EQ(stored.tags, q.tags);
  EXPECT_EQ(bank.count(true), 1);
  // The search index and the counts follow the change.
  EXPECT_EQ(bank.search("应当坚持"), std::vector<std::string>{id});
  EXPECT_TRUE(bank.search("工作坚持").empty());
  const auto stats = bank.stats();
  EXPECT_EQ(stats.total, 1);
  EXPECT_EQ(stats.by_category.at("安全文化"), 1);
  EXPECT_EQ(stats.by_difficulty.at(4), 1);
  EXPECT_EQ(stats.by_difficulty.count(2), 0u);
}

TEST(BankEdit, ANewAnswerRetiresTheOldQuestionAndStoresANewOne) {
  auto bank = Bank::open(":memory:");
  const auto id = bank.insert({single_choice("安全生产工作坚持的方针是（　）。")}).ids.front();
  auto q = *bank.get(id);
  q.correct = {1};
  const auto outcome = bank.edit(q);
  EXPECT_TRUE(outcome.replaced);
  EXPECT_NE(outcome.id, id);
  EXPECT_EQ(bank.get(id)->status, QuestionStatus::retired);
  EXPECT_EQ(bank.get(id)->correct, std::vector<int>{0});  // the old answer stays with the old results
  const auto fresh = *bank.get(outcome.id);
  EXPECT_EQ(fresh.status, QuestionStatus::active);
  EXPECT_EQ(fresh.correct, std::vector<int>{1});
  EXPECT_EQ(fresh.stem, q.stem);
  EXPECT_EQ(bank.count(), 1);
  EXPECT_EQ(bank.count(true), 2);
  EXPECT_EQ(bank.stats().total, 1);
}

TEST(BankEdit, ANewTypeIsANewQuestion) {
  auto bank = Bank::open(":memory:");
  const auto id = bank.insert({single_choice("下列哪项是安全生产的方针？")}).ids.front();
  auto q = *bank.get(id);
  q.type = QuestionType::multiple;
  q.correct = {0, 1};
  EXPECT_TRUE(bank.edit(q).replaced);
  EXPECT_EQ(bank.get(id)->status, QuestionStatus::retired);
}

TEST(BankEdit, RefusesAnInvalidQuestionADuplicateAndARetiredOne) {
  auto bank = Bank::open(":memory:");
  const auto ids = bank.insert({single_choice("第一道题的题干内容"), single_choice("第二道题的题干内容")}).ids;
  auto q = *bank.get(ids[0]);
  q.correct = {};
  try {
    bank.edit(q);
    FAIL() << "an invalid question was saved";
  } catch (const BankError& e) {
    EXPECT_NE(e.text().zh.find("未保存"), std::string::npos) << e.text().zh;
  }
  q = *bank.get(ids[0]);
  q.stem = "第二道题的题干内容";
  EXPECT_THROW(bank.edit(q), BankError);
  EXPECT_EQ(bank.get(ids[0])->stem, "第一道题的题干内容");
  bank.retire(ids[1]);
  EXPECT_THROW(bank.edit(*bank.get(ids[1])), BankError);
  q.id = "no-such-id";
  EXPECT_THROW(bank.edit(q), BankError);
}

ListQuery query(std::string text = {}, std::optional<QuestionType> type = {}, std::string category = {}, int difficulty = 0,
                bool include_retired = false, int offset = 0, int limit = 100) {
  ListQuery q;
  q.text = std::move(text);
  q.type = type;
  q.category = std::move(category);
  q.difficulty = difficulty;
  q.include_retired = include_retired;
  q.offset = offset;
  q.limit = limit;
  return q;
}

TEST(BankList, PagesFiltersAndSearches) {
  auto bank = Bank::open(":memory:");
  std::vector<Question> qs;
  for (int i = 0; i < 250; ++i)
    qs.push_back(single_choice("第 " + std::to_string(i) + " 道关于消防通道的题", {i % 2 ? "消防安全" : "职业病防治"}, 1 + i % 5));
  for (auto& q : every_type()) qs.push_back(q);
  const auto ids = bank.insert(qs).ids;

  auto page = bank.list(query({}, {}, "", 0, false, 0, 100));
  EXPECT_EQ(page.total, static_cast<int>(qs.size()));
  ASSERT_EQ(page.rows.size(), 100u);
  EXPECT_EQ(page.rows[0].id, ids[0]);
  EXPECT_EQ(page.rows[0].category, "职业病防治");
  page = bank.list(query({}, {}, "", 0, false, 200, 100));
  EXPECT_EQ(page.rows.size(), qs.size() - 200);

  page = bank.list(query({}, {}, "消防安全", 2, false, 0, 1000));
  EXPECT_EQ(page.total, 25);
  for (const auto& r : page.rows) EXPECT_TRUE(r.category == "消防安全" && r.difficulty == 2) << r.stem;

  page = bank.list(query({}, QuestionType::true_false));
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows[0].stem, "每年6月是全国安全生产月。");

  page = bank.list(query({}, {}, "职业病防治"));  // its subcategories too
  EXPECT_EQ(page.total, 125 + 2);  // 职业病防治/粉尘, 职业病防治/个体防护

  page = bank.list(query("安全生产月"));
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows[0].type, QuestionType::true_false);
  EXPECT_EQ(bank.list(query("消防通道")).total, 250);
  EXPECT_EQ(bank.list(query("消防通道", {}, "消防安全")).total, 125);

  bank.retire(ids[0]);
  EXPECT_EQ(bank.list(query()).total, static_cast<int>(qs.size()) - 1);
  page = bank.list(query({}, {}, "", 0, true, 0, 1));
  EXPECT_EQ(page.total, static_cast<int>(qs.size()));
  EXPECT_TRUE(page.rows[0].retired);
  // A search with 包括已停用的题 finds the retired question too (3+ characters
  // through the index, 1–2 by scanning).
  EXPECT_EQ(bank.list(query("消防通道")).total, 249);
  EXPECT_EQ(bank.list(query("消防通道", {}, "", 0, true)).total, 250);
  const auto month = bank.list(query("安全生产月")).rows.at(0).id;
  bank.retire(month);
  EXPECT_EQ(bank.list(query("安全生产月")).total, 0);
  EXPECT_EQ(bank.list(query("安全生产月", {}, "", 0, true)).total, 1);
  EXPECT_EQ(bank.list(query("6月", {}, "", 0, false)).total, 0);
  EXPECT_EQ(bank.list(query("6月", {}, "", 0, true)).total, 1);

  const auto cats = bank.top_categories();
  EXPECT_NE(std::find(cats.begin(), cats.end(), "消防安全"), cats.end());
  EXPECT_NE(std::find(cats.begin(), cats.end(), "职业病防治"), cats.end());
}

}  // namespace
}  // namespace ankang::bank
