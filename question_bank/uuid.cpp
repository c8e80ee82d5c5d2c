#include <sodium.h>

#include <cstdint>
#include <string>

#include "question_bank/bank.h"

namespace ankang::bank {

std::string new_uuid() {
  // libsodium's generator is seeded from the kernel once and then runs in
  // user space: a big import makes no system call per question.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw BankError(Text{"无法初始化随机数生成器", "cannot initialise the random number generator"});
  std::uint8_t b[16];
  randombytes_buf(b, sizeof b);
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
