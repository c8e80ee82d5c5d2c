// Fill-in questions answered by tapping: a worker in gloves at a kiosk with
// no keyboard picks the answer of each blank among a few candidates.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/question.h"

namespace ankang::ui {

// For each blank of a fill-in question (one for a numeric answer): its
// correct answer and up to count - 1 plausible wrong ones, in a shuffled
// order. The wrong ones come first from the other blanks and the other
// fill-in answers of the same category, then of the same top-level category,
// then the short options of choice questions there, then (numbers) nearby
// numbers, then any fill-in answer of the pool; never a text the engine
// would accept for that blank. The same question, pool and seed always give
// the same choices, so a resumed attempt shows what it showed before.
// A blank with nothing to set against its answer gets no choices (empty),
// never the answer alone; other question types get an empty list.
std::vector<std::vector<std::string>> fill_choices(const Question& q, const std::vector<Question>& pool,
                                                   std::uint64_t seed, int count = 4);

}  // namespace ankang::ui
