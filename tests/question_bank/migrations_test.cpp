#include "question_bank/migrations.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "question_bank/bank.h"
#include "question_bank/draw.h"
#include "sample_questions.h"

namespace ankang::bank {
namespace {

std::string temp_bank(const char* name) {
  auto path = testing::temp_path(name);
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

void exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
}

TEST(Migrations, AFreshBankGetsTheNewestVersionAndTheDurablePragmas) {
  auto path = temp_bank("fresh.db");
  auto bank = Bank::open(path);
  EXPECT_GE(newest_schema_version(), 3);
  EXPECT_EQ(bank.schema_version(), newest_schema_version());
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(bank.handle(), "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_prepare_v2(bank.handle(), "PRAGMA foreign_keys", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 1);
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_prepare_v2(bank.handle(), "PRAGMA synchronous", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 2);  // FULL
  sqlite3_finalize(st);
}

TEST(Migrations, ReopeningIsANoOp) {
  auto path = temp_bank("reopen.db");
  std::string id;
  {
    auto bank = Bank::open(path);
    id = bank.insert({testing::single_choice("重新打开后还在的题")}).ids.front();
  }
  auto bank = Bank::open(path);
  EXPECT_EQ(bank.schema_version(), newest_schema_version());
  EXPECT_EQ(bank.count(), 1);
  EXPECT_EQ(bank.search("重新打开").front(), id);
}

TEST(Migrations, ABankAtTheFirstVersionIsUpgradedWithItsQuestionsSearchableAndDrawable) {
  auto path = temp_bank("version1.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  migrate(db, 1);
  EXPECT_EQ(schema_version(db), 1);
  // What a version-1 program would have stored.
  exec(db, "INSERT INTO categories (id, name, path) VALUES (1, '消防安全', '消防安全')");
  exec(db,
       "INSERT INTO questions (id, type, stem, options, answer, category_id, difficulty, created_at, updated_at, "
       "dup_key) VALUES ('q1', 'single', '灭火器压力表指针在红区表示什么？', '[\"压力不足\",\"压力正常\"]', '[0]', 1, 2, 1, 1, "
       "'k1'), ('q2', 'true_false', '旧版本里的判断题', '[]', 'true', 1, 2, 1, 1, 'k2')");
  sqlite3_close(db);

  auto bank = Bank::open(path);
  EXPECT_EQ(bank.schema_version(), newest_schema_version());
  EXPECT_EQ(bank.search("压力不足"), std::vector<std::string>{"q1"});
  // Its keys are not hex digits: version 5 leaves them as they were.
  sqlite3_stmt* keys = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(bank.handle(), "SELECT group_concat(dup_key) FROM questions", -1, &keys, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(keys), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(keys, 0)), "k1,k2");
  sqlite3_finalize(keys);
  EXPECT_EQ(bank.stats().by_category.at("消防安全"), 2);
  Blueprint bp{{{{"消防安全"}, std::nullopt, {2}, 2}}};
  auto papers = draw_papers(bank, bp, {});
  ASSERT_EQ(papers.size(), 1u);
  EXPECT_EQ(papers[0].size(), 2u);
}

// What a version-4 program stored as the duplicate key: the same 16 bytes as 32 hex digits.
std::string hex_key(const Question& q) {
  static const char* digits = "0123456789abcdef";
  std::string hex;
  for (auto byte : duplicate_key(q)) {
    hex += digits[byte >> 4];
    hex += digits[byte & 15];
  }
  return hex;
}

TEST(Migrations, AVersion4BankKeepsFindingTheDuplicatesOfItsQuestions) {
  auto path = temp_bank("version4.db");
  auto old_plain = testing::single_choice("第四版题库里的单选题：安全帽的作用是什么？");
  auto old_with_id = testing::single_choice("第四版题库里带 id 的题：灭火器放在哪里？");
  old_with_id.id = "00000000-0000-4000-8000-000000000004";
  const std::string kOptions = "[\"安全第一、预防为主、综合治理\",\"预防为主、防消结合\",\"以人为本、效益优先\"]";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  migrate(db, 4);
  EXPECT_EQ(schema_version(db), 4);
  exec(db,
       "INSERT INTO questions (id, type, stem, options, answer, difficulty, created_at, updated_at, dup_key) VALUES "
       "('q-plain', 'single', '" + old_plain.stem + "', '" + kOptions + "', '[0]', 2, 1, 1, '" + hex_key(old_plain) +
       "'), ('" + old_with_id.id + "', 'single', '" + old_with_id.stem + "', '" + kOptions + "', '[0]', 2, 1, 1, '" +
       hex_key(old_with_id) + "')");
  sqlite3_close(db);

  auto bank = Bank::open(path);
  EXPECT_EQ(bank.schema_version(), newest_schema_version());
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(bank.handle(), "SELECT id, typeof(dup_key), length(dup_key) FROM questions ORDER BY id",
                               -1, &st, nullptr),
            SQLITE_OK);
  std::vector<std::string> kinds;
  while (sqlite3_step(st) == SQLITE_ROW)
    kinds.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) + " " +
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 1)) + " " +
                    std::to_string(sqlite3_column_int(st, 2)));
  sqlite3_finalize(st);
  const std::vector<std::string> want{old_with_id.id + " blob 16", "q-plain blob 16"};
  EXPECT_EQ(kinds, want);

  // The same questions again, with and without their id: duplicates of the old rows.
  auto again_with_id = old_with_id;
  again_with_id.id.clear();
  auto outcome = bank.insert({old_plain, old_with_id, again_with_id});
  EXPECT_EQ(outcome.inserted, 0);
  EXPECT_EQ(outcome.duplicates, 3);
  EXPECT_EQ(outcome.ids, (std::vector<std::string>{"q-plain", old_with_id.id, old_with_id.id}));
  EXPECT_EQ(bank.count(), 2);

  // Out of the upgraded bank and into a new one, then back: nothing new.
  auto questions = bank.all();
  auto copy = Bank::open(temp_bank("version4_copy.db"));
  EXPECT_EQ(copy.insert(questions).inserted, 2);
  EXPECT_EQ(bank.insert(copy.all()).duplicates, 2);
  EXPECT_EQ(bank.count(), 2);
}

TEST(Migrations, ABankFromANewerProgramIsRefused) {
  auto path = temp_bank("newer.db");
  {
    auto bank = Bank::open(path);
    exec(bank.handle(), "PRAGMA user_version = " + std::to_string(newest_schema_version() + 1));
  }
  try {
    Bank::open(path);
    FAIL() << "expected BankError";
  } catch (const BankError& e) {
    EXPECT_NE(e.text().zh.find("比本程序支持的版本"), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().en.find("newer Ankang"), std::string::npos) << e.text().en;
    EXPECT_NE(e.text().en.find(path), std::string::npos) << e.text().en;
  }
}

}  // namespace
}  // namespace ankang::bank
