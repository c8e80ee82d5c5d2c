#include "kiosk/screenshot.h"

#include <imgui.h>

#include <cstdio>

#include "kiosk/demo.h"
#include "machine/font_lookup.h"
#include "window/platform.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace ankang::kiosk {

int render_screenshot(const Options& options) {
  bool known = false;
  for (const auto& n : demo_screen_names()) known = known || n == options.screen;
  if (!known) {
    std::fprintf(stderr, "未知界面 / unknown screen: %s\n", options.screen.c_str());
    return 2;
  }
  window::Platform platform({.width = options.width, .height = options.height});
  const machine::FontFile font = machine::find_cjk_font();
  const float body = ui::body_px(static_cast<float>(platform.height()), 1.0f);
  ui::build_fonts(*ImGui::GetIO().Fonts, font.path, font.index, body, demo_texts(), demo_texts());
  platform.reload_fonts();
  ui::apply_theme(static_cast<float>(platform.height()) / 1080.0f);
  window::Texture picture = window::make_texture(demo_picture_png());

  // ImGui lays out child windows and disabled states over two frames: render
  // a few and keep the last.
  for (int frame = 0; frame < 4; ++frame) {
    platform.new_frame();
    ui::Intents ignored;
    draw_demo_screen(options.screen, picture.id, ignored);
    platform.render();
    if (frame == 3 && !platform.save_png(options.screenshot)) {
      std::fprintf(stderr, "无法写入 / cannot write %s\n", options.screenshot.c_str());
      free_texture(picture);
      return 1;
    }
    platform.present();
  }
  free_texture(picture);
  return 0;
}

}  // namespace ankang::kiosk
