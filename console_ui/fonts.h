// The console's two fonts: body text and headings, holding ASCII and the
// texts given (Glyphs::take_all()).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace ankang::console_ui {

struct ConsoleFonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
};
ConsoleFonts& console_fonts();

// Body size in pixels for a window height: 20 px at 1080 lines.
float body_px(float window_height);

// Builds both fonts into the atlas; false when the font file cannot be read
// (ImGui's default font is used, English glyphs only).
bool build_console_fonts(ImFontAtlas& atlas, const std::string& font_file, int face_index, float body,
                         const std::vector<std::string>& texts);

}  // namespace ankang::console_ui
