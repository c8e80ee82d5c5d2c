// One RAII layer over the SQLite C API for every store of the project.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace ankang::storage {

// The file name of a connection's main database, ":memory:" when it has none.
std::string database_name(sqlite3* db);

// Throws StorageError naming the file, what was being done and SQLite's reason.
[[noreturn]] void fail(sqlite3* db, std::string_view what_zh, std::string_view what_en);

// Runs one or more statements that return no rows.
void exec(sqlite3* db, std::string_view sql);

// A prepared statement, finalized on destruction. Bind indices are 1-based.
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::span<const std::uint8_t> blob);
  Statement& bind_null(int index);
  // Like bind(), without SQLite's copy: the bytes must stay alive and
  // unchanged until the statement is stepped and reset (or rebound). For
  // per-row statements of a bulk insert, whose values live in the caller.
  Statement& bind_static(int index, std::string_view text);
  Statement& bind_static(int index, std::span<const std::uint8_t> blob);

  // True while there is a row to read; false when done.
  bool step();
  // step() then reset(): for statements that return no rows.
  void run();
  // Ready to bind and step again; every parameter back to NULL.
  void reset();
  // Ready to step again with the same bindings: for a statement whose
  // parameters are all rebound before each step anyway.
  void rewind();
  // step() then rewind().
  void run_keeping_bindings();

  std::int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  // Valid until the next step(), reset() or column call on this column.
  std::span<const std::uint8_t> blob(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// A connection with the project's durable pragmas: WAL journal, synchronous
// FULL, foreign keys on. ":memory:" opens a private in-memory database.
class Database {
 public:
  explicit Database(const std::string& path);
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  void exec(std::string_view sql) { storage::exec(db_, sql); }
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  // A statement prepared once per connection and reset before each use:
  // for statements run once per row of a large import.
  Statement& cached(const std::string& sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;  // cleared before db_ closes
  sqlite3* db_ = nullptr;
  std::string path_;
};

// BEGIN on construction (IMMEDIATE: take the write lock now, for writers;
// DEFERRED: a consistent snapshot for readers); rolls back unless committed.
class Transaction {
 public:
  enum class Mode { immediate, deferred };
  explicit Transaction(sqlite3* db, Mode mode = Mode::immediate);
  explicit Transaction(Database& db, Mode mode = Mode::immediate) : Transaction(db.handle(), mode) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  sqlite3* db_;
  bool done_ = false;
};

// Like Transaction, but a SAVEPOINT, so it nests inside another one.
class Savepoint {
 public:
  Savepoint(Database& db, std::string name);
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  ~Savepoint();
  void commit();

 private:
  Database& db_;
  std::string name_;
  bool done_ = false;
};

}  // namespace ankang::storage
