// Host mode: a live team contest on the big screen, run by the engine's team
// format (a compulsory round, a buzzer round and a risk round). Buzzers are
// keys or game-controller buttons; their time is the SDL event timestamp.
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

class Host {
 public:
  // A new contest of `teams` teams on questions from the bank (drawn by the
  // caller); false with a reason when the engine rejects the setup.
  bool start(std::vector<Question> paper, std::vector<std::string> teams, std::uint64_t seed, std::string& why);
  bool active() const { return state_ != nullptr; }
  void stop() { state_.reset(); }

  ui::HostView view(Millis now) const;
  // A host control from the screen or a shortcut; returns the cue to play.
  Cue control(ui::Act act, Millis now);
  // A buzzer press of team `team` at `at` (the input event's time).
  Cue buzz(int team, Millis at);
  // Time passes: timeouts. Returns the cue to play.
  Cue tick(Millis now);
  bool timer_running(Millis now) const;

 private:
  Cue run(const Intent& in, Millis now);
  std::unique_ptr<State> state_;
  std::vector<Event> events_;
};

}  // namespace ankang::kiosk
