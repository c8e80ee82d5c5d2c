// The fixed keys the signed-format targets use. A mutated file almost never
// carries a valid signature, so the targets also sign what they are given:
// that reaches the parsing after the signature check, which a kiosk or
// organiser whose key leaked could feed with anything.
#pragma once

#include <array>
#include <span>

#include "results/codec.h"
#include "results/keys.h"

namespace ankang::fuzz {

inline const results::KeyPair& fuzz_key() {
  static const results::KeyPair key = [] {
    std::array<std::uint8_t, 32> seed{};
    seed.fill(0x5A);
    return results::key_pair_from_seed(seed);
  }();
  return key;
}

// The bytes with the fuzz key's signature appended, as a signed file ends.
inline results::Bytes signed_with_fuzz_key(std::span<const std::uint8_t> unsigned_part) {
  results::Bytes file(unsigned_part.begin(), unsigned_part.end());
  const auto sig = results::sign(file, fuzz_key().secret_key);
  file.insert(file.end(), sig.begin(), sig.end());
  return file;
}

}  // namespace ankang::fuzz
