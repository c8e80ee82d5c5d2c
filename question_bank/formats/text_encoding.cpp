#include "question_bank/formats/text_encoding.h"

#include "question_bank/formats/format_detail.h"

namespace ankang::bank::detail {

std::optional<DecodedText> decode_text(std::string_view file, std::span<const std::uint8_t> bytes, Diagnostic& error) {
  tables::Problem problem;
  auto decoded = tables::decode_text(bytes, problem);
  if (!decoded) {
    error = make_diagnostic(file, {problem.line, problem.column}, std::move(problem.zh), std::move(problem.en));
    return std::nullopt;
  }
  DecodedText out;
  out.decoded = std::make_unique<const tables::DecodedText>(std::move(*decoded));
  out.text = out.decoded->text();
  out.encoding = out.decoded->encoding();
  return out;
}

}  // namespace ankang::bank::detail
