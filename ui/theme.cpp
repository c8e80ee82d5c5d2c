#include "ui/theme.h"

#include <algorithm>

namespace ankang::ui {

Fonts& fonts() {
  static Fonts f;
  return f;
}

float body_px(float window_height, float font_scale) {
  // 36 px at 1080p: question texts are in this font, well above the 28 px floor.
  return std::max(16.0f, 36.0f * window_height / 1080.0f * font_scale);
}

void apply_theme(float ui_scale) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  ImGui::StyleColorsLight(&s);
  s.WindowRounding = 0;
  s.WindowBorderSize = 0;
  s.FrameRounding = 12;
  s.FrameBorderSize = 2;
  s.GrabRounding = 12;
  s.ScrollbarSize = 36;
  s.ScrollbarRounding = 12;
  s.FramePadding = ImVec2(18, 14);
  s.ItemSpacing = ImVec2(20, 18);
  s.WindowPadding = ImVec2(40, 30);
  s.TouchExtraPadding = ImVec2(4, 4);
  s.ScaleAllSizes(ui_scale);

  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(color::background);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(color::text);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(color::muted);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(color::border);
  c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(color::card);
  c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(color::primary);
  c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(color::primary_hover);
  c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(color::band);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0.9f, 0.9f, 0.9f, 1);
  c[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(color::border);
}

}  // namespace ankang::ui
