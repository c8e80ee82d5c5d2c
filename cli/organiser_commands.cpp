#include <cstdio>

#include "cli/organiser.h"
#include "results/error.h"
#include "storage/error.h"

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

}  // namespace ankang::cli
