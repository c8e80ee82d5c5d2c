// The admin PIN: stored as an argon2id hash (libsodium crypto_pwhash_str),
// with a lock-out that grows after repeated wrong tries.
#pragma once

#include <cstdint>
#include <string>

namespace ankang::kiosk {

// The PIN of a new kiosk; the admin screen asks to change it.
inline constexpr const char* kDefaultPin = "2468";
inline constexpr int kFreeTries = 5;

std::string hash_pin(const std::string& pin);
bool pin_matches(const std::string& hash, const std::string& pin);
// 4 to 12 digits.
bool pin_acceptable(const std::string& pin);

// Wrong tries and the lock-out, kept in the store so a restart does not
// reset them. Times are unix milliseconds, passed in.
struct PinGuard {
  int failures = 0;
  std::int64_t locked_until = 0;

  // Milliseconds left of the lock-out (0 = may try).
  std::int64_t wait_ms(std::int64_t now) const { return locked_until > now ? locked_until - now : 0; }
  // After kFreeTries wrong tries: 30 s, then doubling, capped at one hour.
  void failed(std::int64_t now);
  void succeeded() { *this = {}; }
};

}  // namespace ankang::kiosk
