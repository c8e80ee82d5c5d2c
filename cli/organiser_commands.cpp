#include "cli/commands.h"

namespace ankang::cli {

void add_organiser_commands(CLI::App& /*app*/) {}

}  // namespace ankang::cli
