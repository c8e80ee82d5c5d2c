// Final (or current) standings, ranked by the config's tie-break chain.
#pragma once

#include <string>
#include <vector>

#include "engine/contest.h"

namespace ankang {

struct Standing {
  int index = 0;          // team or player index
  std::string name;
  int rank = 1;
  std::int64_t points = 0;  // distributed teams: members combined by the config's rule
  int correct = 0;
  Millis time_ms = 0;
  int sudden_death = 0;
  int fouls = 0;
  bool passed = false;    // players: reached the pass mark
  std::vector<int> members;  // distributed teams: player indices
  bool operator==(const Standing&) const = default;
};

// Teams for team and distributed contests, players otherwise, best first.
std::vector<Standing> standings(const State& state);
// Every player (timed test, distributed, practice), best first.
std::vector<Standing> player_standings(const State& state);

}  // namespace ankang
