#include <cstdint>
#include <random>
#include <string>

#include "question_bank/bank.h"

namespace ankang::bank {

std::string new_uuid() {
  // std::random_device reads the kernel's random source on Linux.
  static thread_local std::random_device device;
  std::uint8_t b[16];
  for (int i = 0; i < 16; i += 4) {
    std::uint32_t r = device();
    for (int j = 0; j < 4; ++j) b[i + j] = static_cast<std::uint8_t>(r >> (8 * j));
  }
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
