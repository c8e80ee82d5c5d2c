// A thin RAII layer over the SQLite C API for the organiser store.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace ankang::results {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binding is 1-based, as in SQLite; returns *this to chain.
  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view text);
  Statement& bind_blob(int i, std::span<const std::uint8_t> bytes);
  Statement& bind_null(int i);
  // True while there is a row; throws on error.
  bool step();
  // step() then reset(): for statements that return nothing.
  void run();
  void reset();

  std::int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  std::span<const std::uint8_t> blob(int col) const;
  bool is_null(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  explicit Database(const std::string& path);
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  // A statement prepared once per connection and reset before each use:
  // for the statements an import runs for every answer.
  Statement& cached(const std::string& sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;  // destroyed before db_ closes
  sqlite3* db_ = nullptr;
  std::string path_;
};

// Rolls back unless commit() was called (a SAVEPOINT, so it nests).
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

}  // namespace ankang::results
