#include "kiosk/options.h"

#include <SDL.h>
#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string_view>
#include <vector>

#include "machine/version.h"

namespace ankang::kiosk {

namespace {

const char* kUsage =
    "用法 / usage: ankang-kiosk [选项 / options]\n"
    "  --windowed            窗口模式（开发用） / run in a window (development)\n"
    "  --size WxH            窗口或截图大小 / window or screenshot size (default 1920x1080)\n"
    "  --data-dir DIR        数据目录 / data directory (default $XDG_DATA_HOME/ankang,\n"
    "                        i.e. ~/.local/share/ankang); one kiosk per directory\n"
    "  --screenshot FILE.png 用演示数据绘制一个界面并保存 / render one screen with demo data and exit\n"
    "  --screen NAME         attract, sign_in, mode, question, ordering, matching, hotspot,\n"
    "                        fill_blank, feedback, result, leaderboard, host, host_risk,\n"
    "                        host_speed, admin, idle_prompt (default attract)\n"
    "  --export-bundle DIR   导出成绩包到文件夹后退出 / export a score bundle to DIR and exit\n"
    "  --load-folder DIR     从文件夹加载竞赛包或题库后退出 / load DIR's contest package or question files and exit\n"
    "  --first-frame-exit    显示第一帧后退出（基准测试） / exit after the first frame (benchmarks)\n"
    "  --version             版本与库版本 / print the version and library versions\n"
    "设置文件 / settings: $XDG_CONFIG_HOME/ankang/kiosk.conf (~/.config/ankang/kiosk.conf):\n"
    "  data-dir = DIR, size = WxH, windowed; the command line wins\n";

std::string kiosk_version() {
  SDL_version linked{};
  SDL_GetVersion(&linked);
  const auto v = [](const SDL_version& s) {
    return std::to_string(s.major) + "." + std::to_string(s.minor) + "." + std::to_string(s.patch);
  };
  return version_text("ankang-kiosk", {{"SDL2", v(linked)}, {"Dear ImGui", IMGUI_VERSION}});
}

// One word of the command line, or of a config file line ("FILE:LINE: ").
struct Arg {
  std::string text;
  std::string where;
};

}  // namespace

std::optional<Options> parse_options(int argc, char** argv, int& exit_code) {
  Options o;
  o.data_dir = machine::default_data_dir();
  // The settings file first: the command line comes after it and wins.
  std::vector<Arg> args;
  try {
    for (const machine::Setting& s : machine::read_settings()) {
      args.push_back({"--" + s.key, s.where});
      if (!s.value.empty()) args.push_back({s.value, s.where});
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    exit_code = 2;
    return std::nullopt;
  }
  for (int i = 1; i < argc; ++i) args.push_back({argv[i], ""});
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i].text;
    const char* where = args[i].where.c_str();
    auto value = [&]() -> const char* {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "%s%s 需要一个值 / %s needs a value\n", where, args[i].text.c_str(), args[i].text.c_str());
        return nullptr;
      }
      return args[++i].text.c_str();
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      exit_code = 0;
      return std::nullopt;
    } else if (a == "--version") {
      std::fputs(kiosk_version().c_str(), stdout);
      exit_code = 0;
      return std::nullopt;
    } else if (a == "--windowed") {
      o.windowed = true;
    } else if (a == "--first-frame-exit") {
      o.first_frame_exit = true;
    } else if (a == "--data-dir" || a == "--screenshot" || a == "--screen" || a == "--size" ||
               a == "--export-bundle" || a == "--load-folder") {
      const char* v = value();
      if (!v) {
        exit_code = 2;
        return std::nullopt;
      }
      if (a == "--data-dir") o.data_dir = v;
      if (a == "--screenshot") o.screenshot = v;
      if (a == "--screen") o.screen = v;
      if (a == "--export-bundle") o.export_bundle = v;
      if (a == "--load-folder") o.load_folder = v;
      if (a == "--size" && (std::sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 320 || o.height < 240)) {
        std::fprintf(stderr, "%s--size 格式应为 宽x高，例如 1366x768 / --size must be WxH, e.g. 1366x768: %s\n", where, v);
        exit_code = 2;
        return std::nullopt;
      }
    } else {
      std::fprintf(stderr, "未知选项 / unknown option: %s\n%s", args[i].text.c_str(), kUsage);
      exit_code = 2;
      return std::nullopt;
    }
  }
  if (o.screenshot.empty() && o.export_bundle.empty()) {
    try {
      o.lock = std::make_shared<const machine::DataDirLock>(o.data_dir);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ankang-kiosk: %s\n", e.what());
      exit_code = 1;
      return std::nullopt;
    }
  }
  return o;
}

}  // namespace ankang::kiosk
