// Pictures inside question files: base64, data: URIs and the size of a PNG
// or JPEG read from its header.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/question.h"

namespace ankang::bank::detail {

std::string base64_encode(std::span<const std::uint8_t> bytes);
// Whitespace is skipped; nullopt on any other character outside the alphabet.
std::optional<std::vector<std::uint8_t>> base64_decode(std::string_view text);

// An Image with mime type, width and height taken from the bytes; nullopt when
// they are neither a PNG nor a JPEG with a readable header.
std::optional<Image> image_from_bytes(std::vector<std::uint8_t> bytes);

// "data:image/png;base64,...." <-> Image. Parsing checks the bytes, not only the label.
std::string image_to_data_uri(const Image& image);
std::optional<Image> image_from_data_uri(std::string_view uri);

}  // namespace ankang::bank::detail
