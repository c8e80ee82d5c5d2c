// The kiosk's main loop (run_kiosk) and its state machine (App).
#pragma once

#include "kiosk/options.h"

namespace ankang::kiosk {

int run_kiosk(const Options& options);

}  // namespace ankang::kiosk
