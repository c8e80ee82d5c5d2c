#include "console_ui/widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>

#include "console_ui/fonts.h"
#include "console_ui/text.h"
#include "ui/theme.h"

namespace ankang::console_ui {

std::vector<Item>& frame_items() {
  static std::vector<Item> items;
  return items;
}

void note_item(const char* label, bool enabled) {
  frame_items().push_back({label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), enabled});
}

bool button(const char* label, Tone tone, bool enabled) {
  int colours = 0;
  if (tone != Tone::normal) {
    const ImU32 fill = tone == Tone::primary ? ui::color::primary : ui::color::wrong;
    ImGui::PushStyleColor(ImGuiCol_Button, fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, tone == Tone::primary ? ui::color::primary_hover : IM_COL32(220, 38, 38, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, fill);
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color::band_text);
    colours = 4;
  }
  if (!enabled) ImGui::BeginDisabled();
  const bool pressed = ImGui::Button(label);
  if (!enabled) ImGui::EndDisabled();
  ImGui::PopStyleColor(colours);
  note_item(label, enabled);
  return pressed && enabled;
}

bool choice(const char* label, bool selected, float width) {
  const bool pressed = ImGui::Selectable(label, selected, 0, ImVec2(width, 0));
  note_item(label);
  return pressed;
}

std::optional<int> year_choices(const std::vector<int>& years, int selected, float indent) {
  std::optional<int> chosen;
  for (std::size_t i = 0; i < years.size(); ++i) {
    ImGui::SameLine(i == 0 ? indent : 0);
    const std::string label = language() == Lang::zh ? std::to_string(years[i]) + " 年" : std::to_string(years[i]);
    const float w = ImGui::CalcTextSize(shown(label)).x + 4 * ImGui::GetStyle().FramePadding.x;
    if (choice(label.c_str(), years[i] == selected, w)) chosen = years[i];
  }
  return chosen;
}

void heading(const char* text) {
  ImGui::PushFont(console_fonts().heading);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  ImGui::Spacing();
}

void hint(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ui::color::muted);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void paragraph(const char* text) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
}

void outcome(bool ok, const char* text) {
  const ImU32 fill = ok ? IM_COL32(220, 252, 231, 255) : IM_COL32(254, 226, 226, 255);
  const ImU32 ink = ok ? ui::color::right : ui::color::wrong;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, fill);
  ImGui::PushStyleColor(ImGuiCol_Text, ink);
  const float pad = ImGui::GetStyle().FramePadding.y;
  const float wrap = ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().WindowPadding.x;
  const float h = ImGui::CalcTextSize(text, nullptr, false, wrap).y + 4 * pad;
  ImGui::BeginChild(ImGui::GetID(text), ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + pad);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
}

bool results_placeholder(bool loading, const Text& error, bool empty, const char* empty_text, bool& go_collect) {
  if (loading) {
    hint(tr("正在读取成绩……", "Reading the results…"));
    return true;
  }
  if (!error.zh.empty()) {
    outcome(false, tr(error));
    return true;
  }
  if (!empty) return false;
  paragraph(empty_text);
  ImGui::Spacing();
  if (button(tr("去收集成绩", "Collect scores"), Tone::primary)) go_collect = true;
  return true;
}

void figure(const char* label, const std::string& value) {
  ImGui::BeginGroup();
  ImGui::PushFont(console_fonts().heading);
  ImGui::TextUnformatted(shown(value));
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, ui::color::muted);
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::EndGroup();
}

bool text_field(const char* id, const char* hint_text, std::string& value, float width) {
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputTextWithHint(id, hint_text, &value);
  shown(value);
  note_item(id);
  return changed;
}

float table_height(std::size_t rows) {
  const float row = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y + 1;
  return std::min(ImGui::GetContentRegionAvail().y, row * (static_cast<float>(rows) + 1.0f) + 6);
}

void problems_table(const char* id, const std::vector<ProblemRow>& rows, float height) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable(id, 3, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("位置（行:列）", "Where (line:column)"), ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("00000:00").x * 1.6f);
  ImGui::TableSetupColumn(tr("字段", "Field"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
  ImGui::TableSetupColumn(tr("问题", "Problem"));
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& r = rows[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.where.empty() ? tr("整个文件", "whole file") : shown(r.where));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(r.field));
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(shown(r.message));
      ImGui::PopTextWrapPos();
    }
  ImGui::EndTable();
}

void bar_chart(const char* id, const std::vector<Bar>& bars, float width) {
  ImGui::PushID(id);
  double top = 0;
  float label_w = 0;
  for (const auto& b : bars) {
    top = std::max(top, b.value);
    label_w = std::max(label_w, ImGui::CalcTextSize(shown(b.label)).x);
  }
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float bar_w = std::max(40.0f, width - label_w - ImGui::CalcTextSize("000000.0").x - 3 * ImGui::GetStyle().ItemSpacing.x);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const auto& b : bars) {
    ImGui::TextUnformatted(b.label.c_str());
    ImGui::SameLine(label_w + ImGui::GetStyle().ItemSpacing.x + ImGui::GetCursorStartPos().x);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = top > 0 ? static_cast<float>(b.value / top) * bar_w : 0;
    dl->AddRectFilled(ImVec2(p.x, p.y + line * 0.12f), ImVec2(p.x + w, p.y + line * 0.82f), ui::color::primary);
    ImGui::Dummy(ImVec2(bar_w, line * 0.82f));
    ImGui::SameLine();
    ImGui::TextUnformatted(shown(b.value_text));
  }
  ImGui::PopID();
}

}  // namespace ankang::console_ui
