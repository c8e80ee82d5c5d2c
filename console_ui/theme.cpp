#include "console_ui/theme.h"

#include <imgui.h>

#include "ui/theme.h"

namespace ankang::console_ui {

void apply_console_theme(float s) {
  ImGuiStyle& st = ImGui::GetStyle();
  st = ImGuiStyle();
  ImGui::StyleColorsLight(&st);
  st.WindowPadding = ImVec2(24 * s, 18 * s);
  st.FramePadding = ImVec2(12 * s, 8 * s);
  st.ItemSpacing = ImVec2(12 * s, 10 * s);
  st.CellPadding = ImVec2(10 * s, 6 * s);
  st.ScrollbarSize = 18 * s;
  st.FrameRounding = 4 * s;
  st.WindowRounding = 0;
  st.WindowBorderSize = 0;
  st.FrameBorderSize = 1;
  auto c = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
  st.Colors[ImGuiCol_WindowBg] = c(ui::color::background);
  st.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  st.Colors[ImGuiCol_PopupBg] = c(ui::color::card);
  st.Colors[ImGuiCol_Text] = c(ui::color::text);
  st.Colors[ImGuiCol_TextDisabled] = c(ui::color::muted);
  st.Colors[ImGuiCol_Border] = c(ui::color::border);
  st.Colors[ImGuiCol_FrameBg] = c(ui::color::card);
  st.Colors[ImGuiCol_Button] = c(IM_COL32(229, 231, 235, 255));
  st.Colors[ImGuiCol_ButtonHovered] = c(IM_COL32(209, 213, 219, 255));
  st.Colors[ImGuiCol_ButtonActive] = c(IM_COL32(156, 163, 175, 255));
  st.Colors[ImGuiCol_Header] = c(IM_COL32(219, 234, 254, 255));
  st.Colors[ImGuiCol_HeaderHovered] = c(IM_COL32(191, 219, 254, 255));
  st.Colors[ImGuiCol_HeaderActive] = c(IM_COL32(147, 197, 253, 255));
  st.Colors[ImGuiCol_TableHeaderBg] = c(IM_COL32(229, 231, 235, 255));
  st.Colors[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0);
  st.Colors[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  st.Colors[ImGuiCol_TableBorderLight] = c(IM_COL32(209, 213, 219, 255));
  st.Colors[ImGuiCol_PlotHistogram] = c(ui::color::primary);
  st.Colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.1f, 0.1f, 0.45f);
}

}  // namespace ankang::console_ui
