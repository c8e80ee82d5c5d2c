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
  int registered = 0;                          // 0 unless problems is empty
  bool ok() const { return problems.empty(); }
};

// Reads FILE and registers its enterprises in the store, all or none. A file
// that cannot be read comes back as one problem at line 0; a database error
// throws.
EnterpriseImport import_enterprise_file(results::OrganiserStore& store, const std::string& file);

}  // namespace ankang::organiser
