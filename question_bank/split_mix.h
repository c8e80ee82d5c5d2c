// SplitMix64: a small seeded generator whose output is the same on every
// platform and library version (std distributions are not), so the same seed
// draws the same paper everywhere.
#pragma once

#include <cstdint>

namespace ankang::bank {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, bound), bound > 0: rejects the top values that would bias it.
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    std::uint64_t r;
    do r = next();
    while (r >= limit);
    return r % bound;
  }

 private:
  std::uint64_t state_;
};

}  // namespace ankang::bank
