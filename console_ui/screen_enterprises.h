// 参赛企业: import the enterprise list (Excel/CSV), every problem located;
// the registered enterprises, filtered as the user types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "console_ui/widgets.h"

namespace ankang::console_ui {

struct EnterpriseRow {
  std::string unit, name, uscc, affiliation, headcount;
  bool registered = true;  // for the year shown
  bool in_results_only = false;  // never registered: known only from results
};

struct EnterprisesView {
  int year = 0;                     // the contest year shown and imported for
  std::vector<int> years;           // the years to choose from, newest first
  std::vector<EnterpriseRow> rows;  // the year's registrations, then every other enterprise of the store
  int registered = 0, units = 0;
  // The last import: its file, whether it registered, its message and problems.
  std::optional<std::string> import_file;
  bool import_ok = false;
  std::string import_message;
  std::vector<ProblemRow> problems;
};

struct EnterprisesIntent {
  std::optional<int> year;  // another year chosen
  bool import_list = false;
  bool write_template = false;
};

// filter: what the user typed in the search box (kept by the page).
EnterprisesIntent enterprises_screen(const EnterprisesView& view, std::string& filter);

}  // namespace ankang::console_ui
