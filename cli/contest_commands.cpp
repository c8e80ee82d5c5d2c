#include "cli/commands.h"

namespace ankang::cli {

void add_contest_commands(CLI::App& /*app*/) {}

}  // namespace ankang::cli
