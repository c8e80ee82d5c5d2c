// The error the results module throws: a reason in both languages.
#pragma once

#include <stdexcept>
#include <string>

#include "engine/question.h"

namespace ankang::results {

class ResultsError : public std::runtime_error {
 public:
  explicit ResultsError(Text text) : std::runtime_error(text.en), text_(std::move(text)) {}
  ResultsError(std::string zh, std::string en) : ResultsError(Text{std::move(zh), std::move(en)}) {}
  const Text& text() const { return text_; }

 private:
  Text text_;
};

}  // namespace ankang::results
