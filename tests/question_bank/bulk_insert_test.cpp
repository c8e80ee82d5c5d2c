// Bank::insert on the path a big import takes: rollback journal, duplicates
// skipped by the insert itself, tags and draw slots written at the end,
// progress reported.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <set>
#include <tuple>
#include <utility>

#include "question_bank/bank.h"
#include "question_bank/bulk_journal.h"
#include "question_bank/migrations.h"
#include "sample_questions.h"

namespace ankang::bank {
namespace {

using testing::single_choice;

std::string temp_bank(const char* name) {
  auto path = testing::temp_path(name);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
  return path;
}

// `n` different questions, tagged, over two categories and two difficulties.
std::vector<Question> many(int n, const std::string& prefix = "批量题") {
  std::vector<Question> qs;
  for (int i = 0; i < n; ++i) {
    auto q = single_choice(prefix + std::to_string(i) + "：作业前应当做什么？", {i % 2 ? "消防安全" : "职业病防治"},
                           1 + i % 2);
    q.tags = {"通用", "第" + std::to_string(i % 3) + "组"};
    qs.push_back(std::move(q));
  }
  return qs;
}

std::string text_of(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    if (auto* t = sqlite3_column_text(st, 0)) out = reinterpret_cast<const char*>(t);
  sqlite3_finalize(st);
  return out;
}

// Every stratum's ordinals are 0..size-1 without gaps; until a question is
// retired (its stratum's last question moves into its slot) they follow the
// order of the questions.
void expect_gapless_slots(sqlite3* db, bool in_question_order = true) {
  EXPECT_EQ(text_of(db,
                    "SELECT count(*) FROM strata s WHERE s.size != (SELECT count(*) FROM draw_slots d "
                    "WHERE d.stratum_id = s.id) OR s.size != ifnull((SELECT max(ordinal) + 1 FROM draw_slots d "
                    "WHERE d.stratum_id = s.id), 0)"),
            "0");
  if (in_question_order) {
    EXPECT_EQ(text_of(db,
                      "SELECT count(*) FROM draw_slots a JOIN draw_slots b ON a.stratum_id = b.stratum_id "
                      "AND a.ordinal < b.ordinal AND a.question_seq > b.question_seq"),
              "0");
  }
  EXPECT_EQ(text_of(db, "SELECT count(*) FROM questions WHERE status = 'active'"),
            text_of(db, "SELECT count(*) FROM draw_slots"));
}

TEST(BulkInsert, ABigImportIsStoredTaggedDrawableAndSearchableAndTheBankStaysInWal) {
  auto path = temp_bank("bulk.db");
  auto bank = Bank::open(path);
  auto input = many(static_cast<int>(BulkJournal::kMinQuestions) + 200);
  auto outcome = bank.insert(input);
  ASSERT_EQ(outcome.inserted, static_cast<int>(input.size()));
  EXPECT_EQ(bank.count(), outcome.inserted);
  EXPECT_EQ(text_of(bank.handle(), "PRAGMA journal_mode"), "wal");
  // Statement journals in memory, not in a file written per statement.
  EXPECT_EQ(text_of(bank.handle(), "PRAGMA temp_store"), "2");
  auto last = bank.get(outcome.ids.back());
  ASSERT_TRUE(last);
  EXPECT_EQ(last->tags, input.back().tags);
  EXPECT_EQ(bank.search("批量题1199"), std::vector<std::string>{outcome.ids[1199]});
  auto stats = bank.stats();
  EXPECT_EQ(stats.total, outcome.inserted);
  EXPECT_EQ(stats.by_category.at("消防安全"), outcome.inserted / 2);
  expect_gapless_slots(bank.handle());
}

TEST(BulkInsert, ABankAnotherConnectionHasOpenKeepsItsWalAndBothSeeTheQuestions) {
  auto path = temp_bank("bulk_shared.db");
  auto reader = Bank::open(path);
  auto writer = Bank::open(path);
  auto outcome = writer.insert(many(static_cast<int>(BulkJournal::kMinQuestions)));
  EXPECT_EQ(outcome.inserted, static_cast<int>(BulkJournal::kMinQuestions));
  EXPECT_EQ(text_of(writer.handle(), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(reader.count(), outcome.inserted);
  EXPECT_EQ(reader.search("批量题999"), std::vector<std::string>{outcome.ids[999]});
}

TEST(BulkInsert, AFailedBigImportLeavesTheBankAsItWas) {
  auto path = temp_bank("bulk_rollback.db");
  auto first = single_choice("已经在题库里的题");
  first.id = "81e11b63-5a08-4eac-ba04-5e7adc2000d6";
  {
    auto bank = Bank::open(path);
    bank.insert({first});
  }
  // The clash comes last, after every other question was written.
  auto input = many(static_cast<int>(BulkJournal::kMinQuestions) + 10);
  auto clash = single_choice("内容不同但 id 相同的题");
  clash.id = first.id;
  input.push_back(clash);
  {
    auto bank = Bank::open(path);
    EXPECT_THROW(bank.insert(input), BankError);
    EXPECT_EQ(text_of(bank.handle(), "PRAGMA journal_mode"), "wal");
  }
  auto bank = Bank::open(path);
  EXPECT_EQ(bank.count(true), 1);
  EXPECT_EQ(bank.stats().total, 1);
  EXPECT_TRUE(bank.search("批量题").empty());
  EXPECT_EQ(text_of(bank.handle(), "SELECT count(*) FROM question_tags"), "2");
  EXPECT_EQ(text_of(bank.handle(), "PRAGMA integrity_check"), "ok");
  expect_gapless_slots(bank.handle());
}

TEST(BulkInsert, ASecondImportContinuesTheStrataAndSkipsWhatIsThere) {
  auto bank = Bank::open(":memory:");
  auto first = bank.insert(many(30));
  auto again = many(40);  // the first 30 again, then 10 new
  auto second = bank.insert(again);
  EXPECT_EQ(second.inserted, 10);
  EXPECT_EQ(second.duplicates, 30);
  for (int i = 0; i < 30; ++i) EXPECT_EQ(second.ids[static_cast<std::size_t>(i)], first.ids[static_cast<std::size_t>(i)]);
  EXPECT_EQ(bank.count(), 40);
  EXPECT_EQ(text_of(bank.handle(), "SELECT sum(size) FROM strata"), "40");
  expect_gapless_slots(bank.handle());
  // A retired question's slot is taken by its stratum's last one; a later import appends after it.
  bank.retire(first.ids[4]);
  bank.insert(many(44));
  EXPECT_EQ(bank.count(), 43);
  expect_gapless_slots(bank.handle(), false);
}

// Every stored question has its row in the search index (one docsize row each).
void expect_all_indexed(sqlite3* db) {
  EXPECT_EQ(text_of(db, "SELECT count(*) FROM questions_fts_docsize"), text_of(db, "SELECT count(*) FROM questions"));
}

TEST(BulkInsert, DuplicatesWithinOneImportAndOfTheBankAreFoundWhereverTheyFallInTheBatches) {
  auto bank = Bank::open(":memory:");
  auto before = bank.insert(many(5, "旧题"));
  std::vector<Question> input = many(80, "新题");
  input[10] = input[3];                            // twice in one statement's rows
  input[33] = input[31];                           // across two statements
  input[40] = many(5, "旧题")[2];                  // already in the bank
  input[50] = single_choice("自带 id 的题");        // goes in alone, in its place
  input[50].id = "7a0e4c1b-9d2f-4e3a-8b5c-6d7e8f9a0b1c";
  input[51] = input[50];
  input[51].id.clear();                            // its duplicate, without the id
  input[79] = input[0];                            // in the last, shorter statement
  auto outcome = bank.insert(input);
  EXPECT_EQ(outcome.duplicates, 5);
  EXPECT_EQ(outcome.inserted, 75);
  EXPECT_EQ(outcome.ids[10], outcome.ids[3]);
  EXPECT_EQ(outcome.ids[33], outcome.ids[31]);
  EXPECT_EQ(outcome.ids[40], before.ids[2]);
  EXPECT_EQ(outcome.ids[50], input[50].id);
  EXPECT_EQ(outcome.ids[51], input[50].id);
  EXPECT_EQ(outcome.ids[79], outcome.ids[0]);
  // The new questions are stored in their order, each with its tags, slot and search entry.
  std::vector<std::string> fresh;
  for (std::size_t i = 0; i < input.size(); ++i)
    if (i != 10 && i != 33 && i != 40 && i != 51 && i != 79) fresh.push_back(outcome.ids[i]);
  std::vector<std::string> stored;
  for (const auto& q : bank.all()) stored.push_back(q.id);
  stored.erase(stored.begin(), stored.begin() + 5);
  EXPECT_EQ(stored, fresh);
  EXPECT_EQ(bank.get(outcome.ids[78])->tags, input[78].tags);
  EXPECT_EQ(text_of(bank.handle(), "SELECT count(*) FROM question_tags"), std::to_string(2 * 80));
  expect_gapless_slots(bank.handle());
  expect_all_indexed(bank.handle());
  EXPECT_EQ(bank.search("新题78"), std::vector<std::string>{outcome.ids[78]});
}

TEST(BulkInsert, AnImportThatOpensNewStrataIndexesEveryNewQuestion) {
  auto bank = Bank::open(":memory:");
  bank.insert(many(50, "第一批"));
  // New categories make new strata rows while the new questions are indexed.
  auto input = many(40, "第二批");
  for (auto& q : input) q.category = {"新的分类", q.category.front()};
  auto ids = bank.insert(input).ids;
  expect_all_indexed(bank.handle());
  EXPECT_EQ(bank.search("第二批39"), std::vector<std::string>{ids.back()});
  expect_gapless_slots(bank.handle());
}

TEST(BulkInsert, ImportsBiggerThanOneIndexingStatementAreIndexedToTheLast) {
  auto bank = Bank::open(":memory:");
  auto ids = bank.insert(many(25010)).ids;
  expect_all_indexed(bank.handle());
  EXPECT_EQ(bank.search("批量题25009"), std::vector<std::string>{ids.back()});
  EXPECT_EQ(bank.search("批量题0："), std::vector<std::string>{ids.front()});
  // The segments were written without merging them; later inserts merge again.
  EXPECT_EQ(text_of(bank.handle(), "SELECT v FROM questions_fts_config WHERE k = 'automerge'"), "4");
  auto later = bank.insert(many(5, "后来的题")).ids;
  EXPECT_EQ(bank.search("后来的题4"), std::vector<std::string>{later.back()});
  EXPECT_EQ(bank.search("批量题25009"), std::vector<std::string>{ids.back()});
}

TEST(BulkInsert, ForeignKeysAreCheckedAgainAfterAnInsertAndEveryReferenceHolds) {
  auto bank = Bank::open(":memory:");
  auto input = many(static_cast<int>(BulkJournal::kMinQuestions) + 5);
  for (const auto& q : testing::every_type()) input.push_back(q);  // a picture among them
  input.back().id = "5d1f0b7a-2c3e-4f50-8a6b-7c8d9e0f1a2b";
  EXPECT_EQ(bank.insert(input).inserted, static_cast<int>(input.size()));
  EXPECT_EQ(text_of(bank.handle(), "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(text_of(bank.handle(), "SELECT count(*) FROM pragma_foreign_key_check"), "0");
  EXPECT_EQ(text_of(bank.handle(), "SELECT count(*) FROM questions WHERE image_id NOT IN (SELECT id FROM images)"), "0");
  // And after an insert that failed half-way: another question under a taken id.
  auto clash = many(3, "撞号的一批");
  clash[2].id = input.back().id;
  EXPECT_THROW(bank.insert(clash), BankError);
  EXPECT_EQ(text_of(bank.handle(), "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(bank.count(), static_cast<int>(input.size()));
}

TEST(BulkInsert, AQuestionWithItsOwnIdImportedAgainIsADuplicateNotAClash) {
  auto bank = Bank::open(":memory:");
  auto q = single_choice("导出后又导入的题");
  q.id = "0f5c2d9e-3b1a-4c6d-8e7f-9a0b1c2d3e4f";
  bank.insert({q});
  auto outcome = bank.insert({q, single_choice("新的一题")});
  EXPECT_EQ(outcome.duplicates, 1);
  EXPECT_EQ(outcome.inserted, 1);
  EXPECT_EQ(outcome.ids[0], q.id);
}

TEST(BulkInsert, ReportsProgressOfStoringThenIndexing) {
  auto bank = Bank::open(":memory:");
  auto input = many(9000);
  std::vector<std::tuple<InsertStage, std::size_t, std::size_t>> calls;
  bank.insert(input, [&](InsertStage stage, std::size_t done, std::size_t total) { calls.emplace_back(stage, done, total); });
  ASSERT_GE(calls.size(), 4u);
  std::size_t storing = 0;
  while (storing < calls.size() && std::get<0>(calls[storing]) == InsertStage::storing) ++storing;
  ASSERT_GE(storing, 3u);  // moves while storing: 0, 4096, 8192, then 9000
  for (std::size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(std::get<2>(calls[i]), input.size()) << i;
    if (i > 0 && std::get<0>(calls[i]) == std::get<0>(calls[i - 1])) {
      EXPECT_GE(std::get<1>(calls[i]), std::get<1>(calls[i - 1])) << i;
    }
  }
  EXPECT_EQ(std::get<1>(calls[storing - 1]), input.size());
  EXPECT_EQ(std::get<0>(calls.back()), InsertStage::indexing);
  EXPECT_EQ(std::get<1>(calls.back()), input.size());
}

TEST(BulkInsert, NewIdsStayDistinctAcrossManyQuestions) {
  auto bank = Bank::open(":memory:");
  auto ids = bank.insert(many(2000)).ids;
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
  for (int i = 0; i < 600; ++i) EXPECT_EQ(new_uuid()[14], '4');
}

TEST(BulkInsert, AVersion3BankIsUpgradedToTheBigSearchBuffer) {
  auto path = temp_bank("version3.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  migrate(db, 3);
  EXPECT_EQ(text_of(db, "SELECT count(*) FROM questions_fts_config WHERE k = 'hashsize'"), "0");
  sqlite3_close(db);
  auto bank = Bank::open(path);
  EXPECT_GE(bank.schema_version(), 4);
  EXPECT_EQ(text_of(bank.handle(), "SELECT v FROM questions_fts_config WHERE k = 'hashsize'"), "67108864");
  auto ids = bank.insert(many(3)).ids;
  EXPECT_EQ(bank.search("批量题2"), std::vector<std::string>{ids[2]});
}

}  // namespace
}  // namespace ankang::bank
