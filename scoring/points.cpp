#include "scoring/points.h"

#include <algorithm>
#include <array>

namespace ankang::scoring {

namespace {

constexpr std::array<std::pair<PartialCredit, std::string_view>, 3> kPartial{{
    {PartialCredit::all_or_nothing, "all_or_nothing"},
    {PartialCredit::half_if_subset, "half_if_subset"},
    {PartialCredit::proportional, "proportional"},
}};
constexpr std::array<std::pair<TimeBonus, std::string_view>, 3> kBonus{{
    {TimeBonus::none, "none"},
    {TimeBonus::linear, "linear"},
    {TimeBonus::kahoot, "kahoot"},
}};

template <typename E, std::size_t N>
std::string_view code_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, code] : table)
    if (e == value) return code;
  return {};
}

template <typename E, std::size_t N>
std::optional<E> from_code(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view code) {
  for (const auto& [e, c] : table)
    if (c == code) return e;
  return std::nullopt;
}

}  // namespace

std::string_view partial_credit_code(PartialCredit p) { return code_of(kPartial, p); }
std::optional<PartialCredit> partial_credit_from_code(std::string_view code) { return from_code(kPartial, code); }
std::string_view time_bonus_code(TimeBonus t) { return code_of(kBonus, t); }
std::optional<TimeBonus> time_bonus_from_code(std::string_view code) { return from_code(kBonus, code); }

std::int64_t scale_rounded(std::int64_t a, std::int64_t num, std::int64_t den) {
  const std::int64_t p = a * num;
  return p >= 0 ? (2 * p + den) / (2 * den) : -((-2 * p + den) / (2 * den));
}

int credit_permille(const ChoiceTally& t, PartialCredit rule) {
  if (t.total_correct <= 0) return 0;
  const bool complete = t.hits >= t.total_correct && t.misses == 0;
  if (complete) return kFullCredit;
  switch (rule) {
    case PartialCredit::all_or_nothing:
      return 0;
    case PartialCredit::half_if_subset:
      return t.misses == 0 && t.hits > 0 ? kFullCredit / 2 : 0;
    case PartialCredit::proportional: {
      const int net = std::max(0, t.hits - t.misses);
      return static_cast<int>(scale_rounded(kFullCredit, net, t.total_correct));
    }
  }
  return 0;
}

int award(const PointRules& r, int credit, std::int64_t latency_ms, std::int64_t limit_ms, int streak) {
  credit = std::clamp(credit, 0, kFullCredit);
  if (credit == 0) return -r.wrong_penalty;
  if (credit < kFullCredit) return static_cast<int>(scale_rounded(r.points, credit, kFullCredit));

  std::int64_t points = r.points;
  if (limit_ms > 0) {
    const std::int64_t left = limit_ms - std::clamp<std::int64_t>(latency_ms, 0, limit_ms);
    switch (r.time_bonus) {
      case TimeBonus::none:
        break;
      case TimeBonus::linear:
        points += scale_rounded(r.bonus_max, left, limit_ms);
        break;
      case TimeBonus::kahoot:
        // 50% guaranteed, the other 50% shrinking with time.
        points = scale_rounded(r.points, limit_ms + left, 2 * limit_ms);
        break;
    }
  }
  if (r.streak_bonus > 0 && streak + 1 >= r.streak_from) points += r.streak_bonus;
  return static_cast<int>(points);
}

int stake_points(int stake, bool right) { return right ? stake : -stake; }

}  // namespace ankang::scoring
