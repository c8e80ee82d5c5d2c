// Every row of every table of a store as text, to check that a refused
// import left the store exactly as it was.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "results/store.h"

namespace ankang::results::testing {

inline std::string store_dump(OrganiserStore& store) {
  auto& db = store.db();
  std::vector<std::string> tables;
  auto names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  while (names.step()) tables.push_back(names.text(0));
  std::string dump;
  for (const auto& table : tables) {
    std::string row_sql;
    auto columns = db.prepare("SELECT name FROM pragma_table_info(?)");
    columns.bind(1, table);
    while (columns.step()) row_sql += (row_sql.empty() ? "" : " || '|' || ") + std::string("quote(\"") + columns.text(0) + "\")";
    std::vector<std::string> rows;
    auto all = db.prepare("SELECT " + row_sql + " FROM \"" + table + "\"");
    while (all.step()) rows.push_back(all.text(0));
    std::sort(rows.begin(), rows.end());
    dump += "[" + table + "] " + std::to_string(rows.size()) + "\n";
    for (const auto& r : rows) dump += r + "\n";
  }
  return dump;
}

}  // namespace ankang::results::testing
