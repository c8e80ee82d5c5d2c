// Text files from Chinese offices come as UTF-8, UTF-8 with a BOM, GBK/GB18030
// (what Chinese Excel saves as CSV) or UTF-16 ("Unicode text"); readers get UTF-8.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "question_bank/formats/format.h"

namespace ankang::bank::detail {

struct DecodedText {
  std::string converted;  // holds the UTF-8 when the input had to be converted
  std::string_view text;  // the UTF-8 text: into the input bytes or into `converted`
  std::string encoding;   // "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", "UTF-16BE"
};

// Offset of the first byte that is not valid UTF-8, or nullopt when all is.
std::optional<std::size_t> invalid_utf8_at(std::string_view bytes);

// Detects the encoding and converts to UTF-8. On failure returns nullopt and
// sets `error` to a diagnostic naming the line of the undecodable bytes.
std::optional<DecodedText> decode_text(std::string_view file, std::span<const std::uint8_t> bytes, Diagnostic& error);

}  // namespace ankang::bank::detail
