// XDG data and config directories, and the lock that keeps a second kiosk
// off a data directory in use.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "machine/data_dir.h"
#include "tests/packaging/run.h"

namespace ankang::test {
namespace {

using machine::DataDirBusy;
using machine::DataDirLock;

// Sets an environment variable for one scope.
class Env {
 public:
  Env(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~Env() {
    if (had_) setenv(name_, old_.c_str(), 1);
    else unsetenv(name_);
  }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

TEST(DataDir, FollowsXdgBaseDirectories) {
  Env home("HOME", "/home/worker");
  {
    Env data("XDG_DATA_HOME", "/srv/data");
    Env config("XDG_CONFIG_HOME", "/srv/config");
    EXPECT_EQ(machine::default_data_dir(), "/srv/data/ankang");
    EXPECT_EQ(machine::default_config_dir(), "/srv/config/ankang");
  }
  Env data("XDG_DATA_HOME", nullptr);
  Env config("XDG_CONFIG_HOME", "relative/ignored");  // the spec: only absolute paths count
  EXPECT_EQ(machine::default_data_dir(), "/home/worker/.local/share/ankang");
  EXPECT_EQ(machine::default_config_dir(), "/home/worker/.config/ankang");
}

TEST(DataDir, SecondLockOnOneDirectoryIsRefusedUntilTheFirstIsGone) {
  const std::string dir = temp_dir("lock") + "/made/on/demand";
  {
    const DataDirLock first(dir);
    EXPECT_TRUE(std::filesystem::exists(dir + "/kiosk.lock"));
    try {
      const DataDirLock second(dir);
      FAIL() << "a second lock on one directory was granted";
    } catch (const DataDirBusy& e) {
      const std::string what = e.what();
      EXPECT_EQ(what.rfind("数据目录 " + dir + " 已被另一个答题终端使用（进程 " + std::to_string(getpid()), 0), 0u)
          << what;
      EXPECT_NE(what.find("is in use by another kiosk"), std::string::npos) << what;
    }
  }
  EXPECT_NO_THROW(DataDirLock again(dir));  // released with the first
}

TEST(DataDir, SecondKioskOnTheSameDirectoryExitsWithAMessage) {
  // This process stands for the first kiosk; the second is the real program,
  // refused before it opens a window (so no display is needed).
  const std::string dir = temp_dir("two-kiosks");
  const DataDirLock first(dir);
  const CommandResult r = run(std::string(ANKANG_BIN_DIR) + "/ankang-kiosk --windowed --data-dir " + dir);
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_EQ(r.output.rfind("ankang-kiosk: 数据目录 " + dir + " 已被另一个答题终端使用", 0), 0u) << r.output;
  EXPECT_NE(r.output.find("Each kiosk needs its own"), std::string::npos) << r.output;
  // Exporting a score bundle beside a running kiosk stays allowed.
  const CommandResult exp = run(std::string(ANKANG_BIN_DIR) + "/ankang-kiosk --data-dir " + dir + " --export-bundle " + dir);
  EXPECT_EQ(exp.output.find("另一个答题终端"), std::string::npos) << exp.output;
}

TEST(DataDir, ConfigFileSetsTheDataDirectoryAndNamesItsBadLines) {
  const std::string config = temp_dir("config");
  const std::string data = temp_dir("config-data");
  std::filesystem::create_directories(config + "/ankang");
  std::ofstream(config + "/ankang/kiosk.conf") << "# the kiosk of the canteen\ndata-dir = " << data << "\n";
  const DataDirLock first(data);  // only the config file points the kiosk here
  const std::string kiosk = "XDG_CONFIG_HOME=" + config + " " + ANKANG_BIN_DIR + "/ankang-kiosk --windowed";
  CommandResult r = run(kiosk);
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("数据目录 " + data + " 已被另一个答题终端使用"), std::string::npos) << r.output;

  std::ofstream(config + "/ankang/kiosk.conf") << "windowed\n\nfullscreen = yes\n";
  r = run(kiosk);
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_EQ(r.output.rfind(config + "/ankang/kiosk.conf:3: 未知设置 fullscreen", 0), 0u) << r.output;
  EXPECT_NE(r.output.find("unknown setting fullscreen"), std::string::npos) << r.output;

  std::ofstream(config + "/ankang/kiosk.conf") << "size = 100x100\n";
  r = run(kiosk);
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_EQ(r.output.rfind(config + "/ankang/kiosk.conf:1: --size", 0), 0u) << r.output;
  std::filesystem::remove_all(config);
}

TEST(DataDir, UncreatableDirectoryIsAnErrorNamingTheFile) {
  const std::string dir = temp_dir("lock-bad");
  { std::ofstream(dir + "/file") << "x"; }
  try {
    const DataDirLock lock(dir + "/file/data");
    FAIL() << "locked a directory under a regular file";
  } catch (const DataDirBusy&) {
    FAIL() << "reported busy instead of the real problem";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(dir + "/file/data/kiosk.lock"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace ankang::test
