// The question readers' view of tables/text_encoding.h: the decoded text and,
// on failure, a diagnostic naming the file and the line of the undecodable bytes.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "question_bank/formats/format.h"
#include "tables/text_encoding.h"

namespace ankang::bank::detail {

struct DecodedText {
  std::unique_ptr<const tables::DecodedText> decoded;  // on the heap, so `text` survives moves
  std::string_view text;                               // the UTF-8 text
  std::string encoding;                                // "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", "UTF-16BE"
};

// Detects the encoding and converts to UTF-8. On failure returns nullopt and
// sets `error` to a diagnostic naming the line of the undecodable bytes.
std::optional<DecodedText> decode_text(std::string_view file, std::span<const std::uint8_t> bytes, Diagnostic& error);

}  // namespace ankang::bank::detail
