// The numbered schema ladder every store uses: SQL files named NNN_what.sql,
// embedded in the program and applied in order; PRAGMA user_version holds
// the number of the last one applied.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/question.h"
#include "storage/error.h"

struct sqlite3;

namespace ankang::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// Sorts embedded files {name, sql} into a ladder; throws StorageError unless
// they are numbered 1, 2, 3, ... without gaps.
std::vector<Migration> make_ladder(std::vector<std::pair<std::string_view, std::string_view>> files);

int schema_version(sqlite3* db);

// Applies every step above the database's version up to `target` (0: the
// newest), each in its own transaction with its user_version. `kind` names
// the store in messages, e.g. {"题库", "question bank"}; a database newer
// than the ladder is refused with a StorageError.
void migrate(sqlite3* db, const std::vector<Migration>& ladder, const Text& kind, int target = 0);

// Which of Ankang's stores a database is, by its tables: a new (empty) file,
// a question bank (bank.db), an organiser store, a kiosk's store, or none of them.
enum class StoreKind { empty, question_bank, organiser_store, kiosk_store, other };
StoreKind store_kind(sqlite3* db);
// Throws a StorageError naming the file and what it is when it is not empty
// and not `expected` (kind names the expected one, as for migrate), so a
// question bank given as the organiser store is refused before anything is
// written to it.
void expect_store_kind(sqlite3* db, StoreKind expected, const Text& kind);

}  // namespace ankang::storage
