// SM-2 (SuperMemo 2, Wozniak 1990) in integers: ease in permille, intervals in
// days. Chosen over FSRS because it needs no trained parameters and its every
// input (quality, now) is explicit; see docs/ENGINE.md.
#include <algorithm>

#include "engine/reduce_detail.h"
#include "scoring/points.h"

namespace ankang::detail {

namespace {
constexpr Millis kDayMs = 86'400'000;
constexpr Millis kFastMs = 8'000;  // a right answer quicker than this was easy
}  // namespace

int sm2_quality(int credit, Millis latency_ms) {
  if (credit >= scoring::kFullCredit) return latency_ms <= kFastMs ? 5 : 4;
  if (credit > 0) return 2;
  return 1;
}

void sm2_update(Card& card, int quality, Millis now, Millis relearn_ms) {
  card.seen = true;
  if (quality >= 3) {
    if (card.repetitions == 0)
      card.interval_days = 1;
    else if (card.repetitions == 1)
      card.interval_days = 6;
    else
      card.interval_days = static_cast<int>(scoring::scale_rounded(card.interval_days, card.ease, 1000));
    ++card.repetitions;
    card.due = now + card.interval_days * kDayMs;
  } else {
    card.repetitions = 0;
    card.interval_days = 0;
    ++card.lapses;
    card.due = now + relearn_ms;
  }
  const int d = 5 - quality;
  card.ease = std::max(1300, card.ease + 100 - d * (80 + d * 20));
}

}  // namespace ankang::detail
