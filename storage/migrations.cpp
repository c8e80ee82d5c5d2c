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

StoreKind store_kind(sqlite3* db) {
  // Tables every version of each store has had since its first migration.
  Statement st(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
  bool any = false, categories = false, intents = false, devices = false;
  while (st.step()) {
    any = true;
    const std::string name = st.text(0);
    categories = categories || name == "categories";
    intents = intents || name == "intents";
    devices = devices || name == "devices";
  }
  if (!any) return StoreKind::empty;
  if (intents) return StoreKind::kiosk_store;
  if (devices) return StoreKind::organiser_store;
  if (categories) return StoreKind::question_bank;
  return StoreKind::other;
}

void expect_store_kind(sqlite3* db, StoreKind expected, const Text& kind) {
  const StoreKind found = store_kind(db);
  if (found == StoreKind::empty || found == expected) return;
  Text what;
  switch (found) {
    case StoreKind::question_bank: what = {"题库文件", "a question bank"}; break;
    case StoreKind::organiser_store: what = {"成绩库（组织单位的数据库）", "an organiser store"}; break;
    case StoreKind::kiosk_store: what = {"答题终端的数据库", "a kiosk's store"}; break;
    default: what = {"其他程序的数据库", "another program's database"}; break;
  }
  const auto name = database_name(db);
  throw StorageError(Text{name + " 是" + what.zh + "，不是" + kind.zh + "：请选择" + kind.zh + "文件",
                          name + " is " + what.en + ", not a " + kind.en + ": choose the " + kind.en + " file"},
                     "wrong kind of store");
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
