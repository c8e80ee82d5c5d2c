#include "question_bank/formats/moodle_common.h"

#include <cmath>
#include <cstdio>

#include "engine/question.h"

namespace ankang::bank::detail {

namespace {

constexpr double kGrades[] = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333,
                              30,  25, 20,       16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0};
constexpr double kTolerance = 0.0001;  // the files write grades with five decimals

}  // namespace

bool is_moodle_grade(double percent) {
  for (double g : kGrades)
    if (std::fabs(std::fabs(percent) - g) < kTolerance) return true;
  return false;
}

std::optional<std::string> shared_grade_text(int correct) {
  if (correct <= 0) return std::nullopt;
  double share = 100.0 / correct;
  if (!is_moodle_grade(share)) return std::nullopt;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.5f", share);
  std::string text(buffer);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::vector<std::string> category_path(std::string_view text) {
  auto parts = split_category(text);
  if (!parts.empty() && parts.front().size() > 1 && parts.front().front() == '$' && parts.front().back() == '$')
    parts.erase(parts.begin());
  if (!parts.empty() && (parts.front() == "top" || parts.front() == "Top")) parts.erase(parts.begin());
  return parts;
}

std::string category_text(const std::vector<std::string>& path) { return "$course$/top/" + join_category(path); }

}  // namespace ankang::bank::detail
