// A fresh database path in the temporary directory for the storage tests,
// with any file (and WAL companions) an earlier run left there removed.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

namespace ankang::storage {

inline std::string temp_db(const std::string& name) {
  auto path = (std::filesystem::temp_directory_path() / ("ankang_storage_" + name)).string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

}  // namespace ankang::storage
