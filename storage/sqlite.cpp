#include "storage/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace ankang::storage {

std::string database_name(sqlite3* db) {
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  return (file && *file) ? file : ":memory:";
}

void fail(sqlite3* db, std::string_view what_zh, std::string_view what_en) {
  std::string name = database_name(db);
  std::string reason = db ? sqlite3_errmsg(db) : "out of memory";
  throw StorageError(Text{"数据库 " + name + "：" + std::string(what_zh) + "失败：" + reason,
                          "database " + name + ": " + std::string(what_en) + " failed: " + reason},
                     reason);
}

void exec(sqlite3* db, std::string_view sql) {
  std::string text(sql);  // sqlite3_exec wants a terminated string
  if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, "执行 SQL ", "running SQL");
}

// [SECTION] Statement

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                         nullptr) != SQLITE_OK)
    fail(db, "准备 SQL ", "preparing SQL");
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  std::swap(db_, other.db_);
  std::swap(stmt_, other.stmt_);
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "绑定参数", "binding a parameter");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) fail(db_, "绑定参数", "binding a parameter");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  // An empty view may have no data pointer, which SQLite would bind as NULL.
  if (sqlite3_bind_text64(stmt_, index, text.empty() ? "" : text.data(), text.size(), SQLITE_TRANSIENT,
                          SQLITE_UTF8) != SQLITE_OK)
    fail(db_, "绑定参数", "binding a parameter");
  return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
  if (sqlite3_bind_blob64(stmt_, index, blob.data(), blob.size(), SQLITE_TRANSIENT) != SQLITE_OK)
    fail(db_, "绑定参数", "binding a parameter");
  return *this;
}

Statement& Statement::bind_static(int index, std::string_view text) {
  if (sqlite3_bind_text64(stmt_, index, text.empty() ? "" : text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8) !=
      SQLITE_OK)
    fail(db_, "绑定参数", "binding a parameter");
  return *this;
}

Statement& Statement::bind_static(int index, std::span<const std::uint8_t> blob) {
  // An empty span may have no data pointer, which SQLite would bind as NULL.
  static const std::uint8_t none = 0;
  if (sqlite3_bind_blob64(stmt_, index, blob.empty() ? &none : blob.data(), blob.size(), SQLITE_STATIC) != SQLITE_OK)
    fail(db_, "绑定参数", "binding a parameter");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "绑定参数", "binding a parameter");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Reset first so a cached statement is usable again after the error.
  std::string zh = "执行 SQL（" + std::string(sqlite3_sql(stmt_)) + "）";
  std::string en = "running SQL (" + std::string(sqlite3_sql(stmt_)) + ")";
  sqlite3_reset(stmt_);
  fail(db_, zh, en);
}

void Statement::run() {
  step();
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Statement::rewind() { sqlite3_reset(stmt_); }

void Statement::run_keeping_bindings() {
  step();
  rewind();
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string Statement::text(int column) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::span<const std::uint8_t> Statement::blob(int column) const {
  auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
  return {p, p ? static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)) : 0};
}

// [SECTION] Database

Database::Database(const std::string& path) : path_(path) {
  // NOMUTEX: a connection is used by one thread at a time, so SQLite's
  // per-call locking is pure cost (about a tenth of a results import).
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(std::exchange(db_, nullptr));
    throw StorageError(Text{"无法打开数据库 " + path + "：" + reason, "cannot open database " + path + ": " + reason},
                       reason);
  }
  sqlite3_busy_timeout(db_, 5000);
  sqlite3_extended_result_codes(db_, 1);
  // A file that is not a database fails here, on the first read.
  if (sqlite3_exec(db_, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", nullptr,
                   nullptr, nullptr) != SQLITE_OK) {
    std::string reason = sqlite3_errmsg(db_);
    sqlite3_close_v2(std::exchange(db_, nullptr));
    throw StorageError(Text{"无法打开数据库 " + path + "：" + reason, "cannot open database " + path + ": " + reason},
                       reason);
  }
}

Database::Database(Database&& other) noexcept
    : cache_(std::move(other.cache_)), db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
  std::swap(cache_, other.cache_);
  std::swap(db_, other.db_);
  std::swap(path_, other.path_);
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

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

// [SECTION] Transactions

Transaction::Transaction(sqlite3* db, Mode mode) : db_(db) {
  exec(db, mode == Mode::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  exec(db_, "COMMIT");
  done_ = true;
}

Savepoint::Savepoint(Database& db, std::string name) : db_(db), name_(std::move(name)) {
  db_.exec("SAVEPOINT " + name_);
}

Savepoint::~Savepoint() {
  if (done_) return;
  // A destructor must not throw; a failed rollback shows on the next statement.
  sqlite3_exec(db_.handle(), ("ROLLBACK TO " + name_ + "; RELEASE " + name_).c_str(), nullptr, nullptr, nullptr);
}

void Savepoint::commit() {
  db_.exec("RELEASE " + name_);
  done_ = true;
}

}  // namespace ankang::storage
