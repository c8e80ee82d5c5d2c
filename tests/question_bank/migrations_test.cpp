#include "question_bank/migrations.h"

#include <gtest/gtest.h>

#include <cstdio>

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
  EXPECT_EQ(bank.stats().by_category.at("消防安全"), 2);
  Blueprint bp{{{{"消防安全"}, std::nullopt, {2}, 2}}};
  auto papers = draw_papers(bank, bp, {});
  ASSERT_EQ(papers.size(), 1u);
  EXPECT_EQ(papers[0].size(), 2u);
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
