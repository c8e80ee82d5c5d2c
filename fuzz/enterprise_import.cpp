// Enterprise lists, as `ankang enterprise import` reads them: XLSX when the
// bytes are a zip, else CSV in any of the supported encodings.
#include <string_view>

#include "fuzz/fuzz_target.h"
#include "results/enterprise_list.h"
#include "results/error.h"
#include "results/table_file.h"
#include "tables/text_encoding.h"

namespace {

std::vector<ankang::results::Row> read_rows(std::span<const std::uint8_t> bytes) {
  if (std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()).starts_with("PK\x03\x04"))
    return ankang::results::read_xlsx_rows(bytes);
  ankang::tables::Problem problem;
  auto decoded = ankang::tables::decode_text(bytes, problem);
  if (!decoded) return {};
  return ankang::results::read_csv_rows(decoded->text());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    auto list = ankang::results::read_enterprise_list(read_rows(ankang::fuzz::bytes_of(data, size)));
    for (const auto& p : list.problems) (void)ankang::results::format_problem("fuzz-input", p, true);
  } catch (const ankang::results::ResultsError&) {
    // A refusal is the expected outcome for many inputs.
  }
  return 0;
}
