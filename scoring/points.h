// Point rules. Pure: std only.
#pragma once

namespace ankang::scoring {

// Credit for a multiple-choice answer from what was ticked.
struct ChoiceTally {
  int hits = 0;           // correct options ticked
  int misses = 0;         // wrong options ticked
  int total_correct = 0;  // correct options there are
};

}  // namespace ankang::scoring
