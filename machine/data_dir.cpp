#include "machine/data_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace ankang::machine {

namespace {

// $VAR/ankang, else $HOME/FALLBACK/ankang (the XDG base directory rule).
std::string xdg_dir(const char* var, const char* fallback) {
  if (const char* xdg = std::getenv(var); xdg && *xdg == '/') return std::string(xdg) + "/ankang";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/" + fallback + "/ankang";
  return "ankang-data";
}

std::string holder_pid(int fd) {
  char buf[32] = {};
  const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "";
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid.empty() ? "?" : pid;
}

}  // namespace

std::string default_data_dir() { return xdg_dir("XDG_DATA_HOME", ".local/share"); }
std::string default_config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config"); }

std::string settings_file() { return default_config_dir() + "/kiosk.conf"; }

std::vector<Setting> read_settings() {
  const auto trim = [](const std::string& t) {
    const auto b = t.find_first_not_of(" \t\r");
    const auto e = t.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
  };
  const std::string path = settings_file();
  std::ifstream in(path);
  std::vector<Setting> settings;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const auto eq = line.find('=');
    const std::string key = trim(line.substr(0, eq));
    const std::string where = path + ":" + std::to_string(n) + ": ";
    const bool takes_value = key == "data-dir" || key == "size";
    if (!takes_value && key != "windowed")
      throw std::runtime_error(where + "未知设置 " + key + "（可用 data-dir、size、windowed） / unknown setting " + key +
                               " (data-dir, size, windowed)");
    const std::string value = eq == std::string::npos ? "" : trim(line.substr(eq + 1));
    if (takes_value == value.empty())
      throw std::runtime_error(where + key + " 的写法是 " + (takes_value ? key + " = 值" : key) + " / write it as " +
                               (takes_value ? key + " = VALUE" : key));
    settings.push_back({key, value, where});
  }
  return settings;
}

std::string configured_data_dir() {
  std::string dir = default_data_dir();
  for (const Setting& s : read_settings())
    if (s.key == "data-dir") dir = s.value;
  return dir;
}

DataDirLock::DataDirLock(const std::string& dir, LockHolder holder) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const bool kiosk = holder == LockHolder::kiosk;
  const std::string path = dir + (kiosk ? "/kiosk.lock" : "/console.lock");
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw std::runtime_error("无法创建锁文件 " + path + "：" + std::strerror(errno) + " / cannot create the lock file " +
                             path + ": " + std::strerror(errno));
  if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    const std::string pid = holder_pid(fd_);
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK && !kiosk)
      throw DataDirBusy("工作文件夹 " + dir + " 已被另一个组织单位工作台使用（进程 " + pid +
                        "）。请切换到那个窗口，或先关闭它。\n" + "the workspace " + dir +
                        " is in use by another organiser console (process " + pid + "): switch to it or close it first.");
    if (err == EWOULDBLOCK)
      throw DataDirBusy("数据目录 " + dir + " 已被另一个答题终端使用（进程 " + pid +
                        "）。每台终端需要自己的数据目录：先退出那个终端，或用 --data-dir 指定另一个目录。\n" +
                        "the data directory " + dir + " is in use by another kiosk (process " + pid +
                        "). Each kiosk needs its own: quit that kiosk or give another directory with --data-dir.");
    throw std::runtime_error("无法锁定 " + path + "：" + std::strerror(err) + " / cannot lock " + path + ": " +
                             std::strerror(err));
  }
  // The holder's pid, only for the message a second kiosk shows: the lock is
  // held whether or not it could be written.
  const std::string pid = std::to_string(getpid()) + "\n";
  [[maybe_unused]] const bool noted =
      ftruncate(fd_, 0) == 0 && pwrite(fd_, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size());
}

DataDirLock::~DataDirLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace ankang::machine
