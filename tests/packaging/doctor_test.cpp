// `ankang doctor`: the checks that can be provoked here fail with what to do,
// in English and in Chinese, and make the exit status non-zero.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "tests/packaging/run.h"

namespace ankang::test {
namespace {

const std::string kAnkang = std::string(ANKANG_BIN_DIR) + "/ankang";

CommandResult doctor(const std::string& data_dir, const std::string& lang = "C") {
  return run("LC_ALL= LC_MESSAGES= LANG=" + lang + " " + kAnkang + " doctor --data-dir '" + data_dir + "'");
}

bool has(const CommandResult& r, const std::string& text) { return r.output.find(text) != std::string::npos; }

TEST(Doctor, UnwritableDataDirectoryFailsWithWhatToDo) {
  // Under a regular file nothing can be created, not even by root.
  const std::string dir = temp_dir("doctor-unwritable");
  std::ofstream(dir + "/file") << "x";
  const CommandResult r = doctor(dir + "/file/data");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r, "[FAIL] data directory writable: cannot write in " + dir + "/file/data")) << r.output;
  EXPECT_TRUE(has(r, "check(s) failed.")) << r.output;
  std::filesystem::remove_all(dir);
}

TEST(Doctor, MissingDeviceKeySaysHowToMakeOne) {
  const std::string dir = temp_dir("doctor-nokey");
  const CommandResult r = doctor(dir);
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r, "[FAIL] device key: no device key " + dir + "/device.key: start ankang-kiosk once")) << r.output;
  EXPECT_TRUE(has(r, "[OK] data directory writable: " + dir)) << r.output;

  const CommandResult zh = doctor(dir, "zh_CN.UTF-8");
  EXPECT_EQ(zh.status, 1) << zh.output;
  EXPECT_TRUE(has(zh, "[失败] 设备密钥: 没有设备密钥 " + dir + "/device.key")) << zh.output;
  EXPECT_TRUE(has(zh, "项检查未通过")) << zh.output;
  std::filesystem::remove_all(dir);
}

TEST(Doctor, DeviceKeyReadableByOthersFails) {
  const std::string dir = temp_dir("doctor-openkey");
  std::ofstream(dir + "/device.key") << "key";
  chmod((dir + "/device.key").c_str(), 0644);
  EXPECT_TRUE(has(doctor(dir), "[FAIL] device key: " + dir + "/device.key is readable by other users: chmod 600"));
  chmod((dir + "/device.key").c_str(), 0600);
  EXPECT_TRUE(has(doctor(dir), "[OK] device key: " + dir + "/device.key"));
  std::filesystem::remove_all(dir);
}

TEST(Doctor, MachineIndependentChecksPassHere) {
  const std::string dir = temp_dir("doctor-ok");
  const CommandResult r = doctor(dir);
  EXPECT_TRUE(has(r, "[OK] SQLite and full-text search: SQLite 3.")) << r.output;
  EXPECT_TRUE(has(r, "FTS5 trigram works")) << r.output;
  EXPECT_TRUE(has(r, "[OK] disk space: ")) << r.output;
  EXPECT_TRUE(has(r, "[OK] clock: 20")) << r.output;
  // CommandResult from the build tree, the shared data is the source tree's data/.
  EXPECT_TRUE(has(r, "[OK] shared data: ")) << r.output;
  std::filesystem::remove_all(dir);
}

TEST(Doctor, ChecksTheKioskSettingsFileAndItsDataDirectory) {
  const std::string config = temp_dir("doctor-config");
  const std::string data = temp_dir("doctor-config-data");
  std::filesystem::create_directories(config + "/ankang");
  std::ofstream(config + "/ankang/kiosk.conf") << "data-dir = " << data << "\n";
  const std::string doctor = "LC_ALL= LC_MESSAGES= LANG=C XDG_CONFIG_HOME=" + config + " " + kAnkang + " doctor";
  CommandResult r = run(doctor);
  EXPECT_TRUE(has(r, "[OK] kiosk settings: " + config + "/ankang/kiosk.conf")) << r.output;
  EXPECT_TRUE(has(r, "[OK] data directory writable: " + data)) << r.output;

  std::ofstream(config + "/ankang/kiosk.conf") << "data-dir =\n";
  r = run(doctor);
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r, "[FAIL] kiosk settings: " + config + "/ankang/kiosk.conf:1: data-dir 的写法是 data-dir = 值 / "
                     "write it as data-dir = VALUE: correct that line"))
      << r.output;
  std::filesystem::remove_all(config);
  std::filesystem::remove_all(data);
}

TEST(Doctor, NoDisplayFailsWithWhatToDo) {
  const CommandResult r = run("env -u DISPLAY -u WAYLAND_DISPLAY LANG=C " + kAnkang + " doctor --data-dir /tmp");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r, "[FAIL] display: no display (neither DISPLAY nor WAYLAND_DISPLAY is set)")) << r.output;
  const CommandResult gone = run("env -u WAYLAND_DISPLAY DISPLAY=:4711 LANG=C " + kAnkang + " doctor --data-dir /tmp");
  EXPECT_TRUE(has(gone, "[FAIL] display: DISPLAY=:4711 but no /tmp/.X11-unix/X4711: no X server runs")) << gone.output;
}

}  // namespace
}  // namespace ankang::test
