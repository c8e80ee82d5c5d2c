// ankang: the organiser's and scripter's command line.
#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/doctor.h"
#include "machine/version.h"

int main(int argc, char** argv) {
  using namespace ankang::cli;
  CLI::App app{"Ankang (安康杯) safety-knowledge contests: question bank, contests, results and reports"};
  app.set_version_flag("--version", [] {
    std::string text = ankang::version_text("ankang", {{"CLI11", CLI11_VERSION}});
    text.pop_back();  // CLI11 adds the last newline
    return text;
  });
  app.require_subcommand(1);

  auto* bank = app.add_subcommand("bank", "Question bank: create, import, export, search, draw papers");
  bank->require_subcommand(1);
  add_bank_commands(*bank);
  add_bank_io_commands(*bank);
  add_contest_commands(app);
  add_organiser_commands(app);
  add_package_commands(app);
  add_doctor_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and --version are not errors; CLI11 prints them as they are. A
    // command that failed (RuntimeError) has said why already: only its exit code.
    if (e.get_exit_code() == 0 || !locale_is_chinese() || dynamic_cast<const CLI::RuntimeError*>(&e)) return app.exit(e);
    std::fprintf(stderr, "错误：%s\n", parse_error_zh(e).c_str());
    return e.get_exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", locale_is_chinese() ? "错误" : "error", e.what());
    return 1;
  }
  return 0;
}
