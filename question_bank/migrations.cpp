#include "question_bank/migrations.h"

#include <string_view>
#include <vector>

#include "embed/embedded_file.h"
#include "question_bank/bank.h"
#include "storage/migrations.h"

// Generated from question_bank/sql/*.sql by ankang_embed (question_bank/CMakeLists.txt).
namespace ankang::bank::embedded_sql { std::span<const ankang::EmbeddedFile> files(); }

namespace ankang::bank {

namespace {

const std::vector<storage::Migration>& ladder() {
  static const std::vector<storage::Migration> migrations = [] {
    std::vector<std::pair<std::string_view, std::string_view>> files;
    for (const auto& f : embedded_sql::files()) files.emplace_back(f.path, f.text());
    try {
      return storage::make_ladder(std::move(files));
    } catch (const storage::StorageError& e) {
      throw BankError(e.text());
    }
  }();
  return migrations;
}

}  // namespace

int newest_schema_version() { return static_cast<int>(ladder().size()); }

int schema_version(sqlite3* db) { return storage::schema_version(db); }

void migrate(sqlite3* db, int target) {
  const auto& steps = ladder();
  try {
    storage::migrate(db, steps, Text{"题库", "question bank"}, target);
  } catch (const storage::StorageError& e) {
    // Callers of the bank catch BankError; the message names the file already.
    throw BankError(e.text());
  }
}

}  // namespace ankang::bank
