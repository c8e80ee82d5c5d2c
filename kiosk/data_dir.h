// Where Ankang keeps its files (the XDG base directories) and the lock that
// keeps a second kiosk off a data directory already in use.
#pragma once

#include <stdexcept>
#include <string>

namespace ankang::kiosk {

// $XDG_DATA_HOME/ankang, else ~/.local/share/ankang.
std::string default_data_dir();
// $XDG_CONFIG_HOME/ankang, else ~/.config/ankang.
std::string default_config_dir();

// Thrown when another process holds the lock; the message says so in
// Chinese, then English, naming the directory and that process.
struct DataDirBusy : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An advisory lock (flock) on DIR/kiosk.lock, held for the object's life, so
// two kiosks never write one store. The kernel drops it when the process
// ends, even after kill -9. Creates DIR when missing.
class DataDirLock {
 public:
  // Throws DataDirBusy when held elsewhere, std::runtime_error when the
  // directory or the lock file cannot be made.
  explicit DataDirLock(const std::string& dir);
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace ankang::kiosk
