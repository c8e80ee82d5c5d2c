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

}  // namespace ankang::bank
