#include "question_bank/bulk_journal.h"

#include <sqlite3.h>

#include <string>

namespace ankang::bank {

namespace {

// The journal mode after `sql` (a PRAGMA journal_mode), "" when it failed.
std::string journal_mode(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  std::string mode;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    if (auto* text = sqlite3_column_text(st, 0)) mode = reinterpret_cast<const char*>(text);
  sqlite3_finalize(st);
  return mode;
}

int busy_timeout(sqlite3* db) {
  sqlite3_stmt* st = nullptr;
  int ms = 0;
  if (sqlite3_prepare_v2(db, "PRAGMA busy_timeout", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    ms = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return ms;
}

}  // namespace

BulkJournal::BulkJournal(sqlite3* db, std::size_t questions) : db_(db) {
  if (questions < kMinQuestions || journal_mode(db_, "PRAGMA journal_mode") != "wal") return;
  // Leaving WAL needs the bank alone: when another connection has it open,
  // keep the WAL at once rather than wait for it.
  const int timeout = busy_timeout(db_);
  sqlite3_busy_timeout(db_, 0);
  switched_ = journal_mode(db_, "PRAGMA journal_mode = DELETE") == "delete";
  sqlite3_busy_timeout(db_, timeout);
}

BulkJournal::~BulkJournal() {
  // Should this fail (another connection came meanwhile), the bank stays
  // consistent in rollback mode, and the next Bank::open sets WAL again.
  if (switched_) journal_mode(db_, "PRAGMA journal_mode = WAL");
}

}  // namespace ankang::bank
