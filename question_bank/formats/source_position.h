// Turning byte offsets in a file into the 1-based line and column a person
// sees in an editor (columns count characters, not bytes).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "question_bank/formats/format.h"

namespace ankang::bank::detail {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  SourcePos at(std::size_t offset) const;
  int line_of(std::size_t offset) const { return at(offset).line; }

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace ankang::bank::detail
