#include "question_bank/migrations.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "question_bank/bank.h"
#include "question_bank/sqlite_util.h"

// Generated from question_bank/sql/*.sql by ankang_embed (question_bank/CMakeLists.txt).
namespace ankang::bank::embedded_sql {
struct EmbeddedFile {
  const char* path;
  const unsigned char* data;
  unsigned long size;
};
extern const EmbeddedFile files[];
extern const unsigned long file_count;
}  // namespace ankang::bank::embedded_sql

namespace ankang::bank {

namespace {

struct Migration {
  int version;
  std::string_view name;
  std::string sql;
};

// The files are named NNNN_what.sql and must number 1, 2, 3, ... without gaps;
// the build would be broken otherwise, so a gap is a programming error.
const std::vector<Migration>& ladder() {
  static const std::vector<Migration> migrations = [] {
    std::vector<Migration> list;
    for (unsigned long i = 0; i < embedded_sql::file_count; ++i) {
      const auto& f = embedded_sql::files[i];
      std::string_view name(f.path);
      list.push_back({std::stoi(std::string(name.substr(0, name.find('_')))), name,
                      std::string(reinterpret_cast<const char*>(f.data), f.size)});
    }
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < list.size(); ++i)
      if (list[i].version != static_cast<int>(i) + 1)
        throw BankError(Text{"内置的数据库迁移文件编号不连续：" + std::string(list[i].name),
                             "the embedded migrations are not numbered 1, 2, 3, ...: " +
                                 std::string(list[i].name)});
    return list;
  }();
  return migrations;
}

std::string bank_name(sqlite3* db) {
  const char* file = sqlite3_db_filename(db, "main");
  return (file && *file) ? file : ":memory:";
}

}  // namespace

int newest_schema_version() { return static_cast<int>(ladder().size()); }

int schema_version(sqlite3* db) {
  sql::Statement st(db, "PRAGMA user_version");
  st.step();
  return static_cast<int>(st.int64(0));
}

void migrate(sqlite3* db, int target) {
  const int newest = newest_schema_version();
  if (target <= 0 || target > newest) target = newest;
  const int current = schema_version(db);
  if (current > newest) {
    auto name = bank_name(db);
    throw BankError(Text{"题库 " + name + " 的结构版本是 " + std::to_string(current) +
                             "，比本程序支持的版本 " + std::to_string(newest) +
                             " 新；请使用更新版本的 Ankang 打开它",
                         "question bank " + name + " has schema version " + std::to_string(current) +
                             ", newer than version " + std::to_string(newest) +
                             " that this program knows; open it with a newer Ankang"});
  }
  for (int v = current + 1; v <= target; ++v) {
    sql::Transaction tx(db);
    sql::exec(db, ladder()[static_cast<std::size_t>(v - 1)].sql.c_str());
    sql::exec(db, ("PRAGMA user_version = " + std::to_string(v)).c_str());
    tx.commit();
  }
}

}  // namespace ankang::bank
