// One worker's attempt: the contest engine's state for a practice, a timed
// test or the mistake book, with every intent recorded in the kiosk store
// before the screen moves on.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/contest.h"
#include "engine/view.h"
#include "kiosk/store.h"

namespace ankang::kiosk {

struct SessionRules {
  int practice_questions = 5;
  int test_questions = 10;
  Millis test_ms = 10 * 60 * 1000;
  int pass_mark = 60;  // points (10 per question)
};

ContestConfig session_config(Mode mode, const SessionRules& rules, const std::vector<std::string>& categories);

class Session {
 public:
  // Starts a new attempt (stored at once) and its engine state at clock 0.
  Session(Store& store, const Worker& worker, Mode mode, ContestConfig config, std::vector<Question> paper,
          std::uint64_t seed, std::int64_t now_unix_ms);
  // Rebuilds an attempt left open by a crash from its stored log.
  Session(Store& store, const Worker& worker, const AttemptRow& row, std::vector<Question> paper);

  // The view of the worker at the attempt's clock.
  View view(Millis clock) const { return ankang::view(state_, 0, clock); }
  // An intent of the worker, filled from what the screen shows.
  Intent intent(IntentKind kind) const { return make_intent(state_, kind, 0); }
  // Reduces and records in one transaction; returns the events. When the
  // store refuses the intent it throws StoreError saying the answer was not
  // saved, and the state stays as it was, so the worker may answer again.
  const std::vector<Event>& apply(const Intent& intent, Millis clock, std::int64_t now_unix_ms);
  bool finished() const { return ankang::finished(state_); }

  const State& state() const { return state_; }
  const Worker& worker() const { return worker_; }
  Mode mode() const { return mode_; }
  std::int64_t attempt_id() const { return attempt_id_; }
  // The clock the attempt starts from (0 when new, the checkpoint on resume).
  Millis start_clock() const { return start_clock_; }
  const std::vector<Event>& all_events() const { return events_; }
  // The response of the last answer the engine took (the feedback screen
  // shows it beside the correct one); empty before the first answer.
  const Response& last_answer() const { return last_answer_; }

 private:
  Store& store_;
  Worker worker_;
  Mode mode_;
  std::int64_t attempt_id_ = 0;
  Millis start_clock_ = 0;
  State state_;
  State next_;  // apply() reduces here and adopts it once the commit returned
  std::vector<Event> last_;
  std::vector<Event> events_;
  Response last_answer_;
};

}  // namespace ankang::kiosk
