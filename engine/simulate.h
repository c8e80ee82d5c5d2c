// Simulated contests: a host and seeded bots play a whole contest through the
// reducer (a rehearsal for the host, a test of the rules, a benchmark load).
// Pure: the bots' time and luck come from the seed.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/contest.h"

namespace ankang {

struct SimOptions {
  std::uint64_t seed = 1;   // the bots' luck (the contest's own seed is in the Setup)
  int accuracy = 700;       // permille of questions a bot answers right
  int max_intents = 5'000'000;
};

struct Simulation {
  std::vector<TimedIntent> log;
  State state;
};

// Plays until every player is finished (or max_intents). The setup's names
// say how many teams or players there are.
Simulation simulate(std::shared_ptr<const Setup> setup, const SimOptions& options);

}  // namespace ankang
