// Bank's private state, shared by the files that implement Bank.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "question_bank/bank.h"
#include "storage/sqlite.h"

namespace ankang::bank {

struct Bank::Impl {
  explicit Impl(const std::string& file) : database(file), db(database.handle()), path(file) {}
  storage::Database database;
  sqlite3* db;  // database's handle, for the statements of the bank's files
  std::string path;
};

// "未分类": the top-level name stats() uses for questions without a category.
inline const char* const kNoCategory = "未分类";

// An active question's place among the draw slots (sql/0003_draw_strata.sql):
// given up when it is retired or moves to another stratum, taken in its new one.
void leave_draw_slots(sqlite3* db, std::int64_t seq);
// Marks the question retired and gives up its draw slot; inside the caller's transaction.
void retire_row(sqlite3* db, std::int64_t seq, std::int64_t now);

// The changed questions of an import (see ChangedQuestion), and the rows of
// the old questions they name, each once: what insert() retires for
// OnChanged::replace.
struct Changes {
  std::vector<ChangedQuestion> changed;
  std::vector<std::int64_t> old_seqs;
};
Changes find_changes(sqlite3* db, const std::vector<Question>& questions);

// Bank::insert; without `on_changed`, changed questions are not looked for
// (Bank::edit, which retires the one question it replaces itself). Throws
// StorageError for a database error.
InsertOutcome insert_questions(sqlite3* db, const std::vector<Question>& questions, const InsertProgress& progress,
                               std::optional<OnChanged> on_changed);

// The SHA-256 of a picture's bytes in hex, as the images table keys it.
std::string sha256_hex(const std::vector<std::uint8_t>& bytes);

void join_draw_slots(sqlite3* db, std::int64_t seq, std::int64_t category_id, QuestionType type, int difficulty);

}  // namespace ankang::bank
