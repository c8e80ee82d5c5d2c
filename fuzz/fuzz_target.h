// What every fuzz target defines: libFuzzer calls it with each input, and
// tests/fuzz/ replays the committed corpus through it in the normal build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace ankang::fuzz {

inline std::span<const std::uint8_t> bytes_of(const std::uint8_t* data, std::size_t size) { return {data, size}; }

}  // namespace ankang::fuzz
