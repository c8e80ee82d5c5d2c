#include "organiser/enterprise_import.h"

#include "organiser/table_file.h"
#include "results/error.h"

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
  if (out.problems.empty()) out.problems = results::register_enterprises(store, list);
  if (out.problems.empty()) out.registered = static_cast<int>(list.enterprises.size());
  return out;
}

}  // namespace ankang::organiser
