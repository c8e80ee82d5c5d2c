// The starter bank: data/bank/**/*.json and their pictures, embedded in the
// program at build time, loaded into a new bank by `ankang bank init` and by
// the kiosk's first start.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/question.h"
#include "question_bank/bank.h"

namespace ankang::bank {

struct EmbeddedData {
  std::string path;  // relative to data/bank/: "work-safety-law.json", "images/ladder.png"
  std::span<const std::uint8_t> bytes;
};

// Every embedded file of the starter bank, sorted by path.
std::vector<EmbeddedData> starter_files();

// The starter bank's questions, pictures included. Throws BankError listing
// every diagnostic when an embedded file does not parse (a build defect).
std::vector<Question> starter_questions();

// Inserts the starter bank (duplicates of questions already there skipped).
InsertOutcome load_starter_bank(Bank& bank);

}  // namespace ankang::bank
