// Bank's private state, shared by the files that implement Bank.
#pragma once

#include <sqlite3.h>

#include <string>

#include "question_bank/bank.h"

namespace ankang::bank {

struct Bank::Impl {
  sqlite3* db = nullptr;
  std::string path;
  ~Impl() { sqlite3_close_v2(db); }
};

// "未分类": the top-level name stats() uses for questions without a category.
inline const char* const kNoCategory = "未分类";

}  // namespace ankang::bank
