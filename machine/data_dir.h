// Where Ankang keeps its files (the XDG base directories) and the lock that
// keeps a second kiosk off a data directory already in use.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace ankang::machine {

// $XDG_DATA_HOME/ankang, else ~/.local/share/ankang.
std::string default_data_dir();
// $XDG_CONFIG_HOME/ankang, else ~/.config/ankang.
std::string default_config_dir();

// One line of the kiosk's settings file.
struct Setting {
  std::string key;    // data-dir, size or windowed
  std::string value;  // empty for windowed
  std::string where;  // "FILE:LINE: ", for messages
};

// $XDG_CONFIG_HOME/ankang/kiosk.conf: the settings an installed kiosk keeps.
std::string settings_file();
// Reads it: "data-dir = DIR", "size = WxH", "windowed", one a line, #
// comments. A missing file has none. Throws std::runtime_error
// "FILE:LINE: why" (Chinese, then English) on a line it does not know.
std::vector<Setting> read_settings();
// The data directory of a kiosk started without --data-dir: the settings
// file's data-dir, else default_data_dir(). Throws as read_settings().
std::string configured_data_dir();

// Thrown when another process holds the lock; the message says so in
// Chinese, then English, naming the directory and that process.
struct DataDirBusy : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An advisory lock (flock) on DIR/kiosk.lock, held for the object's life, so
// two kiosks never write one store. The kernel drops it when the process
// ends, even after kill -9. Creates DIR when missing.
enum class LockHolder { kiosk, console };  // DIR/kiosk.lock or DIR/console.lock

class DataDirLock {
 public:
  // Throws DataDirBusy when held elsewhere, std::runtime_error when the
  // directory or the lock file cannot be made.
  explicit DataDirLock(const std::string& dir, LockHolder holder = LockHolder::kiosk);
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace ankang::machine
