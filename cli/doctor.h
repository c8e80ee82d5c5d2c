// `ankang doctor`: checks that this machine can run a kiosk.
#pragma once

#include <CLI/CLI.hpp>

namespace ankang::cli {

void add_doctor_command(CLI::App& app);

}  // namespace ankang::cli
