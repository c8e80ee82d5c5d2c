#include "results/sqlite.h"

#include <sqlite3.h>

#include <utility>

#include "results/error.h"

namespace ankang::results {

namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
  throw ResultsError("数据库错误（" + std::string(what) + "）：" + msg, "database error (" + std::string(what) + "): " + msg);
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
    fail(db, sql);
}
Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(std::exchange(o.stmt_, nullptr)) {}
Statement& Statement::operator=(Statement&& o) noexcept {
  std::swap(db_, o.db_);
  std::swap(stmt_, o.stmt_);
  return *this;
}
Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::bind(int i, std::string_view t) {
  sqlite3_bind_text(stmt_, i, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_blob(int i, std::span<const std::uint8_t> b) {
  sqlite3_bind_blob(stmt_, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string sql = sqlite3_sql(stmt_);
  sqlite3_reset(stmt_);
  fail(db_, sql);
}
void Statement::run() {
  step();
  reset();
}
void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int c) const { return sqlite3_column_int64(stmt_, c); }
double Statement::real(int c) const { return sqlite3_column_double(stmt_, c); }
std::string Statement::text(int c) const {
  auto* p = sqlite3_column_text(stmt_, c);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c))) : std::string();
}
std::span<const std::uint8_t> Statement::blob(int c) const {
  auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, c));
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c))};
}
bool Statement::is_null(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }

Database::Database(const std::string& path) : path_(path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw ResultsError(path + ": 无法打开数据库（" + msg + "）", path + ": cannot open database (" + msg + ")");
  }
  sqlite3_busy_timeout(db_, 5000);
}
Database::Database(Database&& o) noexcept
    : cache_(std::move(o.cache_)), db_(std::exchange(o.db_, nullptr)), path_(std::move(o.path_)) {}
Database& Database::operator=(Database&& o) noexcept {
  std::swap(cache_, o.cache_);
  std::swap(db_, o.db_);
  std::swap(path_, o.path_);
  return *this;
}
Database::~Database() {
  cache_.clear();
  sqlite3_close_v2(db_);
}

Statement& Database::cached(const std::string& sql) {
  auto& slot = cache_[sql];
  if (!slot) slot = std::make_unique<Statement>(db_, sql);
  slot->reset();
  return *slot;
}

void Database::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw ResultsError(path_ + ": 数据库错误：" + msg, path_ + ": database error: " + msg);
  }
}
std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

Savepoint::Savepoint(Database& db, std::string name) : db_(db), name_(std::move(name)) { db_.exec("SAVEPOINT " + name_); }
Savepoint::~Savepoint() {
  if (done_) return;
  try {
    db_.exec("ROLLBACK TO " + name_);
    db_.exec("RELEASE " + name_);
  } catch (...) {
    // A destructor must not throw; the connection reports the error next time.
  }
}
void Savepoint::commit() {
  db_.exec("RELEASE " + name_);
  done_ = true;
}

}  // namespace ankang::results
