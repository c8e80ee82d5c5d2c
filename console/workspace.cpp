#include "console/workspace.h"

#include <filesystem>

#include "results/keys.h"

namespace ankang::console {

Workspace::Workspace(std::string dir)
    : dir_(std::move(dir)), lock_(std::make_unique<machine::DataDirLock>(dir_, machine::LockHolder::console)) {}

void Workspace::ensure_key() const {
  if (std::filesystem::exists(key_stem() + ".key")) return;
  std::filesystem::create_directories(std::filesystem::path(key_stem()).parent_path());
  results::write_key_pair(key_stem(), results::generate_key_pair());
}

std::string default_workspace() { return machine::default_data_dir() + "/console"; }

}  // namespace ankang::console
