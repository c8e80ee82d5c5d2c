// The kiosk's Ed25519 key: made on first start, kept in the data directory
// as device.key (0600) and device.pub. It signs the score bundles, and its
// fingerprint is what the admin screen shows for the organiser to register.
#pragma once

#include <string>

#include "results/keys.h"

namespace ankang::kiosk {

// Reads DIR/device.{key,pub}, creating them first when there are none.
results::KeyPair load_device_key(const std::string& data_dir);

}  // namespace ankang::kiosk
