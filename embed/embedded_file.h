// A file built into the program by ankang_embed() (cmake/Embed.cmake): the
// schema ladders, the starter bank, the example contest. A module declares the
// table it embeds in one line, by the NAMESPACE it gave ankang_embed():
//   namespace ankang::bank::embedded_sql { std::span<const ankang::EmbeddedFile> files(); }
#pragma once

#include <span>
#include <string_view>

namespace ankang {

struct EmbeddedFile {
  const char* path;  // relative to the BASE given to ankang_embed(), '/'-separated
  const unsigned char* data;
  unsigned long size;

  std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
  std::span<const unsigned char> bytes() const { return {data, size}; }
};

}  // namespace ankang
