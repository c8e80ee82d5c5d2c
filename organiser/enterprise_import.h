// Registering the enterprises of a list file: every problem of the file
// found in one pass, and nothing registered unless there is none.
#pragma once

#include <string>
#include <vector>

#include "results/enterprise_list.h"
#include "results/store.h"

namespace ankang::organiser {

struct EnterpriseImport {
  std::string file;
  std::vector<results::ListProblem> problems;  // located in the file; line 0: the file as a whole
  int year = 0;                                // the contest year registered for
  int registered = 0;                          // rows of the list; 0 unless problems is empty
  int added = 0, updated = 0, unchanged = 0;   // of them: new, corrected, as before
  bool ok() const { return problems.empty(); }
};

// Reads FILE and registers its enterprises for the contest year, all or
// none. A list given again with corrections updates the year's
// registrations. A file that cannot be read comes back as one problem at
// line 0; a database error throws.
EnterpriseImport import_enterprise_file(results::OrganiserStore& store, const std::string& file, int year);

// "已登记 2026 年参赛企业 12 家（新增 3 家，更新 2 家，未变 7 家）".
std::string describe_import(const EnterpriseImport& import, bool chinese);

}  // namespace ankang::organiser
