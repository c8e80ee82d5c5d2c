// Located problems of the organiser's files as rows of the console's
// problems table, in the console's language.
#pragma once

#include <vector>

#include "console_ui/widgets.h"
#include "results/enterprise_list.h"

namespace ankang::console {

std::vector<console_ui::ProblemRow> problem_rows(const std::vector<results::ListProblem>& problems);

// "LINE:COLUMN", "LINE", or empty for the file as a whole (line 0).
std::string where(int line, int column);

}  // namespace ankang::console
