#include "console_ui/screen_browser.h"

#include <imgui.h>

#include "console_ui/text.h"
#include "console_ui/widgets.h"

namespace ankang::console_ui {

BrowserIntent browser_screen(const BrowserView& view) {
  BrowserIntent intent;
  using K = BrowserIntent::Kind;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.1f, vp->Pos.y + vp->Size.y * 0.08f));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x * 0.8f, vp->Size.y * 0.84f));
  if (!ImGui::IsPopupOpen("browser")) ImGui::OpenPopup("browser");
  if (!ImGui::BeginPopupModal("browser", nullptr, ImGuiWindowFlags_NoDecoration)) return intent;
  heading(shown(view.title));
  const float line = ImGui::GetFrameHeightWithSpacing();
  const float list_h = ImGui::GetContentRegionAvail().y - 3.2f * line;

  ImGui::BeginChild("places", ImVec2(ImGui::GetFontSize() * 14, list_h), true);
  hint(tr("位置", "Places"));
  for (std::size_t i = 0; i < view.places.size(); ++i) {
    const auto& p = view.places[i];
    const std::string label = std::string(p.removable ? tr("U盘 ", "USB ") : "") + p.label;
    if (choice(shown(label), view.dir == p.path)) intent = {K::place, static_cast<int>(i)};
  }
  if (view.places.empty() || !view.places.back().removable) hint(tr("没有插入 U 盘", "No USB stick"));
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginChild("entries", ImVec2(0, list_h), true);
  ImGui::TextUnformatted(shown(view.dir));
  ImGui::SameLine();
  if (button(tr("上一级", "Up"))) intent = {K::up, -1};
  ImGui::Separator();
  if (!view.error.empty()) outcome(false, shown(view.error));
  if (view.entries.empty() && view.error.empty())
    hint(view.pick_folder ? tr("这个文件夹里没有子文件夹", "No folders here")
                          : tr("这里没有可以打开的文件", "No file here that can be opened"));
  for (std::size_t i = 0; i < view.entries.size(); ++i) {
    const auto& e = view.entries[i];
    const std::string label = (e.is_dir ? std::string("▸ ") : std::string("  ")) + e.name;
    ImGui::PushID(static_cast<int>(i));
    const bool pressed = ImGui::Selectable(shown(label), view.selected == static_cast<int>(i),
                                           ImGuiSelectableFlags_AllowDoubleClick);
    note_item(e.name.c_str());  // found by its name
    ImGui::PopID();
    if (pressed) {
      if (e.is_dir) intent = {K::open, static_cast<int>(i)};
      else if (ImGui::IsMouseDoubleClicked(0)) intent = {K::pick, static_cast<int>(i)};
      else intent = {K::select, static_cast<int>(i)};
    }
  }
  ImGui::EndChild();

  if (view.pick_folder) {
    if (button(tr("选择这个文件夹", "Choose this folder"), Tone::primary)) intent = {K::pick, -1};
  } else {
    const bool chosen = view.selected >= 0;
    if (button(tr("打开所选文件", "Open the chosen file"), Tone::primary, chosen)) intent = {K::pick, view.selected};
    if (!chosen) {
      ImGui::SameLine();
      hint(tr("单击选择文件，双击直接打开", "Click a file to choose it, double-click to open it"));
    }
  }
  ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::GetFontSize() * 6);
  if (button(tr("取消", "Cancel"))) intent = {K::cancel, -1};
  if (intent.kind == K::pick || intent.kind == K::cancel) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return intent;
}

}  // namespace ankang::console_ui
