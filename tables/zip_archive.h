// A zip archive held in memory (XLSX, DOCX), read one member at a time with
// a bound on each unpacked member.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "tables/row.h"

struct zip;

namespace ankang::tables {

class ZipArchive {
 public:
  // nullopt when the bytes are not a zip archive. The bytes must outlive the archive.
  static std::optional<ZipArchive> open(std::span<const std::uint8_t> bytes);

  // The unpacked bytes of one member; nullopt when it is absent or unreadable.
  // A member larger than the bound sets `problem` ("part NAME is too large").
  std::optional<std::string> read(const std::string& name, std::optional<Problem>& problem) const;

 private:
  struct Closer {
    void operator()(struct zip* z) const;
  };
  std::unique_ptr<struct zip, Closer> zip_;
};

}  // namespace ankang::tables
