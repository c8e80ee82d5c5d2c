#include "storage/migrations.h"

#include <algorithm>

#include "storage/sqlite.h"

namespace ankang::storage {

std::vector<Migration> make_ladder(std::vector<std::pair<std::string_view, std::string_view>> files) {
  std::vector<Migration> list;
  for (const auto& [name, sql] : files) {
    const auto digits = name.substr(0, name.find('_'));
    int version = 0;
    for (char c : digits) version = (c >= '0' && c <= '9' && version < 100000) ? version * 10 + (c - '0') : -1;
    if (digits.empty() || version <= 0) version = -1;
    list.push_back({version, std::string(name), std::string(sql)});
  }
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i].version != static_cast<int>(i) + 1)
      throw StorageError(Text{"内置的数据库迁移文件编号不连续：" + list[i].name,
                              "the embedded migrations are not numbered 1, 2, 3, ...: " + list[i].name},
                         "bad migration number");
  return list;
}

int schema_version(sqlite3* db) {
  Statement st(db, "PRAGMA user_version");
  st.step();
  return static_cast<int>(st.int64(0));
}

void migrate(sqlite3* db, const std::vector<Migration>& ladder, const Text& kind, int target) {
  const int newest = static_cast<int>(ladder.size());
  if (target <= 0 || target > newest) target = newest;
  const int current = schema_version(db);
  if (current > newest) {
    const auto name = database_name(db);
    throw StorageError(Text{kind.zh + " " + name + " 的结构版本是 " + std::to_string(current) + "，比本程序支持的版本 " +
                                std::to_string(newest) + " 新；请使用更新版本的 Ankang 打开它",
                            kind.en + " " + name + " has schema version " + std::to_string(current) +
                                ", newer than version " + std::to_string(newest) +
                                " that this program knows; open it with a newer Ankang"},
                       "schema version " + std::to_string(current) + " > " + std::to_string(newest));
  }
  for (int v = current + 1; v <= target; ++v) {
    Transaction tx(db);
    exec(db, ladder[static_cast<std::size_t>(v - 1)].sql);
    exec(db, "PRAGMA user_version = " + std::to_string(v));
    tx.commit();
  }
}

}  // namespace ankang::storage
