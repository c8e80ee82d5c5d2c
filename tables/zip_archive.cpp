#include "tables/zip_archive.h"

#include <zip.h>

namespace ankang::tables {

namespace {

// A bound on one unpacked part, so that a crafted archive cannot exhaust memory.
constexpr zip_uint64_t kMaxPartBytes = 512u << 20;

}  // namespace

void ZipArchive::Closer::operator()(struct zip* z) const { zip_discard(z); }

std::optional<ZipArchive> ZipArchive::open(std::span<const std::uint8_t> bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  ZipArchive archive;
  archive.zip_.reset(source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr);
  zip_error_fini(&error);
  if (!archive.zip_) {
    if (source) zip_source_free(source);
    return std::nullopt;
  }
  return archive;
}

std::optional<std::string> ZipArchive::read(const std::string& name, std::optional<Problem>& problem) const {
  zip_stat_t st;
  if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return std::nullopt;
  if (st.size > kMaxPartBytes) {
    problem = Problem{0, 0, "文件部件 " + name + " 过大", "part " + name + " is too large"};
    return std::nullopt;
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip_.get(), name.c_str(), 0), zip_fclose);
  if (!file) return std::nullopt;
  // Grow with the bytes really inflated, not the size the entry declares: a
  // damaged or hostile entry may declare 500 MB and hold a few bytes.
  std::string data;
  char chunk[64 * 1024];
  zip_int64_t got = 0;
  while ((got = zip_fread(file.get(), chunk, sizeof chunk)) > 0) {
    if (data.size() + static_cast<zip_uint64_t>(got) > st.size) return std::nullopt;
    data.append(chunk, static_cast<std::size_t>(got));
  }
  if (got < 0 || data.size() != st.size) return std::nullopt;
  return data;
}

}  // namespace ankang::tables
