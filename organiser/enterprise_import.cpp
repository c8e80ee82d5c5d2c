#include "organiser/enterprise_import.h"

#include <algorithm>
#include <tuple>

#include "organiser/table_file.h"
#include "results/error.h"
#include "storage/sqlite.h"

namespace ankang::organiser {

EnterpriseImport import_enterprise_file(results::OrganiserStore& store, const std::string& file) {
  EnterpriseImport out;
  out.file = file;
  std::vector<results::Row> rows;
  try {
    rows = read_table_file(file);
  } catch (const results::ResultsError& e) {
    out.problems.push_back({0, 0, "", e.text()});
    return out;
  }
  auto list = results::read_enterprise_list(rows);
  out.problems = list.problems;
  // The rows that read well are tried against the store too (check
  // character, 不能重复报名) so one pass finds every problem; nothing stays
  // unless there is none.
  storage::Savepoint all_or_none(store.db(), "enterprise_file");
  auto refused = results::register_enterprises(store, list);
  out.problems.insert(out.problems.end(), refused.begin(), refused.end());
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [](const auto& a, const auto& b) { return std::tie(a.line, a.column) < std::tie(b.line, b.column); });
  if (out.problems.empty()) {
    all_or_none.commit();
    out.registered = static_cast<int>(list.enterprises.size());
  }
  return out;
}

}  // namespace ankang::organiser
