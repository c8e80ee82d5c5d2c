// Shared by the reducer's parts (reduce.cpp, player_flow.cpp, team_flow.cpp).
// Internal to the engine.
#pragma once

#include <vector>

#include "engine/contest.h"

namespace ankang::detail {

struct Ctx {
  State& s;
  const Setup& setup;
  Millis now;
  std::vector<Event>& out;

  Event& emit(EventKind kind, int actor = -1) {
    Event& e = out.emplace_back();
    e.kind = kind;
    e.at = now;
    e.actor = actor;
    e.round = s.round;
    e.question = s.question;
    e.attempt = s.attempt;
    return e;
  }
  void reject(const Intent& in, Reject why) {
    Event& e = emit(EventKind::rejected, in.actor);
    e.question = in.question;
    e.attempt = in.attempt;
    e.reason = why;
    e.intent = in.kind;
  }
  const Question& question(int index) const { return setup.paper[static_cast<std::size_t>(index)]; }
};

inline std::uint32_t bit(int team) { return std::uint32_t{1} << team; }

// Team contests and per-player formats; each checks and applies one intent.
void reduce_team(Ctx& c, const Intent& in);
void reduce_players(Ctx& c, const Intent& in);

// Practice scheduling (SM-2), see sm2.cpp.
int sm2_quality(int credit, Millis latency_ms);
void sm2_update(Card& card, int quality, Millis now, Millis relearn_ms);

}  // namespace ankang::detail
