#include "organiser/enterprise_import.h"

#include <algorithm>
#include <tuple>

#include "organiser/table_file.h"
#include "results/error.h"
#include "storage/sqlite.h"

namespace ankang::organiser {

EnterpriseImport import_enterprise_file(results::OrganiserStore& store, const std::string& file, int year) {
  EnterpriseImport out;
  out.file = file;
  out.year = year;
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
  auto done = results::register_enterprises(store, list, year);
  out.problems.insert(out.problems.end(), done.problems.begin(), done.problems.end());
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [](const auto& a, const auto& b) { return std::tie(a.line, a.column) < std::tie(b.line, b.column); });
  if (out.problems.empty()) {
    all_or_none.commit();
    out.registered = static_cast<int>(list.enterprises.size());
    out.added = done.added;
    out.updated = done.updated;
    out.unchanged = done.unchanged;
  }
  return out;
}

std::string describe_import(const EnterpriseImport& import, bool chinese) {
  const auto n = [](int v) { return std::to_string(v); };
  if (chinese)
    return "已登记 " + n(import.year) + " 年参赛企业 " + n(import.registered) + " 家（新增 " + n(import.added) + " 家，更新 " +
           n(import.updated) + " 家，未变 " + n(import.unchanged) + " 家）";
  return n(import.registered) + " enterprises registered for " + n(import.year) + " (" + n(import.added) + " new, " +
         n(import.updated) + " updated, " + n(import.unchanged) + " unchanged)";
}

}  // namespace ankang::organiser
