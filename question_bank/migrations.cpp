#include "question_bank/migrations.h"

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "embed/embedded_file.h"
#include "question_bank/bank.h"
#include "question_bank/question_columns.h"
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

std::string text_of(sqlite3_value* value) {
  const auto* text = sqlite3_value_text(value);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_value_bytes(value)))
              : std::string();
}

// duplicate_key_of(type, stem, options, answer, pairs, regions, picture bytes,
// old key): the question's duplicate_key() from its columns; the old key
// for a row whose type or answer columns cannot be read.
void duplicate_key_of(sqlite3_context* context, int, sqlite3_value** args) {
  auto type = type_from_code(text_of(args[0]));
  if (!type) return sqlite3_result_value(context, args[7]);
  Question q;
  q.type = *type;
  q.stem = text_of(args[1]);
  try {
    decode_answer({text_of(args[2]), text_of(args[3]), text_of(args[4]), text_of(args[5])}, q);
  } catch (const BankError&) {
    return sqlite3_result_value(context, args[7]);
  }
  if (const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_value_blob(args[6])))
    q.image.bytes.assign(bytes, bytes + sqlite3_value_bytes(args[6]));
  const DuplicateKey key = duplicate_key(q);
  sqlite3_result_blob(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

struct LadderFunction {
  const char* name;
  int arguments;
  void (*call)(sqlite3_context*, int, sqlite3_value**);
};
constexpr LadderFunction kLadderFunctions[] = {{"key_from_hex", 1, &key_from_hex},
                                               {"duplicate_key_of", 8, &duplicate_key_of}};

// The SQL functions the ladder's steps call, registered while it runs.
class LadderFunctions {
 public:
  explicit LadderFunctions(sqlite3* db) : db_(db) {
    for (const auto& f : kLadderFunctions)
      if (sqlite3_create_function_v2(db_, f.name, f.arguments, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, f.call,
                                     nullptr, nullptr, nullptr) != SQLITE_OK)
        throw BankError(Text{"无法注册题库升级所需的 SQL 函数", "cannot register the SQL function the bank upgrade needs"});
  }
  ~LadderFunctions() {
    for (const auto& f : kLadderFunctions)
      sqlite3_create_function_v2(db_, f.name, f.arguments, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr,
                                 nullptr, nullptr, nullptr);
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
    storage::expect_store_kind(db, storage::StoreKind::question_bank, Text{"题库", "question bank"});
    storage::migrate(db, steps, Text{"题库", "question bank"}, target);
  } catch (const storage::StorageError& e) {
    // Callers of the bank catch BankError; the message names the file already.
    throw BankError(e.text());
  }
}

}  // namespace ankang::bank
