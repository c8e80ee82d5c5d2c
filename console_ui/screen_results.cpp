#include "console_ui/screen_results.h"

#include <imgui.h>

#include "console_ui/text.h"
#include "ui/theme.h"

namespace ankang::console_ui {

namespace {

struct Column {
  const char* zh;
  const char* en;
  float weight;
};

bool begin_table(const char* id, const Column* columns, int count, float height) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable(id, count, flags, ImVec2(0, height))) return false;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (int c = 0; c < count; ++c)
    ImGui::TableSetupColumn(tr(columns[c].zh, columns[c].en), ImGuiTableColumnFlags_WidthStretch, columns[c].weight);
  ImGui::TableHeadersRow();
  return true;
}

template <std::size_t N>
void cells(const std::array<std::string, N>& row) {
  for (const auto& c : row) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(shown(c));
  }
}

void enterprise_table(const ResultsView& v, float height) {
  static const Column columns[] = {{"组织单位", "Organising unit", 1.4f}, {"企业名称", "Enterprise", 2.2f},
                                   {"统一社会信用代码", "USCC", 1.9f},  {"职工人数", "Headcount", 0.8f},
                                   {"参赛人数", "Participants", 0.8f},  {"参与率", "Participation", 0.8f},
                                   {"平均分", "Mean score", 0.7f},      {"合格率", "Pass rate", 0.7f},
                                   {"最佳班组", "Top team", 1.2f}};
  if (!begin_table("enterprises", columns, 9, height)) return;
  const ImU32 unit_bg = IM_COL32(221, 235, 247, 255), total_bg = IM_COL32(198, 219, 239, 255);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(v.enterprises.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& r = v.enterprises[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      if (r.level == 0) {
        cells(r.cells);
        continue;
      }
      ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, r.level == 1 ? unit_bg : total_bg);
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        ImGui::TableNextColumn();
        if (c == 1) ImGui::TextUnformatted(r.level == 1 ? tr("合计", "Total") : tr("总计", "Grand total"));
        else ImGui::TextUnformatted(shown(r.cells[c]));
      }
    }
  ImGui::EndTable();
}

void team_table(const ResultsView& v, float height) {
  if (v.teams.empty()) {
    hint(tr("这一年没有班组赛成绩。", "No team contest results this year."));
    return;
  }
  static const Column columns[] = {{"日期", "Date", 0.9f},   {"竞赛", "Contest", 1.2f},  {"名次", "Rank", 0.5f},
                                   {"班组", "Team", 1.4f},   {"企业", "Enterprise", 2.0f}, {"得分", "Points", 0.7f},
                                   {"答对", "Correct", 0.6f}, {"犯规", "Fouls", 0.6f}};
  if (!begin_table("teams", columns, 8, height)) return;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(v.teams.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      ImGui::TableNextRow();
      cells(v.teams[static_cast<std::size_t>(i)].cells);
    }
  ImGui::EndTable();
}

void item_table(const ResultsView& v, float height) {
  if (v.items.empty()) {
    hint(tr("这一年没有作答记录。", "No answers this year."));
    return;
  }
  hint(tr("区分度：答对这道题的人总分是否更高（-1 到 1）；负数说明题目可能有误导。",
          "Discrimination: whether those who answer it right score higher overall (-1 to 1); negative hints at a misleading question."));
  static const Column columns[] = {{"题目", "Question", 3.2f},  {"类别", "Category", 1.2f}, {"作答次数", "Answers", 0.7f},
                                   {"正确率", "Correct", 0.7f}, {"区分度", "Discrimination", 0.7f}, {"提示", "Flag", 0.6f}};
  if (!begin_table("items", columns, 6, height - ImGui::GetTextLineHeightWithSpacing())) return;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(v.items.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& r = v.items[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      cells(r.cells);
      ImGui::TableNextColumn();
      if (!r.flag.zh.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::color::wrong);
        ImGui::TextUnformatted(tr(r.flag));
        ImGui::PopStyleColor();
      }
    }
  ImGui::EndTable();
}

