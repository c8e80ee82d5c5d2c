#include "cli/commands.h"

namespace ankang::cli {

void add_bank_io_commands(CLI::App& /*bank*/) {}

}  // namespace ankang::cli
