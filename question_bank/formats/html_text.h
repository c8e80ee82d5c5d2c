// Moodle keeps question text as HTML; Ankang shows plain text.
#pragma once

#include <string>
#include <string_view>

namespace ankang::bank::detail {

// Drops tags, turns <br> and block ends into line breaks, decodes entities,
// collapses runs of spaces and blank lines, and trims.
std::string html_to_text(std::string_view html);

// Escapes & < > for text placed in HTML.
std::string escape_html(std::string_view text);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code);

}  // namespace ankang::bank::detail
