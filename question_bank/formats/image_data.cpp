#include "question_bank/formats/image_data.h"

#include <array>

namespace ankang::bank::detail {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::uint32_t big_endian(std::span<const std::uint8_t> b, std::size_t at, std::size_t n) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | b[at + i];
  return v;
}

bool png_size(std::span<const std::uint8_t> b, int& w, int& h) {
  static constexpr std::array<std::uint8_t, 8> kSignature{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  if (b.size() < 24 || !std::equal(kSignature.begin(), kSignature.end(), b.begin())) return false;
  if (b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') return false;
  w = static_cast<int>(big_endian(b, 16, 4));
  h = static_cast<int>(big_endian(b, 20, 4));
  return w > 0 && h > 0;
}

// Walks the JPEG segments up to the first start-of-frame marker, which holds the size.
bool jpeg_size(std::span<const std::uint8_t> b, int& w, int& h) {
  if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8) return false;
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (b[i] != 0xFF) return false;
    std::uint8_t marker = b[i + 1];
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;
      continue;
    }
    std::size_t length = big_endian(b, i + 2, 2);
    bool start_of_frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (start_of_frame) {
      if (i + 9 > b.size()) return false;
      h = static_cast<int>(big_endian(b, i + 5, 2));
      w = static_cast<int>(big_endian(b, i + 7, 2));
      return w > 0 && h > 0;
    }
    if (length < 2) return false;
    i += 2 + length;
  }
  return false;
}

}  // namespace

std::string base64_encode(std::span<const std::uint8_t> bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    std::uint32_t v = big_endian(bytes, i, 3);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = static_cast<std::uint32_t>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<std::uint32_t>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::vector<std::uint8_t>> base64_decode(std::string_view text) {
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t acc = 0;
  int bits = 0;
  bool padding = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    int v = base64_value(c);
    if (v < 0 || padding) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

std::optional<Image> image_from_bytes(std::vector<std::uint8_t> bytes) {
  Image image;
  if (png_size(bytes, image.width, image.height))
    image.mime = "image/png";
  else if (jpeg_size(bytes, image.width, image.height))
    image.mime = "image/jpeg";
  else
    return std::nullopt;
  image.bytes = std::move(bytes);
  return image;
}

std::string image_to_data_uri(const Image& image) {
  return "data:" + image.mime + ";base64," + base64_encode(image.bytes);
}

std::optional<Image> image_from_data_uri(std::string_view uri) {
  constexpr std::string_view kPrefix = "data:";
  constexpr std::string_view kMarker = ";base64,";
  if (!uri.starts_with(kPrefix)) return std::nullopt;
  auto marker = uri.find(kMarker);
  if (marker == std::string_view::npos) return std::nullopt;
  auto bytes = base64_decode(uri.substr(marker + kMarker.size()));
  if (!bytes) return std::nullopt;
  return image_from_bytes(std::move(*bytes));
}

}  // namespace ankang::bank::detail
