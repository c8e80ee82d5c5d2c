// The schema ladder: question_bank/sql/NNNN_*.sql, embedded in the program
// and applied in order; PRAGMA user_version holds the number of the last one.
#pragma once

#include <sqlite3.h>

namespace ankang::bank {

// The number of the newest migration this program carries.
int newest_schema_version();

// Applies every migration above the bank's version up to `target`
// (default: the newest), each in its own transaction with its user_version.
// Throws BankError for a bank newer than this program.
void migrate(sqlite3* db, int target = 0);

int schema_version(sqlite3* db);

}  // namespace ankang::bank
