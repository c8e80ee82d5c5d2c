#include "console/workspace.h"

#include <filesystem>
#include <fstream>
#include <span>

#include "results/codec.h"
#include "results/keys.h"

namespace ankang::console {

Workspace::Workspace(std::string dir)
    : dir_(std::move(dir)), lock_(std::make_unique<machine::DataDirLock>(dir_, machine::LockHolder::console)) {}

void Workspace::ensure_key() const {
  if (std::filesystem::exists(key_stem() + ".key")) return;
  std::filesystem::create_directories(std::filesystem::path(key_stem()).parent_path());
  results::write_key_pair(key_stem(), results::generate_key_pair());
}

std::string Workspace::unit_name() const {
  std::ifstream in(dir_ + "/unit-name.txt");
  std::string name;
  std::getline(in, name);
  return name;
}

void Workspace::set_unit_name(const std::string& name) const {
  const std::string text = name + "\n";
  results::write_file_atomic(dir_ + "/unit-name.txt", std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string default_workspace() { return machine::default_data_dir() + "/console"; }

}  // namespace ankang::console
