// Rankings with a configurable tie-break chain. Pure: std only.
//
// Each entry brings one integer per link of the chain (points, correct count,
// total time in ms, a sudden-death marker, a rate in permille...). Entries are
// compared link by link; entries equal on every link share a rank
// (competition ranking: 1, 2, 2, 4) and keep their input order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ankang::scoring {

enum class Order : std::uint8_t { higher_first, lower_first };

struct TieBreak {
  std::string metric;  // a name the caller understands, e.g. "points", "total_time_ms"
  Order order = Order::higher_first;
  bool operator==(const TieBreak&) const = default;
};

struct Ranked {
  int entry = 0;  // index into the input
  int rank = 1;   // 1-based; equal entries share one
  bool operator==(const Ranked&) const = default;
};

// rows[i][k] is entry i's value for chain[k]; every row has chain.size() values.
std::vector<Ranked> rank(const std::vector<std::vector<std::int64_t>>& rows, const std::vector<Order>& chain);

// Team contests: points → correct count → total time → sudden-death marker.
std::vector<TieBreak> team_chain();
// Enterprises: participation rate → mean score → pass rate.
std::vector<TieBreak> enterprise_chain();

// The usual direction of a known metric: lower_first for names ending in
// "time_ms", higher_first for everything else.
Order default_order(std::string_view metric);

}  // namespace ankang::scoring
