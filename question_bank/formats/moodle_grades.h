// The answer grades Moodle accepts (its fixed list of fractions), shared by
// the GIFT and Moodle XML readers and writers.
#pragma once

#include <optional>
#include <string>

namespace ankang::bank::detail {

// True when percent (e.g. 33.33333, -50) is one of Moodle's grades.
bool is_moodle_grade(double percent);
// The grade of each correct option when `correct` options share 100%:
// "50", "33.33333"; nullopt when Moodle has no such grade (e.g. 11 options).
std::optional<std::string> shared_grade_text(int correct);

}  // namespace ankang::bank::detail
