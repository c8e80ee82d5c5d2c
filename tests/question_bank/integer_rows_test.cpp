#include "question_bank/integer_rows.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "storage/sqlite.h"

namespace ankang::bank {
namespace {

std::string rows_of(sqlite3* db) {
  storage::Statement st(db, "SELECT group_concat(a || ':' || b || ':' || c, ' ') FROM (SELECT * FROM t ORDER BY rowid)");
  st.step();
  return st.is_null(0) ? std::string() : st.text(0);
}

TEST(IntegerRows, WritesEveryRowInOrderAcrossFullAndShortStatements) {
  storage::Database db(":memory:");
  db.exec("CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER)");
  IntegerRows rows("INSERT INTO t (a, b, c)");
  const std::size_t n = 2 * IntegerRows::kRowsPerStatement + 5;
  std::string want;
  for (std::size_t i = 0; i < n; ++i) {
    const auto v = static_cast<std::int64_t>(i);
    rows.add(v, -v, v * 1000000000000LL);
    want += (i ? " " : "") + std::to_string(v) + ":" + std::to_string(-v) + ":" + std::to_string(v * 1000000000000LL);
  }
  EXPECT_EQ(rows.size(), n);
  rows.write(db.handle());
  EXPECT_EQ(rows.size(), 0u);
  EXPECT_EQ(rows_of(db.handle()), want);
  rows.write(db.handle());  // nothing left: writes nothing
  EXPECT_EQ(rows_of(db.handle()), want);
}

TEST(IntegerRows, AnExactNumberOfFullStatementsAndASingleRow) {
  for (std::size_t n : {IntegerRows::kRowsPerStatement, std::size_t{1}}) {
    storage::Database db(":memory:");
    db.exec("CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER)");
    IntegerRows rows("INSERT INTO t (a, b, c)");
    for (std::size_t i = 0; i < n; ++i) rows.add(1, 2, static_cast<std::int64_t>(i));
    rows.write(db.handle());
    storage::Statement count(db.handle(), "SELECT count(*), sum(c) FROM t");
    count.step();
    EXPECT_EQ(count.int64(0), static_cast<std::int64_t>(n));
    EXPECT_EQ(count.int64(1), static_cast<std::int64_t>(n * (n - 1) / 2));
  }
}

TEST(IntegerRows, AFailingRowThrowsAStorageError) {
  storage::Database db(":memory:");
  db.exec("CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER, c INTEGER)");
  IntegerRows rows("INSERT INTO t (a, b, c)");
  rows.add(1, 0, 0);
  rows.add(1, 0, 0);
  EXPECT_THROW(rows.write(db.handle()), storage::StorageError);
}

}  // namespace
}  // namespace ankang::bank
