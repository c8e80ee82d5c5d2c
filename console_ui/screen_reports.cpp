#include "console_ui/screen_reports.h"

#include <imgui.h>

#include <algorithm>

#include "console_ui/text.h"
#include "console_ui/widgets.h"

namespace ankang::console_ui {

namespace {

bool checkbox(const char* label, bool& value) {
  const bool changed = ImGui::Checkbox(label, &value);
  note_item(label);
  return changed;
}

}  // namespace

ReportsIntent reports_screen(const ReportsView& v, ReportsForm& form) {
  ReportsIntent intent;
  heading(tr("报表", "Reports"));
  if (results_placeholder(v.loading, v.error, v.years.empty(),
                          tr("还没有成绩，无法生成报表。请先在“收集成绩”页导入各考点 U 盘里的成绩包。",
                             "No results yet, so there is no report to write. Import the score bundles from the kiosks' "
                             "USB sticks on the Collect scores page first."),
                          intent.collect))
    return intent;

  const char* year_label = tr("年度", "Year");
  const char* files_label = tr("文件", "Files");
  const char* mark_label = tr("合格线", "Pass mark");
  const char* award_label = tr("优秀组织奖", "Organisation award");
  float label_w = 0;
  for (const char* l : {year_label, files_label, mark_label, award_label}) label_w = std::max(label_w, ImGui::CalcTextSize(l).x);
  label_w += ImGui::GetStyle().WindowPadding.x + 2 * ImGui::GetStyle().ItemSpacing.x;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(year_label);
  if (auto year = year_choices(v.years, form.year, label_w)) form.year = *year;
  ImGui::Spacing();

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(files_label);
  ImGui::SameLine(label_w);
  checkbox(tr("参赛企业汇总表（Excel）", "Summary table (Excel)"), form.xlsx);
  ImGui::SameLine();
  checkbox(tr("参赛企业汇总表（CSV）", "Summary table (CSV)"), form.csv);
  ImGui::SameLine();
  checkbox(tr("年度竞赛活动总结（网页，可打印）", "Annual summary (web page, printable)"), form.html);

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(mark_label);
  ImGui::SameLine(label_w);
  text_field("##pass_mark", "60", form.pass_mark, ImGui::GetFontSize() * 4);
  ImGui::SameLine();
  hint(tr("分（满分 100），最好成绩达到的职工算作合格", "points (of 100): a worker whose best score reaches it passes"));

  if (form.html) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(award_label);
    ImGui::SameLine(label_w);
    static const char* const zh[] = {"按参与率", "按前 N 名成绩之和", "按动员人数"};
    static const char* const en[] = {"by participation rate", "by the sum of the top N scores", "by workers mobilised"};
    for (int i = 0; i < 3; ++i) {
      if (i > 0) ImGui::SameLine();
      const char* label = tr(zh[i], en[i]);
      const float w = ImGui::CalcTextSize(label).x + 4 * ImGui::GetStyle().FramePadding.x;
      if (choice(label, form.award == i, w)) form.award = i;
    }
    if (form.award == 1) {
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted("N =");
      ImGui::SameLine();
      text_field("##top_n", "10", form.top_n, ImGui::GetFontSize() * 3);
    }
  }
  ImGui::Spacing();

  if (!v.form_problem.zh.empty()) outcome(false, tr(v.form_problem));
  if (button(tr("选择文件夹并写入报表", "Choose a folder and write"), Tone::primary, v.form_problem.zh.empty()))
    intent.write = true;
  ImGui::SameLine();
  hint(tr("通常选 U 盘；同名的旧报表会被替换。", "Usually a USB stick; an older report of the same name is replaced."));

  if (!v.write_error.zh.empty()) {
    ImGui::Spacing();
    outcome(false, tr(v.write_error));
  }
  if (!v.written.empty()) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(tr("已写入：", "Written:"));
    ImGui::SameLine();
    ImGui::TextUnformatted(shown(v.folder));
    for (std::size_t i = 0; i < v.written.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (button(tr("打开", "Open"))) intent.open = i;
      ImGui::PopID();
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(shown(v.written[i].name));
    }
    if (button(tr("打开所在文件夹", "Open the folder"))) intent.open_folder = true;
  }
  return intent;
}

}  // namespace ankang::console_ui
