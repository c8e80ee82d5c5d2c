// Thin RAII helpers over the SQLite C API, shared by the bank's files.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ankang::bank::sql {

// Throws BankError naming the file and SQLite's reason.
[[noreturn]] void fail(sqlite3* db, std::string_view what_zh, std::string_view what_en);

// Runs one or more statements that return no rows.
void exec(sqlite3* db, const char* sql);

// A prepared statement, finalized on destruction. Bind indices are 1-based.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::span<const std::uint8_t> blob);
  Statement& bind_null(int index);

  // True while there is a row to read; false when done.
  bool step();
  // Steps a statement that returns no rows.
  void run();
  // Ready to bind and step again.
  void reset();

  std::int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::vector<std::uint8_t> blob(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN on construction (IMMEDIATE: take the write lock now, for writers;
// DEFERRED: a consistent snapshot for readers); rolls back unless committed.
class Transaction {
 public:
  enum class Mode { immediate, deferred };
  explicit Transaction(sqlite3* db, Mode mode = Mode::immediate);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  sqlite3* db_;
  bool done_ = false;
};

}  // namespace ankang::bank::sql
