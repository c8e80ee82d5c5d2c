// The kiosk's high-contrast theme and its fonts.
#pragma once

#include <imgui.h>

namespace ankang::ui {

namespace color {
inline constexpr ImU32 background = IM_COL32(244, 246, 248, 255);
inline constexpr ImU32 text = IM_COL32(17, 24, 39, 255);
inline constexpr ImU32 muted = IM_COL32(75, 85, 99, 255);
inline constexpr ImU32 band = IM_COL32(0, 96, 57, 255);        // safety green
inline constexpr ImU32 band_text = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 primary = IM_COL32(11, 83, 163, 255);   // deep blue
inline constexpr ImU32 primary_hover = IM_COL32(22, 101, 192, 255);
inline constexpr ImU32 card = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 border = IM_COL32(156, 163, 175, 255);
inline constexpr ImU32 selected = IM_COL32(254, 240, 138, 255);  // yellow highlight
inline constexpr ImU32 right = IM_COL32(21, 128, 61, 255);
inline constexpr ImU32 wrong = IM_COL32(185, 28, 28, 255);
inline constexpr ImU32 accent = IM_COL32(234, 179, 8, 255);
}  // namespace color

// The fonts every screen uses, sized for the window.
struct Fonts {
  ImFont* body = nullptr;   // >= 28 px at 1080p
  ImFont* large = nullptr;  // headings, option text
  ImFont* title = nullptr;  // titles
  ImFont* digits = nullptr; // the score: digits only, so the huge size costs little
};
Fonts& fonts();

// Sizes in pixels for a window height and a user font scale (1.0 = 100 %).
float body_px(float window_height, float font_scale);

void apply_theme(float ui_scale);

}  // namespace ankang::ui
