// Grading a response to a question: which parts were right and wrong.
// Pure: std only. The points follow from the tally by the scoring rules.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/question.h"
#include "scoring/points.h"

namespace ankang {

struct TapPoint {
  int x = 0, y = 0;  // image pixels
  bool operator==(const TapPoint&) const = default;
};

// What a contestant answered. Only the field of the question's type is read.
struct Response {
  std::uint64_t choices = 0;          // single / multiple: bit i = option i ticked
  bool truth = false;                 // true_false
  std::vector<std::string> texts;     // fill_blank: one text per blank (numeric: one)
  std::vector<int> order;             // ordering: option indices in the order given
  std::vector<int> matches;           // matching: for left i, the index of the right chosen (-1 none)
  std::vector<TapPoint> taps;         // hotspot
  bool operator==(const Response&) const = default;
};

// Parts right and wrong:
//   single / true_false: one part; multiple: options (hits, wrongly ticked);
//   fill_blank: blanks; ordering: items in their place; matching: pairs;
//   hotspot: regions tapped (misses = taps outside every region).
scoring::ChoiceTally grade(const Question& q, const Response& r);

// A fill-in number: "35", "３５", "35.0", "3.5e1"; false when not a number.
bool parse_number(const std::string& text, double& out);

// The response a contestant who knows the answer gives (bots, tests, review).
Response correct_response(const Question& q);
// A response that is wrong on every part.
Response wrong_response(const Question& q);

}  // namespace ankang
