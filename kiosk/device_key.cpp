#include "kiosk/device_key.h"

#include <filesystem>

namespace ankang::kiosk {

results::KeyPair load_device_key(const std::string& data_dir) {
  const std::string stem = data_dir + "/device";
  if (!std::filesystem::exists(stem + ".pub") || !std::filesystem::exists(stem + ".key"))
    results::write_key_pair(stem, results::generate_key_pair());
  return {results::read_public_key(stem + ".pub"), results::read_secret_key(stem + ".key")};
}

}  // namespace ankang::kiosk
