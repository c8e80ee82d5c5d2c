#include "cli/commands.h"

namespace ankang::cli {

void add_demo_command(CLI::App& /*app*/) {}

}  // namespace ankang::cli
