// The `ankang` command's groups. Each add_* registers its subcommands on the
// given app; a callback that fails prints its message to stderr and throws
// CLI::RuntimeError with a non-zero exit code.
#pragma once

#include <CLI/CLI.hpp>

#include "engine/question.h"

namespace ankang::cli {

void add_bank_commands(CLI::App& bank);      // bank init | stats | search | draw
void add_bank_io_commands(CLI::App& bank);   // bank import | export | validate
void add_contest_commands(CLI::App& app);    // contest check | run | replay
void add_organiser_commands(CLI::App& app);  // keys, device, enterprise, results, report
void add_package_commands(CLI::App& app);    // package build | show

// True when LC_ALL / LC_MESSAGES / LANG ask for Chinese.
bool locale_is_chinese();
// The half of a message in the user's language.
const std::string& localized(const Text& text);
// CLI11 speaks English: a parse error (missing option, unknown argument,
// value of the wrong form) in the words a Chinese user reads.
std::string parse_error_zh(const CLI::ParseError& e);

}  // namespace ankang::cli
