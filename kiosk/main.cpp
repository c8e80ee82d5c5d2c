// ankang-kiosk: the full-screen touch kiosk (see docs/KIOSK.md).
#include <chrono>
#include <cstdio>
#include <exception>

#include "kiosk/app.h"
#include "kiosk/bundle_export.h"
#include "kiosk/options.h"
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
      App app(options->data_dir);
      const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::system_clock::now().time_since_epoch());
      app.set_time(now.count(), 0);
      const bool ok = app.load_folder(options->load_folder);
      std::fprintf(ok ? stdout : stderr, "%s\n", app.admin_message().c_str());
      return ok ? 0 : 1;
    }
    return run_kiosk(*options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ankang-kiosk: %s\n", e.what());
    return 1;
  }
}
