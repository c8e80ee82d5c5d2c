#include "question_bank/migrations.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "question_bank/bank.h"
#include "question_bank/draw.h"
#include "question_bank/question_columns.h"
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
  // Its keys were no hex digits (version 5 left them); version 6 computed them from the questions.
  sqlite3_stmt* keys = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(bank.handle(), "SELECT typeof(dup_key), length(dup_key) FROM questions ORDER BY id", -1,
                               &keys, nullptr),
            SQLITE_OK);
  for (int row = 0; row < 2; ++row) {
    ASSERT_EQ(sqlite3_step(keys), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(keys, 0)), "blob");
    EXPECT_EQ(sqlite3_column_int(keys, 1), 16);
  }
  sqlite3_finalize(keys);
  auto q1 = testing::single_choice("灭火器压力表指针在红区表示什么？", {"消防安全"});
  q1.options = {"压力不足", "压力正常"};
  q1.correct = {0};
  auto again = bank.insert({q1});
  EXPECT_EQ(again.duplicates, 1);
  EXPECT_EQ(again.ids, std::vector<std::string>{"q1"});
  EXPECT_EQ(bank.stats().by_category.at("消防安全"), 2);
  Blueprint bp{{{{"消防安全"}, std::nullopt, {2}, 2}}};
  auto papers = draw_papers(bank, bp, {});
  ASSERT_EQ(papers.size(), 1u);
  EXPECT_EQ(papers[0].size(), 2u);
}

// A duplicate key as a version-4 program stored it: 16 bytes as 32 hex digits
// (then of the SHA-256; version 6 computes every key again from its question).
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

// Stores q as a version-5 program would have, under the given 16-byte key.
void store_as_version5(sqlite3* db, const Question& q, const std::string& id, const std::string& key) {
  auto columns = encode_answer(q);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "INSERT INTO questions (id, type, stem, options, answer, pairs, regions, image_id, "
                               "difficulty, created_at, updated_at, dup_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 2, 1, 1, ?)",
                               -1, &st, nullptr),
            SQLITE_OK);
  std::int64_t image = 0;
  if (!q.image.empty()) {
    sqlite3_stmt* pic = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "INSERT INTO images (sha256, mime, width, height, bytes) VALUES (?, ?, 1, 1, ?)",
                                 -1, &pic, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(pic, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(pic, 2, q.image.mime.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(pic, 3, q.image.bytes.data(), static_cast<int>(q.image.bytes.size()), SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(pic), SQLITE_DONE);
    sqlite3_finalize(pic);
    image = sqlite3_last_insert_rowid(db);
  }
  const std::string values[] = {id, std::string(type_code(q.type)), q.stem, columns.options, columns.answer, columns.pairs,
                                columns.regions};
  for (int i = 0; i < 7; ++i) sqlite3_bind_text(st, i + 1, values[i].c_str(), -1, SQLITE_TRANSIENT);
  if (image) sqlite3_bind_int64(st, 8, image); else sqlite3_bind_null(st, 8);
  sqlite3_bind_blob(st, 9, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(st), SQLITE_DONE) << sqlite3_errmsg(db);
  sqlite3_finalize(st);
}

std::string stored_key(sqlite3* db, const std::string& id) {
  sqlite3_stmt* st = nullptr;
  std::string key;
  if (sqlite3_prepare_v2(db, "SELECT dup_key FROM questions WHERE id = ?", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW)
      key.assign(static_cast<const char*>(sqlite3_column_blob(st, 0)), static_cast<std::size_t>(sqlite3_column_bytes(st, 0)));
  }
  sqlite3_finalize(st);
  return key;
}

std::string bytes_of(const DuplicateKey& key) { return std::string(key.begin(), key.end()); }

TEST(Migrations, Version6ComputesEveryDuplicateKeyAgainFromItsQuestion) {
  auto path = temp_bank("version5.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  migrate(db, 5);
  // Stand-ins for the old keys: 16 bytes each, none of them the new key.
  auto old_key = [](char last) { return std::string(15, '\0') + last; };
  auto questions = testing::every_type();
  for (std::size_t i = 0; i < questions.size(); ++i)
    store_as_version5(db, questions[i], "v5-" + std::to_string(i), old_key(static_cast<char>('a' + i)));
  // The same question twice under two old keys, and a row whose answer cannot be read.
  store_as_version5(db, questions[0], "v5-twice", old_key('X'));
  store_as_version5(db, testing::single_choice("答案列坏了的题"), "v5-damaged", old_key('Y'));
  exec(db, "UPDATE questions SET answer = '[0' WHERE id = 'v5-damaged'");
  sqlite3_close(db);

  auto bank = Bank::open(path);
  EXPECT_EQ(bank.schema_version(), newest_schema_version());
  for (std::size_t i = 0; i < questions.size(); ++i)
    EXPECT_EQ(stored_key(bank.handle(), "v5-" + std::to_string(i)), bytes_of(duplicate_key(questions[i])))
        << type_code(questions[i].type);
  // One of the twins got the new key, the other kept its old one; the damaged row kept its own.
  EXPECT_NE(stored_key(bank.handle(), "v5-twice"), bytes_of(duplicate_key(questions[0])));
  EXPECT_EQ(stored_key(bank.handle(), "v5-damaged"), old_key('Y'));

  // Every question imported again is a duplicate of its old row.
  auto again = bank.insert(questions);
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.duplicates, static_cast<int>(questions.size()));
  for (std::size_t i = 0; i < questions.size(); ++i) EXPECT_EQ(again.ids[i], "v5-" + std::to_string(i));
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
