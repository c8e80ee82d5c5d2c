#include "console_ui/shell.h"

#include <imgui.h>

#include "console_ui/fonts.h"
#include "console_ui/text.h"
#include "console_ui/widgets.h"
#include "ui/theme.h"

namespace ankang::console_ui {

const char* page_title(PageId page) {
  switch (page) {
    case PageId::home: return tr("首页", "Home");
    case PageId::bank: return tr("题库", "Question bank");
    case PageId::enterprises: return tr("参赛企业", "Enterprises");
    case PageId::contest: return tr("竞赛包", "Contest package");
    case PageId::collect: return tr("收集成绩", "Collect scores");
    case PageId::results: return tr("成绩", "Results");
    case PageId::reports: return tr("报表", "Reports");
    case PageId::rollup: return tr("城市汇总", "City roll-up");
  }
  return "";
}

namespace {

float status_height() { return ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y; }

void sidebar(const ShellView& view, ShellIntent& intent) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = ImGui::GetFontSize() * 10;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::color::band);
  ImGui::BeginChild("sidebar", ImVec2(width, vp->Size.y - status_height()), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushStyleColor(ImGuiCol_Text, ui::color::band_text);
  ImGui::Dummy(ImVec2(0, ImGui::GetStyle().WindowPadding.y));
  ImGui::Indent(ImGui::GetStyle().WindowPadding.x);
  ImGui::PushFont(console_fonts().heading);
  ImGui::TextUnformatted(tr("安康杯", "Ankang Cup"));
  ImGui::PopFont();
  ImGui::TextUnformatted(tr("组织单位工作台", "Organiser console"));
  ImGui::Unindent(ImGui::GetStyle().WindowPadding.x);
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  ImGui::PushStyleColor(ImGuiCol_Header, IM_COL32(255, 255, 255, 60));
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, IM_COL32(255, 255, 255, 40));
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, IM_COL32(255, 255, 255, 80));
  for (int i = 0; i < kPageCount; ++i) {
    const auto page = static_cast<PageId>(i);
    const char* title = page_title(page);
    // The title at one indent for every page, whatever its length.
    ImGui::PushID(i);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFontSize() * 2.2f;
    const bool pressed = ImGui::Selectable("##page", view.page == page, 0, ImVec2(width, h));
    note_item(title);
    ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + ImGui::GetStyle().WindowPadding.x, at.y + (h - ImGui::GetFontSize()) / 2),
                                        ui::color::band_text, title);
    ImGui::PopID();
    if (pressed) intent.go = page;
  }
  ImGui::PopStyleColor(3);
  ImGui::SetCursorPosY(vp->Size.y - status_height() - ImGui::GetFrameHeightWithSpacing() * 1.6f);
  ImGui::Indent(ImGui::GetStyle().WindowPadding.x);
  ImGui::PopStyleColor();  // white text
  // Named in the other language, so whoever cannot read this one finds it.
  if (button(language() == Lang::zh ? shown("English") : shown("中文"))) intent.switch_language = true;
  ImGui::Unindent(ImGui::GetStyle().WindowPadding.x);
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace

ShellIntent begin_shell(const ShellView& view) {
  frame_items().clear();
  recorded_texts().clear();
  ShellIntent intent;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("console", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();
  sidebar(view, intent);
  ImGui::SameLine(0, 0);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetFontSize() * 1.5f, ImGui::GetFontSize()));
  ImGui::BeginChild("page", ImVec2(0, vp->Size.y - status_height()), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  return intent;
}

void end_shell(const ShellView& view) {
  ImGui::EndChild();
  // The status line: where the files are, and the last outcome.
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(229, 231, 235, 255));
  ImGui::BeginChild("status", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetCursorPos(ImVec2(ImGui::GetFontSize(), ImGui::GetStyle().WindowPadding.y * 0.6f));
  ImGui::PushStyleColor(ImGuiCol_Text, view.status_ok ? ui::color::text : ui::color::wrong);
  ImGui::TextUnformatted(view.status.empty() ? tr("就绪", "Ready") : shown(view.status));
  ImGui::PopStyleColor();
  const std::string where = std::string(tr("工作文件夹：", "Workspace: ")) + view.workspace;
  ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(shown(where)).x - ImGui::GetFontSize());
  ImGui::PushStyleColor(ImGuiCol_Text, ui::color::muted);
  ImGui::TextUnformatted(where.c_str());
  ImGui::PopStyleColor();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::End();

  // While a job runs nothing else can be pressed: a modal window shows
  // what it does and how far it got.
  // A job of a moment (reading a list) shows nothing: the window would only flash.
  if (view.busy && view.busy->seconds > 0.3 && !ImGui::IsPopupOpen("busy")) ImGui::OpenPopup("busy");
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 24, 0));
  if (ImGui::BeginPopupModal("busy", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize)) {
    if (!view.busy) {
      ImGui::CloseCurrentPopup();
    } else {
      ImGui::TextUnformatted(shown(view.busy->label));
      const float f = view.busy->total ? static_cast<float>(view.busy->done) / static_cast<float>(view.busy->total) : 0.0f;
      const std::string count = view.busy->total ? std::to_string(view.busy->done) + " / " + std::to_string(view.busy->total)
                                                 : std::string(tr("请稍候……", "Please wait…"));
      ImGui::ProgressBar(view.busy->total ? f : -1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(-1, 0), shown(count));
    }
    ImGui::EndPopup();
  }
}

}  // namespace ankang::console_ui
