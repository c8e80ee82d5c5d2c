// The kiosk's command line.
#pragma once

#include <optional>
#include <string>

namespace ankang::kiosk {

struct Options {
  bool windowed = false;       // development: a window instead of full screen
  int width = 1920, height = 1080;  // windowed and screenshot size
  std::string data_dir;        // default: $XDG_DATA_HOME/ankang or ~/.local/share/ankang
  std::string screenshot;      // render one screen with demo data to this PNG and exit
  std::string screen = "attract";  // which screen --screenshot renders
  bool first_frame_exit = false;   // benchmarks: exit after the first frame is shown
  std::string export_bundle;       // export a score bundle to this folder and exit
};

// Parses argv; prints usage or an error to stderr and returns nullopt on
// --help or bad arguments (exit_code tells which).
std::optional<Options> parse_options(int argc, char** argv, int& exit_code);

// The default data directory.
std::string default_data_dir();

}  // namespace ankang::kiosk