void charts(const ResultsView& v, float height) {
  ImGui::BeginChild("charts", ImVec2(0, height), false);
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::BeginGroup();
  ImGui::TextUnformatted(tr("各组织单位参与率", "Participation by organising unit"));
  if (v.participation_by_unit.empty()) hint(tr("没有登记的组织单位", "No registered organising unit"));
  else bar_chart("units", v.participation_by_unit, half);
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("成绩分布（答题人次）", "Score distribution (attempts)"));
  bar_chart("bands", v.score_bands, half);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextUnformatted(tr("正确率最低的题目", "Questions answered right least often"));
  if (v.hardest.empty()) hint(tr("没有作答记录", "No answers"));
  else bar_chart("hardest", v.hardest, half);
  ImGui::EndGroup();
  ImGui::EndChild();
}

}  // namespace

ResultsIntent results_screen(const ResultsView& v, std::string& pass_mark, const char* pass_mark_problem) {
  ResultsIntent intent;
  heading(tr("成绩", "Results"));
  if (results_placeholder(v.loading, v.error, v.years.empty(),
                          tr("还没有成绩。请先在“收集成绩”页导入各考点 U 盘里的成绩包，这里就会列出各企业的参赛情况。",
                             "No results yet. Import the score bundles from the kiosks' USB sticks on the Collect scores "
                             "page first; the enterprises' results are listed here then."),
                          intent.collect))
    return intent;

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("年度", "Year"));
  if (auto year = year_choices(v.years, v.year); year && *year != v.year) intent.year = *year;
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  ImGui::TextUnformatted(tr("合格线", "Pass mark"));
  ImGui::SameLine();
  text_field("##pass_mark", "60", pass_mark, ImGui::GetFontSize() * 4);
  ImGui::SameLine();
  ImGui::TextUnformatted(tr("分", "points"));
  if (*pass_mark_problem) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color::wrong);
    ImGui::TextUnformatted(pass_mark_problem);
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();

  for (std::size_t i = 0; i < v.figures.size(); ++i) {
    if (i > 0) ImGui::SameLine(0, ImGui::GetFontSize() * 3);
    figure(tr(v.figures[i].label), v.figures[i].value);
  }
  ImGui::Spacing();
  ImGui::Separator();

  static const struct {
    ResultsSection section;
    const char* zh;
    const char* en;
  } sections[] = {{ResultsSection::enterprises, "参赛企业汇总", "Enterprises"},
                  {ResultsSection::teams, "班组赛", "Team contests"},
                  {ResultsSection::items, "题目统计", "Questions"},
                  {ResultsSection::charts, "图表", "Charts"}};
  for (std::size_t i = 0; i < std::size(sections); ++i) {
    if (i > 0) ImGui::SameLine();
    const char* label = tr(sections[i].zh, sections[i].en);
    const float w = ImGui::CalcTextSize(label).x + 4 * ImGui::GetStyle().FramePadding.x;
    if (choice(label, v.section == sections[i].section, w)) intent.section = sections[i].section;
  }
  ImGui::Separator();

  const float height = ImGui::GetContentRegionAvail().y;
  switch (v.section) {
    case ResultsSection::enterprises:
      if (v.unregistered_apart)
        hint(tr("注：总计只计本年度已报名的企业。有职工参赛但未报名本年度竞赛的企业列在总计之后，不计入总计和参与率。",
                "Note: the grand total counts the enterprises registered for the year. Enterprises whose workers took part "
                "without a registration for the year follow it, outside the totals and the participation rate."));
      enterprise_table(v, ImGui::GetContentRegionAvail().y);
      break;
    case ResultsSection::teams: team_table(v, height); break;
    case ResultsSection::items: item_table(v, height); break;
    case ResultsSection::charts: charts(v, height); break;
  }
  return intent;
}

}  // namespace ankang::console_ui
