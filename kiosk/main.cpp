// ankang-kiosk: the full-screen touch kiosk (see docs/KIOSK.md).
#include <cstdio>
#include <exception>

#include "kiosk/app.h"
#include "kiosk/options.h"
#include "kiosk/screenshot.h"

int main(int argc, char** argv) {
  using namespace ankang::kiosk;
  int exit_code = 0;
  const auto options = parse_options(argc, argv, exit_code);
  if (!options) return exit_code;
  try {
    if (!options->screenshot.empty()) return render_screenshot(*options);
    return run_kiosk(*options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ankang-kiosk: %s\n", e.what());
    return 1;
  }
}
