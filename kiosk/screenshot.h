// --screenshot: render one screen with demo data into a PNG and exit.
#pragma once

#include "kiosk/options.h"

namespace ankang::kiosk {

int render_screenshot(const Options& options);

}  // namespace ankang::kiosk
