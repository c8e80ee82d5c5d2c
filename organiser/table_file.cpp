#include "organiser/table_file.h"

#include <filesystem>

#include "question_bank/formats/format.h"
#include "results/codec.h"
#include "results/error.h"
#include "tables/text_encoding.h"

namespace ankang::organiser {

std::vector<results::Row> read_table_file(const std::string& path) {
  try {
    const auto bytes = results::read_file(path, 64u << 20);
    auto ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".xlsx") return results::read_xlsx_rows(bytes);
    tables::Problem problem;
    auto decoded = tables::decode_text(bytes, problem);
    if (!decoded) {
      bank::Diagnostic error{path, {problem.line, problem.column}, {problem.zh, problem.en}};
      throw results::ResultsError(bank::format_diagnostic(error, true), bank::format_diagnostic(error, false));
    }
    return results::read_csv_rows(decoded->text());
  } catch (const results::ResultsError& e) {
    // Name the file unless the message already does.
    if (e.text().en.rfind(path, 0) == 0) throw;
    throw results::ResultsError(path + ": " + e.text().zh, path + ": " + e.text().en);
  }
}

}  // namespace ankang::organiser
