#include "scoring/combine.h"

#include <algorithm>
#include <functional>
#include <numeric>

#include "scoring/points.h"

namespace ankang::scoring {

std::string_view combine_code(Combine c) {
  switch (c) {
    case Combine::sum: return "sum";
    case Combine::mean: return "mean";
    case Combine::best_n: return "best_n";
  }
  return {};
}

std::optional<Combine> combine_from_code(std::string_view code) {
  for (auto c : {Combine::sum, Combine::mean, Combine::best_n})
    if (combine_code(c) == code) return c;
  return std::nullopt;
}

std::int64_t combine(const std::vector<std::int64_t>& values, Combine rule, int n) {
  const std::int64_t total = std::accumulate(values.begin(), values.end(), std::int64_t{0});
  switch (rule) {
    case Combine::sum:
      return total;
    case Combine::mean:
      return values.empty() ? 0 : scale_rounded(total, 1, static_cast<std::int64_t>(values.size()));
    case Combine::best_n: {
      std::vector<std::int64_t> sorted = values;
      std::sort(sorted.begin(), sorted.end(), std::greater<>());
      const auto take = std::min<std::size_t>(sorted.size(), static_cast<std::size_t>(std::max(0, n)));
      return std::accumulate(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(take), std::int64_t{0});
    }
  }
  return 0;
}

}  // namespace ankang::scoring
