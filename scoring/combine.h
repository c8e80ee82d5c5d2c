// A team's result from its members' individual results (distributed team
// contest: members answer the same paper on separate kiosks). Pure: std only.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ankang::scoring {

enum class Combine : std::uint8_t { sum, mean, best_n };

// "sum", "mean", "best_n".
std::string_view combine_code(Combine c);
std::optional<Combine> combine_from_code(std::string_view code);

// sum: all members; mean: rounded half away from zero (0 for no member);
// best_n: the sum of the n highest (all of them when fewer than n).
std::int64_t combine(const std::vector<std::int64_t>& member_values, Combine rule, int n);

}  // namespace ankang::scoring
