// ankang-kiosk: the full-screen touch kiosk (see docs/KIOSK.md).
#include <chrono>
#include <cstdio>
#include <exception>

#include "kiosk/app.h"
#include "kiosk/bundle_export.h"
#include "kiosk/options.h"
#include "kiosk/package_loader.h"
#include "kiosk/screenshot.h"

int main(int argc, char** argv) {
  using namespace ankang::kiosk;
  int exit_code = 0;
  const auto options = parse_options(argc, argv, exit_code);
  if (!options) return exit_code;
  try {
    if (!options->screenshot.empty()) return render_screenshot(*options);
    if (!options->export_bundle.empty()) {
      const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::system_clock::now().time_since_epoch());
      const auto r = export_data_dir(options->data_dir, options->export_bundle, now.count());
      std::printf("%s\n%d %d %llu\n", r.file.c_str(), r.attempts, r.answers,
                  static_cast<unsigned long long>(r.sequence));
      return 0;
    }
    if (!options->load_folder.empty()) {
      const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::system_clock::now().time_since_epoch());
      const FolderLoad load = load_into_data_dir(options->data_dir, options->load_folder, now.count());
      std::fprintf(load.loaded ? stdout : stderr, "%s\n", load.message.c_str());
      return load.loaded ? 0 : 1;
    }
    return run_kiosk(*options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ankang-kiosk: %s\n", e.what());
    return 1;
  }
}
