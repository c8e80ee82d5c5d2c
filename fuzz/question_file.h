// The question-file targets share one body: parse_questions never throws on
// bad content, so no exception is caught here; any escaping one is a finding.
#pragma once

#include "fuzz/fuzz_target.h"
#include "question_bank/formats/format.h"

namespace ankang::fuzz {

inline void parse_question_file(const std::uint8_t* data, std::size_t size, bank::Format format) {
  auto result = bank::parse_questions("fuzz-input", bytes_of(data, size), format);
  // Every diagnostic must be printable, as the CLI prints them.
  for (const auto& r : result.rejected)
    for (const auto& d : r.reasons) (void)bank::format_diagnostic(d, true);
  for (const auto& d : result.file_errors) (void)bank::format_diagnostic(d, false);
}

}  // namespace ankang::fuzz
