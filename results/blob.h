// A fixed-size id or key read back from a BLOB column of the organiser store.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>

namespace ankang::results {

// Its first N bytes; zero-filled when the blob is shorter (the schema's
// CHECK on length keeps that from happening).
template <std::size_t N>
std::array<std::uint8_t, N> array_from_blob(std::span<const std::uint8_t> blob) {
  std::array<std::uint8_t, N> out{};
  std::copy_n(blob.begin(), std::min(blob.size(), N), out.begin());
  return out;
}

}  // namespace ankang::results
