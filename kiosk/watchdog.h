// The kiosk as a systemd service (packaging/ankang-kiosk.service, Type=notify):
// READY=1 when the main loop starts, WATCHDOG=1 from the main loop so that a
// frozen screen is killed and restarted, and SIGTERM, SIGINT or SIGHUP turned
// into a clean stop (the loop returns, the store closes) instead of a kill.
// Outside systemd the notifications are no-ops.
#pragma once

namespace ankang::kiosk {

// Called by the main loop at the top of every turn. The first call installs
// the stop signals and reports READY=1; every call sends WATCHDOG=1 when a
// quarter of the watchdog interval has passed. False once a stop signal came:
// the loop must return.
bool service_alive();

// How long the loop may wait for input: the app's own wait (-1 = no timer:
// one minute), cut to half the watchdog interval when systemd watches.
int service_wait_ms(int app_sleep_ms);

}  // namespace ankang::kiosk
