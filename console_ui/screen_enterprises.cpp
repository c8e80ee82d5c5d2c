#include "console_ui/screen_enterprises.h"

#include <imgui.h>

#include "console_ui/text.h"
#include "ui/theme.h"

namespace ankang::console_ui {

namespace {

bool matches(const EnterpriseRow& r, const std::string& filter) {
  if (filter.empty()) return true;
  for (const std::string* f : {&r.unit, &r.name, &r.uscc})
    if (f->find(filter) != std::string::npos) return true;
  return false;
}

void enterprise_table(const EnterprisesView& view, const std::string& filter) {
  std::vector<int> shown_rows;
  shown_rows.reserve(view.rows.size());
  for (std::size_t i = 0; i < view.rows.size(); ++i)
    if (matches(view.rows[i], filter)) shown_rows.push_back(static_cast<int>(i));
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("enterprises", 6, flags, ImVec2(0, table_height(shown_rows.size())))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("组织单位", "Organising unit"), 0, 1.2f);
  ImGui::TableSetupColumn(tr("企业名称", "Enterprise"), 0, 2.0f);
  ImGui::TableSetupColumn(tr("统一社会信用代码", "USCC"), 0, 1.4f);
  ImGui::TableSetupColumn(tr("归属", "Affiliation"), 0, 0.7f);
  ImGui::TableSetupColumn(tr("职工人数", "Headcount"), 0, 0.6f);
  ImGui::TableSetupColumn(tr("状态", "Status"), 0, 0.9f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown_rows.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& r = view.rows[static_cast<std::size_t>(shown_rows[static_cast<std::size_t>(i)])];
      ImGui::TableNextRow();
      for (const std::string* cell : {&r.unit, &r.name, &r.uscc, &r.affiliation, &r.headcount}) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shown(*cell));
      }
      ImGui::TableNextColumn();
      if (r.registered) {
        ImGui::TextUnformatted(tr("已报名", "Registered"));
      } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::color::wrong);
        ImGui::TextUnformatted(r.in_results_only ? tr("未报名（仅见于成绩）", "Not registered (only in results)")
                                                 : tr("未报名本年度", "Not registered this year"));
        ImGui::PopStyleColor();
      }
    }
  ImGui::EndTable();
}

}  // namespace

EnterprisesIntent enterprises_screen(const EnterprisesView& view, std::string& filter) {
  EnterprisesIntent intent;
  heading(tr("参赛企业", "Participating enterprises"));
  hint(tr("从 Excel 或 CSV 名单导入参赛企业。表头为：统一社会信用代码、企业名称、归属（属地 / 产业 / 企业联合会）、组织单位、职工人数。"
          "报名按竞赛年度登记。名单有任何错误时不登记任何企业，所有错误逐条列出，改正后重新导入即可；"
          "已报名的企业按改正后的名单更新。同一企业不能由两个组织单位重复报名。",
          "Import the enterprises from an Excel or CSV list headed 统一社会信用代码, 企业名称, 归属 (district / industry / "
          "federation), 组织单位, 职工人数. Registrations are for a contest year. A list with any problem registers nothing; "
          "every problem is listed — correct them and import again: enterprises already registered take the corrected "
          "figures. An enterprise cannot register with two units."));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("竞赛年度", "Contest year"));
  intent.year = year_choices(view.years, view.year);
  if (intent.year == view.year) intent.year.reset();
  ImGui::Spacing();
  if (button(tr("导入企业名单（Excel / CSV）", "Import an enterprise list (Excel / CSV)"), Tone::primary))
    intent.import_list = true;
  ImGui::SameLine();
  if (button(tr("保存空白名单模板", "Save a blank list template"))) intent.write_template = true;

  if (view.import_file) {
    ImGui::Spacing();
    outcome(view.import_ok, shown(view.import_message));
    if (!view.problems.empty())
      problems_table("list-problems", view.problems, std::min(ImGui::GetContentRegionAvail().y * 0.45f,
                                                              ImGui::GetTextLineHeightWithSpacing() * (2.5f + static_cast<float>(view.problems.size()))));
  }
  ImGui::Spacing();
  figure(tr("家本年度已报名企业", "enterprises registered this year"), std::to_string(view.registered));
  ImGui::SameLine(0, ImGui::GetFontSize() * 3);
  figure(tr("个组织单位", "organising units"), std::to_string(view.units));
  ImGui::Spacing();
  if (view.rows.empty()) {
    hint(tr("还没有参赛企业。", "No enterprise yet."));
    return intent;
  }
  text_field("##filter", tr("按名称、信用代码或组织单位查找", "Find by name, USCC or unit"), filter, ImGui::GetFontSize() * 22);
  enterprise_table(view, filter);
  return intent;
}

}  // namespace ankang::console_ui
