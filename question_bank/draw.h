// Drawing papers (组卷) from the bank by a blueprint and a seed.
// The blueprint's JSON format is in docs/FORMATS.md, "Paper blueprint".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/question.h"
#include "question_bank/bank.h"

namespace ankang::bank {

// One line of a blueprint: `count` questions of this category subtree, type
// and difficulties. An empty category means the whole bank, no type any type,
// no difficulties any difficulty.
struct BlueprintStratum {
  std::vector<std::string> category;
  std::optional<QuestionType> type;
  std::vector<int> difficulties;  // ascending, no repeats
  int count = 0;
};

struct Blueprint {
  std::vector<BlueprintStratum> strata;
};

// Thrown for a blueprint that cannot be read; what() names the file, the
// place (line and column for JSON syntax, the field otherwise) and why.
class BlueprintError : public BankError {
 public:
  using BankError::BankError;
};

Blueprint parse_blueprint(std::string_view file, std::string_view json_text);

// "职业病防治 / single / 难度 2,3" — how errors and reports name a stratum.
Text describe_stratum(const BlueprintStratum& s);

struct DrawOptions {
  std::uint64_t seed = 0;
  // Parallel papers (one per team): no question in two papers, and every
  // paper has the same number of questions of each difficulty per stratum
  // (chosen at random among the splits the bank can give every paper).
  int papers = 1;
  // Take the least-used questions first (random among equals) and count this
  // draw as a use. Reads every question of each stratum, unlike a plain draw.
  bool prefer_least_used = false;
};

// The question ids of each paper, in blueprint order. Same bank, blueprint
// and options: same papers. Throws BankError naming a stratum that has too
// few questions (needed vs available).
std::vector<std::vector<std::string>> draw_papers(Bank& bank, const Blueprint& blueprint, const DrawOptions& options);

}  // namespace ankang::bank
