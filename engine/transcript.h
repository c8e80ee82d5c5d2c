// Events as readable text, one line each: golden transcripts in the tests,
// `ankang contest replay --events`, the host's audit trail.
#pragma once

#include <string>
#include <vector>

#include "engine/contest.h"

namespace ankang {

// "  12345 scored        actor=2 q=7 credit=1000 points=+10 total=30 value=2300"
// Only fields that carry meaning for the event are printed.
std::string render_event(const Event& e);
std::string render_events(const std::vector<Event>& events);

}  // namespace ankang
