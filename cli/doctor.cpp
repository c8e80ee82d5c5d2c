// `ankang doctor`: each check prints OK with what it found, or what to do.
// Exit 1 when any check fails.
#include "cli/doctor.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "machine/version.h"
#include "machine/data_dir.h"
#include "machine/font_lookup.h"

namespace ankang::cli {

namespace {

namespace fs = std::filesystem;

struct Outcome {
  bool ok = false;
  Text detail;  // what was found, or what to do
};

constexpr std::uintmax_t kMinFreeBytes = 200ull << 20;  // a year of kiosk data is a few MB; room for banks and logs

bool socket_exists(const std::string& path) {
  struct stat st{};
  return stat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
}

Outcome check_display() {
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  if (wayland && *wayland) {
    const std::string path = wayland[0] == '/' ? wayland : std::string(runtime ? runtime : "") + "/" + wayland;
    if (socket_exists(path)) return {true, {std::string("Wayland ") + wayland, std::string("Wayland ") + wayland}};
  }
  const char* x = std::getenv("DISPLAY");
  if (x && *x) {
    // ":0" or ":0.0" is the local socket /tmp/.X11-unix/X0; a host:N display
    // is remote and cannot be checked without connecting.
    const std::string d = x;
    if (d[0] != ':') return {true, {"X11 " + d + "（远程，未检查）", "X11 " + d + " (remote, not checked)"}};
    const std::string number = d.substr(1, d.find('.') - 1);
    if (socket_exists("/tmp/.X11-unix/X" + number)) return {true, {"X11 " + d, "X11 " + d}};
    return {false,
            {"DISPLAY=" + d + " 但没有 /tmp/.X11-unix/X" + number + "：X 服务器没有运行。请在图形会话中运行，或按 docs/KIOSK-SETUP.md 配置 cage",
             "DISPLAY=" + d + " but no /tmp/.X11-unix/X" + number +
                 ": no X server runs. Run from a graphical session, or set up cage as in docs/KIOSK-SETUP.md"}};
  }
  return {false,
          {"没有显示器（DISPLAY 和 WAYLAND_DISPLAY 都未设置）：答题终端需要图形会话，见 docs/KIOSK-SETUP.md",
           "no display (neither DISPLAY nor WAYLAND_DISPLAY is set): the kiosk needs a graphical session, see "
           "docs/KIOSK-SETUP.md"}};
}

Outcome check_font() {
  const machine::FontFile f = machine::find_cjk_font();
  if (!f.path.empty()) return {true, {f.path, f.path}};
  return {false,
          {"没有中文字体：sudo apt-get install fonts-noto-cjk", "no CJK font: sudo apt-get install fonts-noto-cjk"}};
}

Outcome check_writable(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  const std::string probe = dir + "/.doctor-" + std::to_string(getpid());
  bool ok = false;
  if (!ec) {
    std::ofstream out(probe);
    ok = static_cast<bool>(out << "ok") && static_cast<bool>(out.flush());
  }
  fs::remove(probe, ec);
  if (ok) return {true, {dir, dir}};
  return {false,
          {"无法在 " + dir + " 中写入：请检查权限（chown 给运行终端的用户）或用 --data-dir 指定可写目录",
           "cannot write in " + dir + ": fix its owner or permissions, or choose a writable one with --data-dir"}};
}

Outcome check_disk(const std::string& dir) {
  // The nearest existing ancestor, when the directory is not made yet.
  fs::path p = fs::absolute(dir);
  std::error_code ec;
  while (!fs::exists(p, ec) && p.has_parent_path() && p != p.parent_path()) p = p.parent_path();
  struct statvfs st{};
  if (statvfs(p.c_str(), &st) != 0)
    return {false, {"无法读取 " + p.string() + " 的剩余空间", "cannot read the free space of " + p.string()}};
  const std::uintmax_t free = static_cast<std::uintmax_t>(st.f_bavail) * st.f_frsize;
  const std::string mb = std::to_string(free >> 20) + " MB";
  if (free >= kMinFreeBytes) return {true, {"剩余 " + mb, mb + " free"}};
  return {false,
          {"只剩 " + mb + "，至少需要 200 MB：请清理磁盘", "only " + mb + " free, 200 MB needed: free some space"}};
}

Outcome check_sqlite() {
  const std::string version = sqlite3_libversion();
  if (sqlite3_libversion_number() < 3034000)
    return {false,
            {"SQLite " + version + " 太旧，需要 3.34 以上（FTS5 trigram）：请安装 Debian 12 的 libsqlite3-0",
             "SQLite " + version + " is too old, 3.34 or later is needed (FTS5 trigram): install Debian 12's libsqlite3-0"}};
  // Really make a trigram index: the bank's search needs one.
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open(":memory:", &raw);
  const std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
  int hits = 0;
  const char* sql =
      "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='trigram');"
      "INSERT INTO t VALUES('生产经营单位应当具备安全生产条件');"
      "SELECT count(*) FROM t WHERE t MATCH '安全生产';";
  const auto count = [](void* out, int, char** values, char**) {
    *static_cast<int*>(out) = values[0] ? std::atoi(values[0]) : 0;
    return 0;
  };
  char* error = nullptr;
  if (rc != SQLITE_OK || sqlite3_exec(db.get(), sql, count, &hits, &error) != SQLITE_OK || hits != 1) {
    const std::string why = error ? error : "no match";
    sqlite3_free(error);
    return {false,
            {"SQLite " + version + " 不支持 FTS5 trigram（" + why + "）：请安装 Debian 12 的 libsqlite3-0",
             "SQLite " + version + " lacks FTS5 trigram (" + why + "): install Debian 12's libsqlite3-0"}};
  }
  return {true, {"SQLite " + version + "，FTS5 trigram 可用", "SQLite " + version + ", FTS5 trigram works"}};
}

Outcome check_device_key(const std::string& dir) {
  const std::string key = dir + "/device.key";
  struct stat st{};
  if (stat(key.c_str(), &st) != 0)
    return {false,
            {"没有设备密钥 " + key + "：启动一次 ankang-kiosk 会自动生成，然后把 device.pub 交给组织方登记",
             "no device key " + key + ": start ankang-kiosk once to make it, then give device.pub to the organiser"}};
  if (access(key.c_str(), R_OK) != 0)
    return {false, {"无法读取 " + key + "：请检查权限", "cannot read " + key + ": check its permissions"}};
  if (st.st_mode & (S_IRWXG | S_IRWXO))
    return {false,
            {key + " 其他用户可读：chmod 600 " + key, key + " is readable by other users: chmod 600 " + key}};
  return {true, {key, key}};
}

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (civil calendar).
long days_of(std::string_view date) {
  const int y = std::atoi(std::string(date.substr(0, 4)).c_str());
  const unsigned m = static_cast<unsigned>(std::atoi(std::string(date.substr(5, 2)).c_str()));
  const unsigned d = static_cast<unsigned>(std::atoi(std::string(date.substr(8, 2)).c_str()));
  using namespace std::chrono;
  return sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count();
}

Outcome check_clock() {
  using namespace std::chrono;
  const auto today = floor<days>(system_clock::now());
  const year_month_day ymd{today};
  char now_text[16];
  std::snprintf(now_text, sizeof now_text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  const std::string now = now_text;
  const long built = days_of(build_info().date);
  const long day = today.time_since_epoch().count();
  const Text fix{"系统时间 " + now + " 不对：成绩包和排行榜按日期记录，请校准时钟（timedatectl set-time 或 set-ntp）",
                 "the system date " + now +
                     " is wrong: score bundles and leaderboards are dated; set the clock (timedatectl set-time or "
                     "set-ntp)"};
  if (static_cast<int>(ymd.year()) < 2024 || day < built - 1 || day > built + 5 * 366) return {false, fix};
  return {true, {now, now}};
}

Outcome check_settings() {
  const std::string file = machine::settings_file();
  try {
    const auto settings = machine::read_settings();
    if (settings.empty()) return {true, {"无（" + file + "）", "none (" + file + ")"}};
    return {true, {file, file}};
  } catch (const std::exception& e) {
    return {false, {std::string(e.what()) + "：请改正这一行", std::string(e.what()) + ": correct that line"}};
  }
}

// The installed shared data: next to the program (../share/ankang), the
// compiled-in prefix, or the source tree of a build.
Outcome check_shared_data() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (const fs::path& dir : {exe.parent_path().parent_path() / "share/ankang", fs::path(ANKANG_INSTALL_DATADIR),
                              fs::path(ANKANG_SOURCE_DATADIR)}) {
    if (fs::exists(dir / "contests/team.json", ec)) return {true, {dir.string(), dir.string()}};
  }
  return {false,
          {"找不到示例比赛（share/ankang/contests）：请重新安装 ankang 软件包",
           "the example contests (share/ankang/contests) are missing: reinstall the ankang package"}};
}

}  // namespace

void add_doctor_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("doctor", "Check this machine for a kiosk: display, font, data, disk, SQLite, key, clock");
  // The kiosk's own default: its settings file's data-dir, else the XDG one
  // (a bad settings file is reported by its check below).
  std::string configured = machine::default_data_dir();
  try {
    configured = machine::configured_data_dir();
  } catch (const std::exception&) {
    // keep the XDG default; check_settings names the bad line
  }
  auto data_dir = std::make_shared<std::string>(configured);
  cmd->add_option("--data-dir", *data_dir, "The kiosk's data directory")->capture_default_str();
  cmd->callback([data_dir] {
    const bool zh = locale_is_chinese();
    const std::string& dir = *data_dir;
    const struct {
      Text name;
      std::function<Outcome()> run;
    } checks[] = {
        {{"终端设置", "kiosk settings"}, check_settings},
        {{"显示器", "display"}, check_display},
        {{"中文字体", "CJK font"}, check_font},
        {{"数据目录可写", "data directory writable"}, [&] { return check_writable(dir); }},
        {{"磁盘空间", "disk space"}, [&] { return check_disk(dir); }},
        {{"SQLite 与全文检索", "SQLite and full-text search"}, check_sqlite},
        {{"设备密钥", "device key"}, [&] { return check_device_key(dir); }},
        {{"系统时钟", "clock"}, check_clock},
        {{"共享数据", "shared data"}, check_shared_data},
    };
    int failed = 0;
    for (const auto& c : checks) {
      const Outcome o = c.run();
      if (!o.ok) ++failed;
      std::printf("[%s] %s: %s\n", o.ok ? "OK" : (zh ? "失败" : "FAIL"), localized(c.name).c_str(),
                  localized(o.detail).c_str());
    }
    if (failed > 0) {
      std::printf(zh ? "%d 项检查未通过。\n" : "%d check(s) failed.\n", failed);
      throw CLI::RuntimeError(1);
    }
    std::printf(zh ? "全部检查通过。\n" : "All checks passed.\n");
  });
}

}  // namespace ankang::cli
