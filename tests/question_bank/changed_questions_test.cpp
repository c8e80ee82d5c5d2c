// A corrected sheet imported again: a question whose stem is an active
// question's with another answer is reported with the old one's id, kept
// beside it, or (OnChanged::replace) retires it in the same transaction.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <string>
#include <vector>

#include "question_bank/bank.h"
#include "sample_questions.h"
#include "storage/sqlite.h"

namespace ankang::bank {
namespace {

using testing::every_type;
using testing::single_choice;

std::vector<Question> sheet() {
  auto month = single_choice("安全生产月是每年的几月？");
  month.options = {"3月", "6月", "9月"};
  month.correct = {0};  // wrong: corrected below
  Question heat;
  heat.type = QuestionType::true_false;
  heat.stem = "高温天气可以不采取防暑降温措施。";
  heat.truth = true;  // wrong: corrected below
  heat.category = {"职业健康"};
  auto fire = single_choice("灭火器压力表指针在哪个区域表示正常？");
  fire.options = {"红区", "绿区", "黄区"};
  fire.correct = {1};
  return {month, heat, fire};
}

std::vector<Question> corrected_sheet() {
  auto qs = sheet();
  qs[0].correct = {1};
  qs[1].truth = false;
  return qs;
}

QuestionStatus status_of(const Bank& bank, const std::string& id) { return bank.get(id).value().status; }

// Every active question in exactly one draw slot, the strata's ordinals without gaps.
void expect_draw_slots_match(const Bank& bank) {
  storage::Statement slots(bank.handle(),
      "SELECT (SELECT count(*) FROM draw_slots), (SELECT ifnull(sum(size), 0) FROM strata), "
      "(SELECT count(*) FROM questions q JOIN draw_slots d ON d.question_seq = q.seq WHERE q.status = 'active'), "
      "(SELECT count(*) FROM draw_slots d JOIN strata s ON s.id = d.stratum_id WHERE d.ordinal >= s.size)");
  ASSERT_TRUE(slots.step());
  EXPECT_EQ(slots.int64(0), bank.count());
  EXPECT_EQ(slots.int64(1), bank.count());
  EXPECT_EQ(slots.int64(2), bank.count());
  EXPECT_EQ(slots.int64(3), 0);
}

TEST(ChangedQuestions, ACorrectedSheetKeepsBothActiveAndNamesEveryOldQuestion) {
  auto bank = Bank::open(":memory:");
  const auto old_ids = bank.insert(sheet()).ids;

  const auto preview = bank.changed(corrected_sheet());
  const auto outcome = bank.insert(corrected_sheet());
  EXPECT_EQ(outcome.inserted, 2);
  EXPECT_EQ(outcome.duplicates, 1);
  EXPECT_EQ(outcome.replaced, 0);
  ASSERT_EQ(outcome.changed.size(), 2u);
  EXPECT_EQ(outcome.changed[0].index, 0u);
  EXPECT_EQ(outcome.changed[0].existing_ids, std::vector<std::string>{old_ids[0]});
  EXPECT_EQ(outcome.changed[1].index, 1u);
  EXPECT_EQ(outcome.changed[1].existing_ids, std::vector<std::string>{old_ids[1]});
  // The preview finds what the insert found, before it wrote anything.
  ASSERT_EQ(preview.size(), 2u);
  EXPECT_EQ(preview[0].index, 0u);
  EXPECT_EQ(preview[1].existing_ids, outcome.changed[1].existing_ids);

  EXPECT_EQ(bank.count(), 5);  // both copies active, as before
  EXPECT_EQ(status_of(bank, old_ids[0]), QuestionStatus::active);
  EXPECT_EQ(status_of(bank, outcome.ids[0]), QuestionStatus::active);
  EXPECT_EQ(outcome.ids[2], old_ids[2]);  // the unchanged one is a duplicate
}

TEST(ChangedQuestions, ReplaceRetiresTheOldQuestionsAndKeepsTheNewOnesActive) {
  auto bank = Bank::open(":memory:");
  const auto old_ids = bank.insert(sheet()).ids;
  const auto outcome = bank.insert(corrected_sheet(), {}, OnChanged::replace);
  EXPECT_EQ(outcome.inserted, 2);
  EXPECT_EQ(outcome.duplicates, 1);
  EXPECT_EQ(outcome.replaced, 2);
  ASSERT_EQ(outcome.changed.size(), 2u);

  EXPECT_EQ(status_of(bank, old_ids[0]), QuestionStatus::retired);
  EXPECT_EQ(status_of(bank, old_ids[1]), QuestionStatus::retired);
  EXPECT_EQ(status_of(bank, old_ids[2]), QuestionStatus::active);
  EXPECT_EQ(status_of(bank, outcome.ids[0]), QuestionStatus::active);
  EXPECT_EQ(bank.get(outcome.ids[0])->correct, std::vector<int>{1});
  EXPECT_FALSE(bank.get(outcome.ids[1])->truth);
  EXPECT_EQ(bank.count(), 3);
  EXPECT_EQ(bank.count(true), 5);  // retired, not deleted: results keep their meaning
  EXPECT_EQ(bank.stats().total, 3);
  expect_draw_slots_match(bank);

  // Only the corrected questions are active.
  for (const auto& q : bank.all()) {
    EXPECT_NE(q.id, old_ids[0]);
    EXPECT_NE(q.id, old_ids[1]);
  }
  // Imported once more, the corrected sheet changes nothing.
  const auto again = bank.insert(corrected_sheet(), {}, OnChanged::replace);
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.duplicates, 3);
  EXPECT_EQ(again.replaced, 0);
  EXPECT_TRUE(again.changed.empty());
}

TEST(ChangedQuestions, AFailingImportRetiresNothingAndStoresNothing) {
  auto bank = Bank::open(":memory:");
  const auto old_ids = bank.insert(sheet()).ids;
  auto questions = corrected_sheet();
  auto clash = single_choice("内容不同的另一道题");
  clash.id = old_ids[2];  // an id the bank gives another question: the insert fails
  questions.push_back(clash);
  EXPECT_THROW(bank.insert(questions, {}, OnChanged::replace), BankError);
  EXPECT_EQ(bank.count(true), 3);
  for (const auto& id : old_ids) EXPECT_EQ(status_of(bank, id), QuestionStatus::active);
  EXPECT_EQ(bank.all()[0].correct, std::vector<int>{0});
  expect_draw_slots_match(bank);
}

TEST(ChangedQuestions, TheStemIsMatchedAsTheDuplicateKeyNormalisesIt) {
  auto bank = Bank::open(":memory:");
  const auto old_ids = bank.insert(sheet()).ids;
  auto fixed = corrected_sheet()[0];
  fixed.stem = "安全生产月 是每年的几月?";  // a space, a half-width question mark
  const auto outcome = bank.insert({fixed}, {}, OnChanged::replace);
  ASSERT_EQ(outcome.changed.size(), 1u);
  EXPECT_EQ(outcome.changed[0].existing_ids, std::vector<std::string>{old_ids[0]});
  EXPECT_EQ(status_of(bank, old_ids[0]), QuestionStatus::retired);
}

TEST(ChangedQuestions, AnotherTypeOrPictureIsAnotherQuestion) {
  auto bank = Bank::open(":memory:");
  const auto hotspot = every_type().back();
  ASSERT_EQ(hotspot.type, QuestionType::hotspot);
  bank.insert({sheet()[1], hotspot});

  Question as_choice = single_choice(sheet()[1].stem);  // the same stem as a single-choice question
  auto other_picture = hotspot;
  other_picture.image.bytes.push_back(5);
  other_picture.regions = {{1, 2, 3, 4}};
  EXPECT_TRUE(bank.changed({as_choice, other_picture}).empty());

  auto other_regions = hotspot;  // the same picture, other hazards
  other_regions.regions = {{1, 2, 3, 4}};
  EXPECT_EQ(bank.changed({other_regions}).size(), 1u);
}

TEST(ChangedQuestions, AQuestionTheSheetStillHoldsUnchangedIsNotAnOldOne) {
  // Generic stems: two questions of the bank share one, both still in the sheet.
  auto bank = Bank::open(":memory:");
  auto a = single_choice("下列说法正确的是（　）。");
  a.options = {"可以酒后作业", "应当持证上岗", "可以不戴安全帽"};
  a.correct = {1};
  auto b = single_choice("下列说法正确的是（　）。");
  b.options = {"灭火器可以挪作他用", "消防通道应当畅通", "可以占用疏散通道"};
  b.correct = {1};
  bank.insert({a, b});
  auto c = single_choice("下列说法正确的是（　）。");
  c.options = {"受限空间作业前应先通风检测", "可以单人进入受限空间", "检测一次即可长期作业"};
  const auto outcome = bank.insert({a, b, c}, {}, OnChanged::replace);
  EXPECT_TRUE(outcome.changed.empty());
  EXPECT_EQ(outcome.replaced, 0);
  EXPECT_EQ(bank.count(), 3);
}

TEST(ChangedQuestions, ReplaceRepairsABankThatAlreadyHoldsBothCopies) {
  // Imported before --replace existed: the old and the corrected copy both active.
  auto bank = Bank::open(":memory:");
  const auto old_ids = bank.insert(sheet()).ids;
  const auto new_ids = bank.insert(corrected_sheet()).ids;
  const auto outcome = bank.insert(corrected_sheet(), {}, OnChanged::replace);
  EXPECT_EQ(outcome.inserted, 0);
  EXPECT_EQ(outcome.duplicates, 3);
  EXPECT_EQ(outcome.replaced, 2);
  EXPECT_EQ(status_of(bank, old_ids[0]), QuestionStatus::retired);
  EXPECT_EQ(status_of(bank, old_ids[1]), QuestionStatus::retired);
  EXPECT_EQ(status_of(bank, new_ids[0]), QuestionStatus::active);
  EXPECT_EQ(bank.count(), 3);
  expect_draw_slots_match(bank);
}

TEST(ChangedQuestions, TheOldSheetAgainDoesNotRetireTheCorrection) {
  auto bank = Bank::open(":memory:");
  bank.insert(sheet());
  const auto new_ids = bank.insert(corrected_sheet(), {}, OnChanged::replace).ids;
  // The old rows are duplicates of retired questions: nothing new goes in, nothing is retired.
  const auto outcome = bank.insert(sheet(), {}, OnChanged::replace);
  EXPECT_EQ(outcome.inserted, 0);
  EXPECT_EQ(outcome.duplicates, 3);
  EXPECT_TRUE(outcome.changed.empty());
  EXPECT_EQ(status_of(bank, new_ids[0]), QuestionStatus::active);
  EXPECT_EQ(bank.count(), 3);
}

TEST(ChangedQuestions, TheSameCorrectionTwiceInOneImportIsOneChange) {
  auto bank = Bank::open(":memory:");
  const auto old_ids = bank.insert(sheet()).ids;
  const auto fixed = corrected_sheet()[0];
  const auto outcome = bank.insert({fixed, fixed}, {}, OnChanged::replace);
  EXPECT_EQ(outcome.inserted, 1);
  EXPECT_EQ(outcome.duplicates, 1);
  ASSERT_EQ(outcome.changed.size(), 1u);
  EXPECT_EQ(outcome.changed[0].index, 0u);
  EXPECT_EQ(outcome.replaced, 1);
}

TEST(ChangedQuestions, AnEmptyBankOrARetiredImportFindsNone) {
  auto bank = Bank::open(":memory:");
  EXPECT_TRUE(bank.changed(corrected_sheet()).empty());
  bank.insert(sheet());
  auto retired = corrected_sheet();
  for (auto& q : retired) q.status = QuestionStatus::retired;
  EXPECT_TRUE(bank.changed(retired).empty());
}

}  // namespace
}  // namespace ankang::bank
