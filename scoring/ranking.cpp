#include "scoring/ranking.h"

#include <algorithm>
#include <numeric>

namespace ankang::scoring {

namespace {

// <0 when a ranks before b, 0 when tied on every link.
int compare(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b, const std::vector<Order>& chain) {
  for (std::size_t k = 0; k < chain.size(); ++k) {
    if (a[k] == b[k]) continue;
    const bool a_first = chain[k] == Order::higher_first ? a[k] > b[k] : a[k] < b[k];
    return a_first ? -1 : 1;
  }
  return 0;
}

}  // namespace

std::vector<Ranked> rank(const std::vector<std::vector<std::int64_t>>& rows, const std::vector<Order>& chain) {
  std::vector<int> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return compare(rows[a], rows[b], chain) < 0; });
  std::vector<Ranked> out;
  out.reserve(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    int r = static_cast<int>(i) + 1;
    if (i > 0 && compare(rows[order[i - 1]], rows[order[i]], chain) == 0) r = out.back().rank;
    out.push_back({order[i], r});
  }
  return out;
}

std::vector<TieBreak> team_chain() {
  return {{"points", Order::higher_first},
          {"correct", Order::higher_first},
          {"total_time_ms", Order::lower_first},
          {"sudden_death", Order::higher_first}};
}

std::vector<TieBreak> enterprise_chain() {
  return {{"participation_rate", Order::higher_first},
          {"mean_score", Order::higher_first},
          {"pass_rate", Order::higher_first}};
}

Order default_order(std::string_view metric) {
  return metric.ends_with("time_ms") ? Order::lower_first : Order::higher_first;
}

}  // namespace ankang::scoring
