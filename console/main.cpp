// ankang-console: the organiser's desktop application.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <map>

#include "console/loop.h"
#include "console/workspace.h"
#include "machine/version.h"

int main(int argc, char** argv) {
  using namespace ankang::console;
  using ankang::console_ui::PageId;
  Options options;
  CLI::App cli{"安康杯 组织单位工作台 / Ankang organiser console"};
  options.workspace = default_workspace();
  cli.add_option("--workspace", options.workspace, "Folder for the organiser store, question bank and key")
      ->capture_default_str();
  std::string size;
  cli.add_option("--size", size, "Window size WIDTHxHEIGHT (default 1600x900)");
  cli.add_flag("--fullscreen", options.fullscreen, "Fill the screen");
  cli.add_flag("--english", options.english, "Start in English (中文 is the default)");
  const std::map<std::string, PageId> pages = {{"home", PageId::home},       {"bank", PageId::bank},
                                             {"enterprises", PageId::enterprises}, {"contest", PageId::contest},
                                             {"collect", PageId::collect}, {"results", PageId::results},
                                             {"reports", PageId::reports}, {"rollup", PageId::rollup}};
  std::string page;
  cli.add_option("--page", page, "Start on a page: home bank enterprises contest collect results reports rollup")
      ->check(CLI::IsMember([&] {
        std::vector<std::string> names;
        for (const auto& [n, p] : pages) names.push_back(n);
        return names;
      }()));
  cli.add_option("--screenshot", options.screenshot, "Draw the page into this PNG file and exit");
  cli.add_flag("--first-frame-exit", options.first_frame_exit, "Exit after the first frame (benchmarks)");
  cli.add_option("--frame-stats", options.frame_stats, "Draw N frames once the page is read, print their times, exit (benchmarks)");
  bool version = false;
  cli.add_flag("--version", version, "Print the version and exit");
  CLI11_PARSE(cli, argc, argv);
  if (version) {
    std::fputs(ankang::version_text("ankang-console").c_str(), stdout);
    return 0;
  }
  if (!size.empty() && std::sscanf(size.c_str(), "%dx%d", &options.width, &options.height) != 2) {
    std::fprintf(stderr, "--size：应写作 宽x高，例如 1600x900 / --size: write WIDTHxHEIGHT, e.g. 1600x900\n");
    return 2;
  }
  if (!page.empty()) options.page = pages.at(page);
  try {
    return run_console(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ankang-console: %s\n", e.what());
    return 1;
  }
}
