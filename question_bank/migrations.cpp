#include "question_bank/migrations.h"

#include <sqlite3.h>

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

int hex_digit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// key_from_hex(text): the bytes 32 hex digits stand for; anything else is
// returned unchanged, so a stray key still stays unique.
void key_from_hex(sqlite3_context* context, int, sqlite3_value** args) {
  const auto* text = sqlite3_value_text(args[0]);
  const int length = sqlite3_value_bytes(args[0]);
  unsigned char key[16];
  bool ok = sqlite3_value_type(args[0]) == SQLITE_TEXT && text && length == 32;
  for (int i = 0; ok && i < 16; ++i) {
    int high = hex_digit(text[2 * i]), low = hex_digit(text[2 * i + 1]);
    ok = high >= 0 && low >= 0;
    key[i] = static_cast<unsigned char>(high * 16 + low);
  }
  if (ok) sqlite3_result_blob(context, key, sizeof key, SQLITE_TRANSIENT);
  else sqlite3_result_value(context, args[0]);
}

// The SQL functions the ladder's steps call, registered while it runs.
class LadderFunctions {
 public:
  explicit LadderFunctions(sqlite3* db) : db_(db) {
    if (sqlite3_create_function_v2(db_, "key_from_hex", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, &key_from_hex,
                                   nullptr, nullptr, nullptr) != SQLITE_OK)
      throw BankError(Text{"无法注册题库升级所需的 SQL 函数", "cannot register the SQL function the bank upgrade needs"});
  }
  ~LadderFunctions() {
    sqlite3_create_function_v2(db_, "key_from_hex", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr, nullptr,
                               nullptr, nullptr);
  }
  LadderFunctions(const LadderFunctions&) = delete;
  LadderFunctions& operator=(const LadderFunctions&) = delete;

 private:
  sqlite3* db_;
};

}  // namespace

int newest_schema_version() { return static_cast<int>(ladder().size()); }

int schema_version(sqlite3* db) { return storage::schema_version(db); }

void migrate(sqlite3* db, int target) {
  const auto& steps = ladder();
  LadderFunctions functions(db);
  try {
    storage::migrate(db, steps, Text{"题库", "question bank"}, target);
  } catch (const storage::StorageError& e) {
    // Callers of the bank catch BankError; the message names the file already.
    throw BankError(e.text());
  }
}

}  // namespace ankang::bank
