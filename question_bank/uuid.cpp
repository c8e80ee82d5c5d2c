#include <sodium.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "question_bank/bank.h"

namespace ankang::bank {

std::string new_uuid() {
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
  std::uint8_t b[16];
  std::memcpy(b, pool.data() + used, sizeof b);
  sodium_memzero(pool.data() + used, sizeof b);  // each id's bytes are handed out once
  used += sizeof b;
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
    s += hex[b[i] >> 4];
    s += hex[b[i] & 15];
  }
  return s;
}

}  // namespace ankang::bank
