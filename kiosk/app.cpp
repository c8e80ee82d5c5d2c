#include "kiosk/app.h"

namespace ankang::kiosk {

int run_kiosk(const Options&) { return 0; }

}  // namespace ankang::kiosk
