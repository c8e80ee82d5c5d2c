// A USB stick for the console tests: a folder under a media root that the
// folder browser lists (ANKANG_MEDIA_ROOTS), so a test picks files in it
// with the mouse as a user would.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace ankang::test {

inline std::string make_stick(const std::string& test_dir, const std::string& name = "STICK") {
  const auto media = std::filesystem::path(test_dir) / "media";
  std::filesystem::create_directories(media / name);
  ::setenv("ANKANG_MEDIA_ROOTS", media.c_str(), 1);
  return (media / name).string();
}

inline void write_text(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace ankang::test
