#include "storage/migrations.h"

#include <gtest/gtest.h>

#include "storage/sqlite.h"

namespace ankang::storage {
namespace {

const Text kKind{"测试库", "test store"};

std::vector<std::string> tables(Database& db) {
  std::vector<std::string> names;
  auto st = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (st.step()) names.push_back(st.text(0));
  return names;
}

TEST(StorageMigrations, TheLadderIsSortedByNumber) {
  auto ladder = make_ladder({{"002_b.sql", "CREATE TABLE b (x)"}, {"001_a.sql", "CREATE TABLE a (x)"}});
  ASSERT_EQ(ladder.size(), 2u);
  EXPECT_EQ(ladder[0].version, 1);
  EXPECT_EQ(ladder[0].name, "001_a.sql");
  EXPECT_EQ(ladder[1].version, 2);
}

TEST(StorageMigrations, AGapInTheNumbersIsRefused) {
  EXPECT_THROW(make_ladder({{"0001_a.sql", "SELECT 1"}, {"0003_c.sql", "SELECT 1"}}), StorageError);
  EXPECT_THROW(make_ladder({{"x_a.sql", "SELECT 1"}}), StorageError);
}

TEST(StorageMigrations, StepsRunInOrderUpToTheTarget) {
  // Step 2 needs step 1's table, so running out of order would fail.
  auto ladder = make_ladder({{"0001_a.sql", "CREATE TABLE a (x INTEGER)"},
                             {"0002_b.sql", "INSERT INTO a VALUES (7); CREATE TABLE b (x INTEGER)"},
                             {"0003_c.sql", "CREATE TABLE c (x INTEGER)"}});
  Database db(":memory:");
  migrate(db.handle(), ladder, kKind, 2);
  EXPECT_EQ(schema_version(db.handle()), 2);
  EXPECT_EQ(tables(db), (std::vector<std::string>{"a", "b"}));
  migrate(db.handle(), ladder, kKind);
  EXPECT_EQ(schema_version(db.handle()), 3);
  EXPECT_EQ(tables(db), (std::vector<std::string>{"a", "b", "c"}));
  migrate(db.handle(), ladder, kKind);  // nothing left to do
  auto st = db.prepare("SELECT count(*) FROM a");
  st.step();
  EXPECT_EQ(st.int64(0), 1);
}

TEST(StorageMigrations, AFailingStepLeavesTheDatabaseAtThePreviousVersion) {
  auto ladder = make_ladder({{"0001_a.sql", "CREATE TABLE a (x INTEGER)"},
                             {"0002_b.sql", "CREATE TABLE b (x INTEGER); INSERT INTO missing VALUES (1)"}});
  Database db(":memory:");
  EXPECT_THROW(migrate(db.handle(), ladder, kKind), StorageError);
  EXPECT_EQ(schema_version(db.handle()), 1);
  EXPECT_EQ(tables(db), (std::vector<std::string>{"a"}));
}

TEST(StorageMigrations, ANewerDatabaseIsRefusedInBothLanguages) {
  auto ladder = make_ladder({{"0001_a.sql", "CREATE TABLE a (x INTEGER)"}});
  Database db(":memory:");
  db.exec("PRAGMA user_version = 5");
  try {
    migrate(db.handle(), ladder, kKind);
    FAIL() << "expected a StorageError";
  } catch (const StorageError& e) {
    EXPECT_NE(e.text().zh.find("测试库 :memory: 的结构版本是 5，比本程序支持的版本 1 新"), std::string::npos)
        << e.text().zh;
    EXPECT_NE(e.text().en.find("test store :memory: has schema version 5, newer than version 1"), std::string::npos)
        << e.text().en;
  }
  EXPECT_TRUE(tables(db).empty());
}

}  // namespace
}  // namespace ankang::storage
