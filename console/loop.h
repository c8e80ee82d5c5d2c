// The console's main loop: SDL events in, frames out; it sleeps in
// SDL_WaitEventTimeout while nothing happens.
#pragma once

#include <optional>
#include <string>

#include "console_ui/shell.h"

namespace ankang::console {

struct Options {
  std::string workspace;
  int width = 1600, height = 900;
  bool fullscreen = false;
  std::optional<console_ui::PageId> page;  // start on this page
  bool english = false;
  std::string screenshot;         // draw, save this PNG once every job is done, exit
  bool first_frame_exit = false;  // print "first-frame" after the first frame and exit (benchmarks)
  int frame_stats = 0;            // once every job is done, draw this many frames, print their times, exit
};

int run_console(const Options& options);

}  // namespace ankang::console
