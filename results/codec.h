// Byte helpers for the fixed-layout envelopes: explicit little-endian
// writing and bounds-checked reading, hex, BLAKE2b and files.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ankang::results {

using Bytes = std::vector<std::uint8_t>;
using Hash = std::array<std::uint8_t, 32>;

class ByteWriter {
 public:
  void u8(std::uint8_t v) { out_.push_back(v); }
  void u16(std::uint16_t v) { le(v, 2); }
  void u32(std::uint32_t v) { le(v, 4); }
  void u64(std::uint64_t v) { le(v, 8); }
  void i64(std::int64_t v) { le(static_cast<std::uint64_t>(v), 8); }
  void raw(std::span<const std::uint8_t> bytes) { out_.insert(out_.end(), bytes.begin(), bytes.end()); }
  // A text in a fixed-width field, zero padded; throws when it does not fit.
  void fixed_text(std::string_view text, std::size_t width);
  Bytes& bytes() { return out_; }

 private:
  void le(std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  Bytes out_;
};

// Reads a fixed layout; every read checks the bytes that remain first.
class ByteReader {
 public:
  explicit ByteReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
  std::uint8_t u8() { return static_cast<std::uint8_t>(le(1)); }
  std::uint16_t u16() { return static_cast<std::uint16_t>(le(2)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(le(4)); }
  std::uint64_t u64() { return le(8); }
  std::int64_t i64() { return static_cast<std::int64_t>(le(8)); }
  std::span<const std::uint8_t> raw(std::size_t n);
  // A zero-padded text field; throws when it is not valid UTF-8 padding.
  std::string fixed_text(std::size_t width);
  std::size_t offset() const { return pos_; }
  std::size_t remaining() const { return bytes_.size() - pos_; }

 private:
  std::uint64_t le(int n);
  std::span<const std::uint8_t> bytes_;
  std::size_t pos_ = 0;
};

std::string to_hex(std::span<const std::uint8_t> bytes);
// Accepts upper or lower case and ignores spaces, ':' and '-'; nullopt-like
// empty result with ok=false on a bad digit.
bool from_hex(std::string_view text, Bytes& out);

// BLAKE2b-256 (libsodium crypto_generichash).
Hash blake2b(std::span<const std::uint8_t> bytes);

// Whole-file helpers. read_file refuses files larger than max_bytes before
// reading them. write_file_atomic writes a temporary, fsyncs and renames.
Bytes read_file(const std::string& path, std::size_t max_bytes);
void write_file_atomic(const std::string& path, std::span<const std::uint8_t> bytes, bool secret = false);

// libsodium must be initialised once before any key or signature use.
void ensure_sodium();

}  // namespace ankang::results
