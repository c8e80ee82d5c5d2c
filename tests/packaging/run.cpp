#include "tests/packaging/run.h"

#include <unistd.h>

#include <filesystem>

namespace ankang::test {

std::string temp_dir(const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("ankang-deploy-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

}  // namespace ankang::test
