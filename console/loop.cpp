#include "console/loop.h"

#include <imgui.h>
#include <backends/imgui_impl_sdl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "console/app.h"
#include "console_ui/fonts.h"
#include "console_ui/text.h"
#include "console_ui/theme.h"
#include "console_ui/widgets.h"
#include "machine/font_lookup.h"
#include "window/platform.h"

namespace ankang::console {

namespace {

using window::Platform;

void build_atlas(Platform& platform, const machine::FontFile& font) {
  const auto h = static_cast<float>(platform.height());
  if (!console_ui::build_console_fonts(*ImGui::GetIO().Fonts, font.path, font.index, console_ui::body_px(h),
                                       console_ui::Glyphs::instance().take_all()))
    std::fprintf(stderr, "ankang-console: 找不到中文字体 / no CJK font found (install fonts-noto-cjk)\n");
  platform.reload_fonts();
  console_ui::apply_console_theme(h / 1080.0f);
  // The page is cleared to the background colour and the full-window window
  // left see-through: a software GL then blends no full-screen rectangle.
  ImVec4& bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  platform.set_clear_color(bg.x, bg.y, bg.z);
  bg.w = 0;
}

// A frame; when it drew a text the atlas lacks, the atlas grows and the
// frame is drawn again (what it asked for is done once, in the first pass).
void draw_frame(App& app, Platform& platform, const machine::FontFile& font) {
  for (int pass = 0;; ++pass) {
    platform.new_frame();
    app.frame();
    if (!console_ui::Glyphs::instance().missing() || pass == 2) break;
    ImGui::EndFrame();
    build_atlas(platform, font);
  }
  platform.render();
}

// ANKANG_CONSOLE_ITEMS=FILE: after each frame, the pressable items and
// where they are ("x y label" per line), so an end-to-end test can move the
// real X pointer onto a button by its label. Written whole, then renamed.
void write_items(const char* file, bool busy) {
  const std::string tmp = std::string(file) + ".tmp";
  if (std::FILE* f = std::fopen(tmp.c_str(), "w")) {
    if (busy) std::fputs("0 0 @busy\n", f);
    for (const auto& item : console_ui::frame_items())
      if (item.enabled)
        std::fprintf(f, "%d %d %s\n", static_cast<int>(item.center().x), static_cast<int>(item.center().y), item.label.c_str());
    std::fclose(f);
    std::rename(tmp.c_str(), file);
  }
}

// Draws the page until its jobs are done, then `frames` more, and prints the
// median and 99th percentile of the UI's CPU time per frame (ImGui calls and
// draw lists) and of the whole frame (with GL rendering and the swap).
int print_frame_stats(App& app, Platform& platform, const machine::FontFile& font, int frames) {
  for (int i = 0; i < 100000 && (app.busy() || i < 5); ++i) {
    app.poll();
    draw_frame(app, platform, font);
    platform.present();
    if (app.busy()) SDL_Delay(2);
  }
  app.poll();
  using Clock = std::chrono::steady_clock;
  std::vector<double> ui, whole;
  for (int i = 0; i < frames; ++i) {
    const auto t0 = Clock::now();
    platform.new_frame();
    app.frame();
    ImGui::Render();
    const auto t1 = Clock::now();
    platform.draw();
    platform.present();
    const auto t2 = Clock::now();
    ui.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    whole.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
  }
  auto pct = [](std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
  };
  std::printf("frames %d ui_p50_ms %.3f ui_p99_ms %.3f frame_p50_ms %.3f frame_p99_ms %.3f\n", frames, pct(ui, 0.5),
              pct(ui, 0.99), pct(whole, 0.5), pct(whole, 0.99));
  return 0;
}

}  // namespace

int run_console(const Options& options) {
  Workspace workspace(options.workspace);
  Platform platform({.title = "安康杯 组织单位工作台",
                     .fullscreen = options.fullscreen,
                     .width = options.width,
                     .height = options.height,
                     .resizable = true,
                     .audio_and_controllers = false});
  if (options.english) console_ui::set_language(console_ui::Lang::en);
  const machine::FontFile font = machine::find_cjk_font();
  build_atlas(platform, font);
  int atlas_height = platform.height();
  App app(workspace);
  if (options.page) app.go(*options.page);

  if (options.frame_stats > 0) return print_frame_stats(app, platform, font, options.frame_stats);
  if (!options.screenshot.empty()) {
    // Every job the page starts finishes before the picture is taken.
    for (int i = 0; i < 2000; ++i) {
      const bool applied = app.poll();
      draw_frame(app, platform, font);
      if (i > 4 && !app.busy() && !applied) break;
      if (app.busy()) SDL_Delay(5);
    }
    return platform.save_png(options.screenshot) ? 0 : 1;
  }

  const char* items_file = std::getenv("ANKANG_CONSOLE_ITEMS");
  draw_frame(app, platform, font);
  platform.present();
  if (items_file) write_items(items_file, app.busy());
  // Benchmarks and tests wait for this line.
  std::printf("first-frame\n");
  std::fflush(stdout);
  if (options.first_frame_exit) return 0;
  int settle = 2;  // ImGui shows hover and press states a frame after the input
  for (bool running = true; running;) {
    SDL_Event e;
    const int timeout = app.busy() ? 50 : (settle > 0 ? 0 : 1000);
    bool input = SDL_WaitEventTimeout(&e, timeout) != 0;
    while (input) {
      ImGui_ImplSDL2_ProcessEvent(&e);
      if (e.type == SDL_QUIT) running = false;
      // ImGui 1.86 reads the mouse and keys once a frame: a press and its
      // release in one batch (a quick tap, xdotool) would be one frame and
      // no click. Each transition gets a frame of its own.
      if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP || e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) {
        draw_frame(app, platform, font);
        platform.present();
      }
      input = SDL_PollEvent(&e) != 0;
      settle = 2;
    }
    const bool applied = app.poll();
    if (platform.height() != atlas_height) {
      build_atlas(platform, font);
      atlas_height = platform.height();
    }
    if (settle > 0 || applied || app.busy()) {
      draw_frame(app, platform, font);
      platform.present();
      if (items_file) write_items(items_file, app.busy());
      if (settle > 0) --settle;
    }
  }
  return 0;
}

}  // namespace ankang::console
