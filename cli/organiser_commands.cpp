#include <cstdio>
#include <filesystem>

#include "cli/organiser.h"
#include "question_bank/formats/format.h"
#include "results/codec.h"
#include "results/error.h"
#include "storage/error.h"
#include "tables/text_encoding.h"

namespace ankang::cli {

void fail(const Text& message) {
  std::fprintf(stderr, "%s: %s\n", locale_is_chinese() ? "错误" : "error", localized(message).c_str());
  throw CLI::RuntimeError(1);
}

void run_organiser(const std::function<void()>& body) {
  try {
    body();
  } catch (const results::ResultsError& e) {
    fail(e.text());
  } catch (const storage::StorageError& e) {
    fail(e.text());
  }
}

void add_organiser_commands(CLI::App& app) {
  add_key_commands(app);
  add_enterprise_commands(app);
  add_results_commands(app);
  add_report_command(app);
  add_rollup_commands(app);
}

std::vector<results::Row> read_table_file(const std::string& path) {
  const auto bytes = results::read_file(path, 64u << 20);
  const auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".xlsx" || ext == ".XLSX") return results::read_xlsx_rows(bytes);
  tables::Problem problem;
  auto decoded = tables::decode_text(bytes, problem);
  if (!decoded) {
    bank::Diagnostic error{path, {problem.line, problem.column}, {problem.zh, problem.en}};
    fail({bank::format_diagnostic(error, true), bank::format_diagnostic(error, false)});
  }
  return results::read_csv_rows(decoded->text());
}

}  // namespace ankang::cli
