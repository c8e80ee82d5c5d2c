// The organiser's command groups (keys, device, enterprise, results,
// report), registered by add_organiser_commands.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace ankang::cli {

void add_key_commands(CLI::App& app);         // keys init; device init | add
void add_enterprise_commands(CLI::App& app);  // enterprise add | import
void add_results_commands(CLI::App& app);     // results verify | show | import | simulate
void add_report_command(CLI::App& app);       // report
void add_rollup_commands(CLI::App& app);      // unit add | list; rollup export | import | duplicates; baseline import | show

// Runs a command body: a ResultsError is printed in the user's language and
// becomes exit code 1.
void run_organiser(const std::function<void()>& body);
// Prints a two-language message to stderr and exits with code 1.
[[noreturn]] void fail(const Text& message);

}  // namespace ankang::cli
