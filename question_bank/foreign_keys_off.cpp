#include "question_bank/foreign_keys_off.h"

#include <sqlite3.h>

namespace ankang::bank {

namespace {

bool foreign_keys_on(sqlite3* db) {
  sqlite3_stmt* st = nullptr;
  bool on = false;
  if (sqlite3_prepare_v2(db, "PRAGMA foreign_keys", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    on = sqlite3_column_int(st, 0) != 0;
  sqlite3_finalize(st);
  return on;
}

}  // namespace

ForeignKeysOff::ForeignKeysOff(sqlite3* db) : db_(db), was_on_(foreign_keys_on(db)) {
  if (was_on_) sqlite3_exec(db_, "PRAGMA foreign_keys = OFF", nullptr, nullptr, nullptr);
}

ForeignKeysOff::~ForeignKeysOff() {
  if (was_on_) sqlite3_exec(db_, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
}

}  // namespace ankang::bank
