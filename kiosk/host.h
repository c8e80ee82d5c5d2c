// Host mode: a live team contest on the big screen, run by the engine with
// the example team config (data/contests/team.json, embedded): 必答, 抢答,
// 风险, 限时速答 and 加赛 rounds. Buzzers are keys or game-controller
// buttons; their time is the SDL event timestamp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/contest.h"
#include "engine/view.h"
#include "kiosk/store.h"
#include "ui/intents.h"
#include "ui/views.h"

namespace ankang::kiosk {

// Sounds the loop plays after a host action.
enum class Cue { none, buzz, right, wrong, time_up };

// The team contest config the host runs (validated when it is parsed).
const ContestConfig& host_config();

// How a contest starts: its rules (null: host_config()), the contest and
// enterprise it counts for, and when (unix ms; the loop's clock).
struct HostStart {
  const ContestConfig* config = nullptr;
  std::string contest_id;
  std::string enterprise_uscc;
  std::int64_t unix_ms = 0;
  Millis now = 0;
};

class Host {
 public:
  // Where contests are kept: every accepted intent is committed there before
  // the screen moves on. Without a store (screenshots) they live in memory.
  void keep_in(Store* store) { store_ = store; }

  // A new contest of `teams` teams on questions from the bank (shuffled by
  // the caller; the first questions_needed() are used); false with a reason
  // when there are too few questions or the engine rejects the setup.
  // The config is the current contest package's when it is a team contest.
  bool start(std::vector<Question> paper, std::vector<std::string> teams, std::uint64_t seed, std::string& why,
             const HostStart& how = {});
  // Comes back into a stored contest (its log replayed) at its clock; false
  // with a reason when its config no longer parses or the paper is short.
  bool resume(const HostRow& row, std::vector<Question> paper, Millis now, std::string& why);
  bool active() const { return state_ != nullptr; }
  // The host leaves: an unfinished contest is closed without results.
  void stop(std::int64_t now_unix_ms = 0);
  // The contest's own clock at `now`, checkpointed by the kiosk while it runs.
  Millis clock(Millis now) const { return now + offset_; }
  void checkpoint(Millis now);
  // A store write that failed (the intent was not taken), once.
  std::string take_error() { return std::exchange(error_, {}); }

  ui::HostView view(Millis now) const;
  // A host control from the screen or a shortcut; returns the cue to play.
  // host_correct and host_undo first ask for a reason (host_reason, value =
  // index into ui::fix_reasons()).
  Cue control(ui::Act act, Millis now, int value = 0);
  // A buzzer press of team `team` at `at` (the input event's time).
  Cue buzz(int team, Millis at);
  // Time passes: timeouts. Returns the cue to play.
  Cue tick(Millis now);
  bool timer_running(Millis now) const;
  const std::vector<Event>& events() const { return events_; }

 private:
  Cue run(const Intent& in, Millis now);
  std::unique_ptr<State> state_;
  State next_;  // run() reduces here and adopts it once the store committed
  std::vector<Event> events_;
  Store* store_ = nullptr;
  std::int64_t contest_ = 0;       // its row in the store (0: not stored)
  std::int64_t started_unix_ms_ = 0;
  Millis offset_ = 0;              // contest clock minus the loop's clock
  std::string error_;
  ui::Act fixing_ = ui::Act::host_exit;  // host_correct or host_undo while a reason is picked
};

}  // namespace ankang::kiosk
