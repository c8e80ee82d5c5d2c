// What the GIFT and Moodle XML readers and writers share: Moodle's fixed list
// of answer grades and its category paths.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ankang::bank::detail {

// True when percent (e.g. 33.33333, -50) is one of Moodle's grades.
bool is_moodle_grade(double percent);
// The grade of each correct option when `correct` options share 100%:
// "50", "33.33333"; nullopt when Moodle has no such grade (e.g. 11 options).
std::optional<std::string> shared_grade_text(int correct);

// "$course$/top/安全/粉尘" -> {"安全", "粉尘"}
std::vector<std::string> category_path(std::string_view text);
// {"安全", "粉尘"} -> "$course$/top/安全/粉尘"
std::string category_text(const std::vector<std::string>& path);

}  // namespace ankang::bank::detail
