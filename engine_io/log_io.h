// The contest log: a contest is its Setup plus the timed intents, written as
// JSON Lines. Line 1 is the header (config, seed, names and the paper's
// questions in Ankang's own question format, so a log replays on its own);
// every further line is one intent. The kiosk appends a line per intent.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/contest.h"

namespace ankang::io {

// A log that cannot be read; text names the file, line, field and why.
class LogError : public std::runtime_error {
 public:
  explicit LogError(Text t) : std::runtime_error(t.en), text(std::move(t)) {}
  Text text;
};

struct ContestLog {
  Setup setup;
  std::vector<TimedIntent> intents;
};

std::string log_header_line(const Setup& setup);         // with a trailing newline
std::string log_intent_line(const TimedIntent& intent);  // with a trailing newline
nlohmann::ordered_json intent_to_json(const TimedIntent& intent);

// Throws LogError; the setup is validate()d.
ContestLog read_log(std::string_view file, std::string_view text);

}  // namespace ankang::io
