// The kiosk's command line.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "machine/data_dir.h"
#include "kiosk/watchdog.h"  // the loop that runs by these options reports to systemd

namespace ankang::kiosk {

struct Options {
  bool windowed = false;       // development: a window instead of full screen
  int width = 1920, height = 1080;  // windowed and screenshot size
  std::string data_dir;        // default: $XDG_DATA_HOME/ankang or ~/.local/share/ankang
  // Held while the kiosk runs on data_dir (not for --screenshot or
  // --export-bundle, which may run beside it).
  std::shared_ptr<const machine::DataDirLock> lock;
  std::string screenshot;      // render one screen with demo data to this PNG and exit
  std::string screen = "attract";  // which screen --screenshot renders
  bool first_frame_exit = false;   // benchmarks: exit after the first frame is shown
  std::string export_bundle;       // export a score bundle to this folder and exit
  std::string load_folder;         // load this folder as the admin screen does, and exit
};

// Parses argv and, for a kiosk run, locks the data directory. Prints usage,
// the version or an error and returns nullopt on --help, --version, bad
// arguments or a data directory another kiosk holds (exit_code tells which).
std::optional<Options> parse_options(int argc, char** argv, int& exit_code);

}  // namespace ankang::kiosk
