// Point rules: partial credit, negative marking, time bonus, streak bonus.
// Pure: std only. Points are whole integers so a replay is byte-identical;
// a fraction of credit is carried in permille (0..1000).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ankang::scoring {

inline constexpr int kFullCredit = 1000;  // permille

// Credit for an answer made of several parts (the options of a multiple-choice
// question, the blanks of a fill-in, the pairs of a matching question...).
struct ChoiceTally {
  int hits = 0;           // correct parts given
  int misses = 0;         // wrong parts given
  int total_correct = 0;  // correct parts there are
  bool operator==(const ChoiceTally&) const = default;
};

enum class PartialCredit : std::uint8_t {
  all_or_nothing,  // only a complete, clean answer counts
  half_if_subset,  // 少选得一半，错选不得分: a correct subset earns half
  proportional,    // hits/total, minus one part for each wrong part (never below 0)
};

enum class TimeBonus : std::uint8_t {
  none,
  linear,  // bonus falls linearly from bonus_max at 0 ms to 0 at the limit
  kahoot,  // points scale from 100% at 0 ms to 50% at the limit
};

// "all_or_nothing", "half_if_subset", "proportional"; "none", "linear", "kahoot".
std::string_view partial_credit_code(PartialCredit p);
std::optional<PartialCredit> partial_credit_from_code(std::string_view code);
std::string_view time_bonus_code(TimeBonus t);
std::optional<TimeBonus> time_bonus_from_code(std::string_view code);

struct PointRules {
  int points = 10;            // a fully correct answer
  int wrong_penalty = 0;      // subtracted for a wrong or missing answer (negative marking)
  PartialCredit partial = PartialCredit::all_or_nothing;
  TimeBonus time_bonus = TimeBonus::none;
  int bonus_max = 0;          // linear: the bonus for an instant answer
  int streak_bonus = 0;       // added per answer once streak_from right answers in a row
  int streak_from = 3;
  bool operator==(const PointRules&) const = default;
};

// The share of credit a tally earns, in permille.
int credit_permille(const ChoiceTally& tally, PartialCredit rule);

// Points for one answer. credit in permille; latency and limit in ms (limit
// 0 = untimed, no time bonus); streak = right answers in a row before this one.
// A zero credit costs wrong_penalty; a partial credit earns its share and no bonus.
int award(const PointRules& rules, int credit, std::int64_t latency_ms, std::int64_t limit_ms, int streak);

// Risk round: the team stakes `stake`; right wins it, wrong loses it.
int stake_points(int stake, bool right);

// Integer a*num/den rounded half away from zero; den > 0.
std::int64_t scale_rounded(std::int64_t a, std::int64_t num, std::int64_t den);

}  // namespace ankang::scoring
