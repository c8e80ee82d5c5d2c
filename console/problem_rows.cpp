#include "console/problem_rows.h"

#include "console_ui/text.h"

namespace ankang::console {

std::string where(int line, int column) {
  if (line <= 0) return {};
  return column > 0 ? std::to_string(line) + ":" + std::to_string(column) : std::to_string(line);
}

std::vector<console_ui::ProblemRow> problem_rows(const std::vector<results::ListProblem>& problems) {
  std::vector<console_ui::ProblemRow> rows;
  rows.reserve(problems.size());
  for (const auto& p : problems)
    rows.push_back({where(p.line, p.column), p.field.empty() ? "" : console_ui::tr(results::list_field_label(p.field)),
                    console_ui::tr(p.message)});
  return rows;
}

}  // namespace ankang::console
