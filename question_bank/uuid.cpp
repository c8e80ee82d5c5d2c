#include <sodium.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>

#include "question_bank/bank.h"

namespace ankang::bank {

namespace {

using UuidBytes = std::array<std::uint8_t, 16>;

UuidBytes random_bytes() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw BankError(Text{"无法初始化随机数生成器", "cannot initialise the random number generator"});
  // libsodium asks the kernel (getrandom) at every call: fetch the bytes of
  // a few hundred ids at once, so a big import makes few system calls.
  thread_local std::array<std::uint8_t, 4096> pool{};
  thread_local std::size_t used = pool.size();
  if (used == pool.size()) {
    randombytes_buf(pool.data(), pool.size());
    used = 0;
  }
  UuidBytes b;
  std::memcpy(b.data(), pool.data() + used, b.size());
  sodium_memzero(pool.data() + used, b.size());  // each id's bytes are handed out once
  used += b.size();
  return b;
}

// Sets the version nibble and the RFC 9562 variant bits, then spells the
// id in lower-case hex with dashes.
std::string format(UuidBytes b, int version) {
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | (version << 4));
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
  static const char* hex = "0123456789abcdef";
  std::string s;
  s.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
    s += hex[b[i] >> 4];
    s += hex[b[i] & 15];
  }
  return s;
}

}  // namespace

std::string new_uuid() { return format(random_bytes(), 4); }

std::string new_time_ordered_uuid() {
  // RFC 9562 section 6.2, method 1: the 12 bits after the version are a
  // counter, so ids made within one millisecond still come out in order.
  // A new millisecond starts the counter at a random value below 2048,
  // leaving room to count up; when the counter runs out, or the clock
  // steps back, the last millisecond is carried on instead.
  static std::mutex mutex;
  static std::int64_t last_ms = -1;
  static std::uint32_t counter = 0;
  auto b = random_bytes();
  const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  std::int64_t ms;
  std::uint32_t count;
  {
    std::scoped_lock lock(mutex);
    if (now > last_ms) {
      last_ms = now;
      counter = ((std::uint32_t{b[6]} << 8) | b[7]) & 0x7FF;
    } else if (++counter > 0xFFF) {
      ++last_ms;
      counter = 0;
    }
    ms = last_ms;
    count = counter;
  }
  for (int i = 0; i < 6; ++i) b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(ms) >> (40 - 8 * i));
  b[6] = static_cast<std::uint8_t>(count >> 8);
  b[7] = static_cast<std::uint8_t>(count);
  return format(b, 7);
}

}  // namespace ankang::bank
