#include "console_ui/screen_collect.h"

#include <imgui.h>

#include "console_ui/text.h"
#include "console_ui/widgets.h"
#include "ui/theme.h"

namespace ankang::console_ui {

namespace {

constexpr ImGuiTableFlags kTable = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                   ImGuiTableFlags_SizingStretchProp;

void bundle_table(const CollectView& view, float height) {
  if (!ImGui::BeginTable("bundles", 3, kTable, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("成绩包", "Bundle"), 0, 1.3f);
  ImGui::TableSetupColumn(tr("结果", "Outcome"), 0, 0.5f);
  ImGui::TableSetupColumn(tr("说明", "Details"), 0, 3.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(view.bundles.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& b = view.bundles[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(b.file));
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, b.refused ? ui::color::wrong : ui::color::text);
      ImGui::TextUnformatted(shown(b.status));
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(shown(b.detail));
      ImGui::PopTextWrapPos();
    }
  ImGui::EndTable();
}

void kiosk_section(const CollectView& view, std::string& label, CollectIntent& intent) {
  ImGui::Spacing();
  heading(tr("答题终端", "Kiosks"));
  hint(tr("只接受已登记终端的成绩包。登记新终端：选择它导出的公钥文件（kiosk-….pub，与成绩包在同一 U 盘上），"
          "并核对这里显示的指纹与终端管理页面上的指纹一致。",
          "Only bundles of registered kiosks are accepted. To register one, choose the public key file it exported "
          "(kiosk-….pub, on the stick beside its bundles) and check that the fingerprint shown here matches the one on "
          "the kiosk's admin screen."));
  if (view.candidate) {
    const auto& c = *view.candidate;
    if (!c.error.empty()) {
      outcome(false, shown(c.error));
      if (button(tr("关闭", "Close"))) intent.cancel_kiosk = true;
    } else {
      paragraph(shown(std::string(tr("公钥文件：", "Key file: ")) + c.file));
      ImGui::TextUnformatted(tr("指纹：", "Fingerprint: "));
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, ui::color::primary);
      ImGui::TextUnformatted(shown(c.fingerprint));
      ImGui::PopStyleColor();
      text_field("##kiosk-label", tr("终端名称，例如 一号车间食堂", "Kiosk name, e.g. canteen 1"), label, ImGui::GetFontSize() * 18);
      ImGui::SameLine();
      if (button(tr("指纹一致，登记", "Fingerprints match: register"), Tone::primary)) intent.confirm_kiosk = true;
      ImGui::SameLine();
      if (button(tr("取消", "Cancel"))) intent.cancel_kiosk = true;
    }
  } else if (button(tr("登记答题终端", "Register a kiosk"))) {
    intent.pick_kiosk_key = true;
  }
  if (view.kiosks.empty()) {
    hint(tr("还没有登记任何终端。", "No kiosk registered yet."));
    return;
  }
  if (!ImGui::BeginTable("kiosks", 4, kTable, ImVec2(0, table_height(view.kiosks.size())))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("终端名称", "Kiosk"), 0, 1.2f);
  ImGui::TableSetupColumn(tr("指纹", "Fingerprint"), 0, 2.0f);
  ImGui::TableSetupColumn(tr("已导入成绩包", "Bundles imported"), 0, 0.7f);
  ImGui::TableSetupColumn(tr("最新序号", "Last sequence"), 0, 0.6f);
  ImGui::TableHeadersRow();
  for (const auto& k : view.kiosks) {
    ImGui::TableNextRow();
    for (const std::string* cell : {&k.label, &k.fingerprint, &k.bundles, &k.last_sequence}) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(*cell));
    }
  }
  ImGui::EndTable();
}

}  // namespace

CollectIntent collect_screen(const CollectView& view, std::string& label) {
  CollectIntent intent;
  heading(tr("收集成绩", "Collect scores"));
  hint(tr("插入终端导出成绩的 U 盘，选择 U 盘（或其中的文件夹）：其中每个成绩包（.ankb）都先验证签名再导入；"
          "同一成绩包再次导入不会重复计分，被拒绝的成绩包逐个列出原因，其余照常导入。",
          "Insert the stick the kiosks exported to and choose it (or a folder on it): every score bundle (.ankb) is "
          "verified, then imported; a bundle imported again adds nothing; each refused bundle is listed with its "
          "reason and the others are imported."));
  if (button(tr("从 U 盘或文件夹收集成绩", "Collect from a USB stick or folder"), Tone::primary)) intent.collect = true;
  if (view.folder) {
    ImGui::Spacing();
    figure(tr("个成绩包已导入", "bundles imported"), std::to_string(view.imported));
    ImGui::SameLine(0, ImGui::GetFontSize() * 2.5f);
    figure(tr("个此前已导入", "already imported"), std::to_string(view.already));
    ImGui::SameLine(0, ImGui::GetFontSize() * 2.5f);
    figure(tr("个被拒绝", "refused"), std::to_string(view.refused));
    ImGui::SameLine(0, ImGui::GetFontSize() * 2.5f);
    figure(tr("条新答题记录", "answers added"), std::to_string(view.answers));
    ImGui::SameLine(0, ImGui::GetFontSize() * 2.5f);
    figure(tr("条班组赛成绩", "team results added"), std::to_string(view.team_results));
    for (const auto& g : view.gaps) outcome(false, shown(g));
    if (view.bundles.empty())
      hint(tr("所选位置没有成绩包（.ankb）。", "No score bundle (.ankb) in the chosen place."));
    else
      bundle_table(view, std::min(ImGui::GetContentRegionAvail().y * 0.45f,
                                  ImGui::GetTextLineHeightWithSpacing() * (2.5f + static_cast<float>(view.bundles.size()) * 1.3f)));
  }
  kiosk_section(view, label, intent);
  return intent;
}

}  // namespace ankang::console_ui
