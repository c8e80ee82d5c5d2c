// Text files from Chinese offices come as UTF-8, UTF-8 with a BOM, GBK/GB18030
// (what Chinese Excel saves as CSV) or UTF-16 ("Unicode text"); readers get UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "tables/row.h"

namespace ankang::tables {

class DecodedText {
 public:
  // The UTF-8 text: a view of the input bytes, or of the converted copy.
  std::string_view text() const { return converted_ ? std::string_view(*converted_) : input_; }
  // "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", "UTF-16BE"
  const std::string& encoding() const { return encoding_; }

 private:
  friend std::optional<DecodedText> decode_text(std::span<const std::uint8_t>, Problem&);
  std::string_view input_;
  std::optional<std::string> converted_;
  std::string encoding_;
};

// Offset of the first byte that is not valid UTF-8, or nullopt when all is.
std::optional<std::size_t> invalid_utf8_at(std::string_view bytes);

// Detects the encoding and converts to UTF-8. On failure returns nullopt and
// sets `problem` (its line is that of the undecodable bytes). UTF-8 input is
// not copied: the bytes must outlive the result.
std::optional<DecodedText> decode_text(std::span<const std::uint8_t> bytes, Problem& problem);

}  // namespace ankang::tables
