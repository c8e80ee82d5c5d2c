// Host mode: a live team contest on the big screen, run by the engine with
// the example team config (data/contests/team.json, embedded): 必答, 抢答,
// 风险, 限时速答 and 加赛 rounds. Buzzers are keys or game-controller
// buttons; their time is the SDL event timestamp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/contest.h"
#include "engine/view.h"
#include "ui/intents.h"
#include "ui/views.h"

namespace ankang::kiosk {

// Sounds the loop plays after a host action.
enum class Cue { none, buzz, right, wrong, time_up };

// The team contest config the host runs (validated when it is parsed).
const ContestConfig& host_config();

class Host {
 public:
  // A new contest of `teams` teams on questions from the bank (shuffled by
  // the caller; the first questions_needed() are used); false with a reason
  // when there are too few questions or the engine rejects the setup.
  // The config is the current contest package's when it is a team contest.
  bool start(std::vector<Question> paper, std::vector<std::string> teams, std::uint64_t seed, std::string& why,
             const ContestConfig& config = host_config());
  bool active() const { return state_ != nullptr; }
  void stop() { state_.reset(); }

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
  std::vector<Event> events_;
  ui::Act fixing_ = ui::Act::host_exit;  // host_correct or host_undo while a reason is picked
};

}  // namespace ankang::kiosk
