#include "cli/commands.h"

namespace ankang::cli {

void add_bank_commands(CLI::App& /*bank*/) {}

}  // namespace ankang::cli
