#include "kiosk/options.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace ankang::kiosk {

namespace {

const char* kUsage =
    "用法 / usage: ankang-kiosk [选项 / options]\n"
    "  --windowed            窗口模式（开发用） / run in a window (development)\n"
    "  --size WxH            窗口或截图大小 / window or screenshot size (default 1920x1080)\n"
    "  --data-dir DIR        数据目录 / data directory (default ~/.local/share/ankang)\n"
    "  --screenshot FILE.png 用演示数据绘制一个界面并保存 / render one screen with demo data and exit\n"
    "  --screen NAME         attract, sign_in, mode, question, ordering, matching, hotspot,\n"
    "                        feedback, result, host, admin (default attract)\n"
    "  --export-bundle DIR   导出成绩包到文件夹后退出 / export a score bundle to DIR and exit\n"
    "  --first-frame-exit    显示第一帧后退出（基准测试） / exit after the first frame (benchmarks)\n";

}  // namespace

std::string default_data_dir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/ankang";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/ankang";
  return "ankang-data";
}

std::optional<Options> parse_options(int argc, char** argv, int& exit_code) {
  Options o;
  o.data_dir = default_data_dir();
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s 需要一个值 / %s needs a value\n", name, name);
        return nullptr;
      }
      return argv[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      exit_code = 0;
      return std::nullopt;
    } else if (a == "--windowed") {
      o.windowed = true;
    } else if (a == "--first-frame-exit") {
      o.first_frame_exit = true;
    } else if (a == "--data-dir" || a == "--screenshot" || a == "--screen" || a == "--size" ||
               a == "--export-bundle") {
      const char* v = value(argv[i]);
      if (!v) {
        exit_code = 2;
        return std::nullopt;
      }
      if (a == "--data-dir") o.data_dir = v;
      if (a == "--screenshot") o.screenshot = v;
      if (a == "--screen") o.screen = v;
      if (a == "--export-bundle") o.export_bundle = v;
      if (a == "--size" && (std::sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 320 || o.height < 240)) {
        std::fprintf(stderr, "--size 格式应为 宽x高，例如 1366x768 / --size must be WxH, e.g. 1366x768: %s\n", v);
        exit_code = 2;
        return std::nullopt;
      }
    } else {
      std::fprintf(stderr, "未知选项 / unknown option: %s\n%s", argv[i], kUsage);
      exit_code = 2;
      return std::nullopt;
    }
  }
  return o;
}

}  // namespace ankang::kiosk
