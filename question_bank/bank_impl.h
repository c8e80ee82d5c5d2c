// Bank's private state, shared by the files that implement Bank.
#pragma once

#include <sqlite3.h>

#include <string>

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
void join_draw_slots(sqlite3* db, std::int64_t seq, std::int64_t category_id, QuestionType type, int difficulty);

}  // namespace ankang::bank
