#include "storage/sqlite.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tests/storage/temp_db.h"

namespace ankang::storage {
namespace {

std::int64_t count(Database& db) {
  auto st = db.prepare("SELECT count(*) FROM t");
  st.step();
  return st.int64(0);
}

TEST(StorageDatabase, OpensAFileWithTheDurablePragmas) {
  Database db(temp_db("pragmas.db"));
  auto mode = db.prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.step());
  EXPECT_EQ(mode.text(0), "wal");
  auto sync = db.prepare("PRAGMA synchronous");
  ASSERT_TRUE(sync.step());
  EXPECT_EQ(sync.int64(0), 2);  // FULL
  auto keys = db.prepare("PRAGMA foreign_keys");
  ASSERT_TRUE(keys.step());
  EXPECT_EQ(keys.int64(0), 1);
}

TEST(StorageStatement, BindStaticStoresTheCallersBytes) {
  Database db(":memory:");
  db.exec("CREATE TABLE t (s TEXT, b BLOB, e TEXT)");
  std::string text = "安全帽";
  const std::vector<std::uint8_t> bytes{7, 0, 9};
  db.prepare("INSERT INTO t VALUES (?, ?, ?)")
      .bind_static(1, text)
      .bind_static(2, std::span<const std::uint8_t>(bytes))
      .bind_static(3, std::string_view())
      .run();
  text = "changed";  // after the step: the row holds what was bound
  auto st = db.prepare("SELECT s, b, e, typeof(e), typeof(b) FROM t");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "安全帽");
  auto blob = st.blob(1);
  EXPECT_EQ(std::vector<std::uint8_t>(blob.begin(), blob.end()), bytes);
  EXPECT_EQ(st.text(2), "");
  EXPECT_EQ(st.text(3), "text");  // empty, not NULL
  EXPECT_EQ(st.text(4), "blob");
}

TEST(StorageStatement, RewindKeepsTheBindingsAndResetClearsThem) {
  Database db(":memory:");
  db.exec("CREATE TABLE t (a INTEGER, b TEXT)");
  auto st = db.prepare("INSERT INTO t VALUES (?, ?)");
  st.bind(1, std::int64_t{1}).bind(2, std::string_view("x")).run_keeping_bindings();
  st.bind(1, std::int64_t{2}).run_keeping_bindings();  // b still "x"
  st.run();                                            // a = 2, b = "x" again, then cleared
  st.run();                                            // both NULL
  auto rows = db.prepare("SELECT ifnull(a, 0), ifnull(b, '-') FROM t ORDER BY rowid");
  std::vector<std::pair<std::int64_t, std::string>> got;
  while (rows.step()) got.emplace_back(rows.int64(0), rows.text(1));
  const std::vector<std::pair<std::int64_t, std::string>> want{{1, "x"}, {2, "x"}, {2, "x"}, {0, "-"}};
  EXPECT_EQ(got, want);
}

TEST(StorageDatabase, BindsAndReadsEveryType) {
  Database db(":memory:");
  db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)");
  const std::vector<std::uint8_t> bytes{0, 1, 255};
  db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
      .bind(1, std::int64_t{1} << 40)
      .bind(2, 2.5)
      .bind(3, std::string_view("安康杯"))
      .bind(4, bytes)
      .bind_null(5)
      .run();
  EXPECT_EQ(db.last_insert_id(), 1);
  auto st = db.prepare("SELECT i, r, s, b, n FROM t");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.int64(0), std::int64_t{1} << 40);
  EXPECT_DOUBLE_EQ(st.real(1), 2.5);
  EXPECT_EQ(st.text(2), "安康杯");
  auto blob = st.blob(3);
  EXPECT_EQ(std::vector<std::uint8_t>(blob.begin(), blob.end()), bytes);
  EXPECT_TRUE(st.is_null(4));
  EXPECT_FALSE(st.step());
}

TEST(StorageDatabase, AnEmptyStringIsBoundAsTextNotNull) {
  Database db(":memory:");
  auto st = db.prepare("SELECT ? IS NULL");
  st.bind(1, std::string_view());
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.int64(0), 0);
}

TEST(StorageDatabase, CachedStatementsAreReusedAndReset) {
  Database db(":memory:");
  auto& first = db.cached("SELECT ? + 1");
  first.bind(1, std::int64_t{41});
  ASSERT_TRUE(first.step());
  EXPECT_EQ(first.int64(0), 42);
  auto& again = db.cached("SELECT ? + 1");
  EXPECT_EQ(&first, &again);
  again.bind(1, std::int64_t{1});
  ASSERT_TRUE(again.step());
  EXPECT_EQ(again.int64(0), 2);
}

TEST(StorageTransaction, RollsBackUnlessCommitted) {
  Database db(temp_db("tx.db"));
  db.exec("CREATE TABLE t (x INTEGER)");
  {
    Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1)");
  }
  EXPECT_EQ(count(db), 0);
  {
    Transaction tx(db, Transaction::Mode::deferred);
    db.exec("INSERT INTO t VALUES (1)");
    tx.commit();
  }
  EXPECT_EQ(count(db), 1);
}

TEST(StorageSavepoint, NestsAndRollsBackOnlyItsOwnWrites) {
  Database db(":memory:");
  db.exec("CREATE TABLE t (x INTEGER)");
  {
    Savepoint outer(db, "outer");
    db.exec("INSERT INTO t VALUES (1)");
    {
      Savepoint inner(db, "inner");
      db.exec("INSERT INTO t VALUES (2)");
    }
    EXPECT_EQ(count(db), 1);
    outer.commit();
  }
  EXPECT_EQ(count(db), 1);
}

TEST(StorageError, NamesTheFileAndSqlitesReason) {
  auto path = temp_db("errors.db");
  Database db(path);
  try {
    db.exec("SELECT * FROM no_such_table");
    FAIL() << "expected a StorageError";
  } catch (const StorageError& e) {
    EXPECT_NE(e.text().zh.find(path), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().en.find(path), std::string::npos) << e.text().en;
    EXPECT_NE(e.text().en.find("no such table"), std::string::npos) << e.text().en;
    EXPECT_NE(e.reason().find("no such table"), std::string::npos);
  }
}

TEST(StorageError, AFileThatIsNotADatabaseIsRefusedOnOpen) {
  auto path = temp_db("not_a_db.db");
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("this is plain text, long enough to fill a header of a database file...............", f);
    std::fclose(f);
  }
  try {
    Database db(path);
    FAIL() << "expected a StorageError";
  } catch (const StorageError& e) {
    EXPECT_NE(e.text().zh.find("无法打开数据库 " + path), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().en.find("cannot open database " + path), std::string::npos) << e.text().en;
  }
}

}  // namespace
}  // namespace ankang::storage
