// The folder the console keeps the organiser's files in: the organiser store,
// the question bank and the organiser key, locked against a second console.
#pragma once

#include <memory>
#include <string>

#include "machine/data_dir.h"

namespace ankang::console {

class Workspace {
 public:
  // Makes the folder when missing and locks it; throws machine::DataDirBusy
  // when another console holds it, std::runtime_error when it cannot be made.
  explicit Workspace(std::string dir);

  const std::string& dir() const { return dir_; }
  std::string organiser_db() const { return dir_ + "/organiser.db"; }
  std::string bank_db() const { return dir_ + "/bank.db"; }
  // The organiser key pair, KEY_STEM.key and KEY_STEM.pub: made on first
  // use, never overwritten.
  std::string key_stem() const { return dir_ + "/keys/organiser"; }
  void ensure_key() const;
  // This unit's name as its roll-ups were last exported under (empty at
  // first), so it is typed once.
  std::string unit_name() const;
  void set_unit_name(const std::string& name) const;

 private:
  std::string dir_;
  std::unique_ptr<machine::DataDirLock> lock_;
};

// $XDG_DATA_HOME/ankang/console.
std::string default_workspace();

}  // namespace ankang::console
