#include "kiosk/admin_pin.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace ankang::kiosk {

std::string hash_pin(const std::string& pin) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium 初始化失败 / libsodium failed to start");
  char out[crypto_pwhash_STRBYTES];
  // Interactive limits: about 0.1 s and 64 MiB on a kiosk PC.
  if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("内存不足，无法保存密码 / out of memory hashing the PIN");
  return out;
}

bool pin_matches(const std::string& hash, const std::string& pin) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

bool pin_acceptable(const std::string& pin) {
  return pin.size() >= 4 && pin.size() <= 12 &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void PinGuard::failed(std::int64_t now) {
  ++failures;
  if (failures < kFreeTries) return;
  const int doublings = std::min(failures - kFreeTries, 7);
  const std::int64_t delay = std::min<std::int64_t>(30'000LL << doublings, 3'600'000LL);
  locked_until = now + delay;
}

}  // namespace ankang::kiosk
