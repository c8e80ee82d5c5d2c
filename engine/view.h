// What a screen shows: a pure function of the state and the time.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "engine/contest.h"

namespace ankang {

struct View {
  ContestFormat format = ContestFormat::timed_test;
  Phase phase = Phase::lobby;
  bool paused = false;
  int round = -1;                 // team: index into config.rounds
  RoundKind round_kind = RoundKind::compulsory;
  std::string_view round_name;
  int question = -1;              // paper index; copy into Intent::question
  const Question* q = nullptr;    // the question on screen, or null
  int attempt = 0;                // copy into Intent::attempt
  int turn = -1;                  // team whose turn it is (-1: all / none)
  int member = -1;                // compulsory rotation: the member answering
  Millis remaining_ms = -1;       // until the answer deadline (-1: untimed)
  Millis paper_remaining_ms = -1; // until the paper's deadline (-1: untimed)
  int position = 0;               // 1-based number of the question on screen
  int total_questions = 0;        // on this paper / in this round (0: open-ended)
  bool revealed = false;          // show the answer, explanation and legal basis
  std::uint32_t allowed = 0;      // bit (1 << IntentKind) for every intent accepted now
  std::uint32_t may_buzz = 0;     // buzzer: teams whose buzz would count; tiebreak: teams answering
  std::span<const int> stakes;    // risk: the choices (plus declining)
  int stake = 0;                  // risk: the stake chosen
  int designator = -1;            // risk: the team that had the turn team answer (-1: none)
  int points = 0;                 // the actor's total (team/player); host: the turn team's
  int correct = 0;
  int lifelines_left = 0;         // team: the actor's (host: the turn team's) 求助 left
  int last_credit = 0;            // feedback: the latest answer, permille
  int last_points = 0;
  bool passed = false;            // after submit: reached the pass mark

  bool allows(IntentKind k) const { return (allowed >> static_cast<int>(k)) & 1u; }
};

// The view of one team or player (actor >= 0) or of the host / big screen (-1).
View view(const State& state, int actor, Millis now);

// Fills question and attempt of an intent from what the actor's screen shows.
Intent make_intent(const State& state, IntentKind kind, int actor);

}  // namespace ankang
