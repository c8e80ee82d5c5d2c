// 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters
// over 0-9 and the capitals without I, O, S, V, Z; the last is a check
// character over the first 17.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/question.h"

namespace ankang::results {

// Full-width to half-width, spaces removed, letters upper case.
std::string normalize_uscc(std::string_view text);

// The check character for the first 17 characters; nullopt when one of them
// is outside the alphabet.
std::optional<char> uscc_check_character(std::string_view first17);

// Why a normalised code is not a valid USCC (wrong length, a character
// outside the alphabet, a wrong check character naming the expected one);
// nullopt when it is valid.
std::optional<Text> uscc_problem(std::string_view code);

}  // namespace ankang::results
