// Text normalisation for comparing answers and finding duplicate questions.
#pragma once

#include <string>
#include <string_view>

namespace ankang {

// Folds full-width ASCII (Ａ１！) to half-width, the ideographic space to a
// space, ASCII letters to lower case, and removes every space, tab and line
// break. Invalid UTF-8 bytes are kept as they are.
std::string normalize_text(std::string_view utf8);

}  // namespace ankang
