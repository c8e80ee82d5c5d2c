#include "console_ui/screen_contest.h"

#include <imgui.h>

#include "console_ui/text.h"
#include "console_ui/widgets.h"

namespace ankang::console_ui {

namespace {

void problems(const char* id, const std::vector<LocatedProblem>& list) {
  if (list.empty()) return;
  std::vector<ProblemRow> rows;
  for (const auto& p : list) rows.push_back({p.where, p.field, tr(p.message)});
  const float line = ImGui::GetTextLineHeightWithSpacing();
  problems_table(id, rows, std::min(line * (static_cast<float>(rows.size()) + 1.6f), line * 8));
}

// A field with its label on the left; the edited text when it changed.
std::optional<std::string> field(const char* label, const char* id, const char* hint_text, const std::string& value,
                                 float label_w, float width) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(label_w);
  std::string edited = value;
  if (text_field(id, hint_text, edited, width)) return edited;
  return std::nullopt;
}

void rules_section(const ContestView& v, ContestIntent& in) {
  heading(tr("1. 竞赛规则", "1. Contest rules"));
  hint(tr("选择内置的竞赛规则，或打开一个竞赛配置文件（.json）。", "Choose built-in rules, or open a contest config file (.json)."));
  for (std::size_t i = 0; i < v.builtin.size(); ++i)
    if (choice(shown(v.builtin[i]), v.builtin_selected == static_cast<int>(i))) in.pick_builtin = static_cast<int>(i);
  if (button(tr("从文件选择规则……", "Rules from a file…"))) in.pick_rules_file = true;
  if (!v.rules_file.empty() && v.builtin_selected < 0) {
    ImGui::SameLine();
    hint(shown(v.rules_file));
  }
  ImGui::Spacing();
  if (v.rules_file.empty()) {
    hint(tr("还没有选择竞赛规则。", "No rules chosen yet."));
  } else if (!v.rules_problems.empty()) {
    outcome(false, tr("竞赛规则有错误，请改正后重新选择：", "The rules have problems; correct them and choose the file again:"));
    problems("rules_problems", v.rules_problems);
  } else {
    for (const auto& line : v.summary) paragraph(shown(std::string("• ") + tr(line)));
  }
}

void source_section(const ContestView& v, ContestIntent& in) {
  ImGui::Spacing();
  heading(tr("2. 题目来源：工作区题库", "2. Questions: the workspace bank"));
  if (!v.bank_loaded) {
    hint(tr("正在读取题库……", "Reading the bank…"));
    return;
  }
  paragraph(shown(std::string(tr("题库中有 ", "The bank holds ")) + std::to_string(v.bank_questions) +
                  tr(" 道题", " questions") +
                  (v.questions_needed > 0 ? std::string(tr("，本竞赛至少需要 ", "; this contest needs at least ")) +
                                                std::to_string(v.questions_needed) + tr(" 道", "")
                                          : std::string())));
  if (!v.teams_note.zh.empty()) hint(tr(v.teams_note));
  if (!v.pool_problems.empty()) {
    for (const auto& p : v.pool_problems) outcome(false, tr(p.message));
    hint(tr("请到“题库”页导入题目后再回来。", "Import questions on the Question bank page, then come back."));
    if (button(tr("去题库", "Go to the question bank"), Tone::primary)) in.go_bank = true;
  }
}

void form_section(const ContestView& v, ContestIntent& in) {
  ImGui::Spacing();
  heading(tr("3. 竞赛名称与有效期", "3. Name and validity"));
  const float label_w = ImGui::GetFontSize() * 6.5f;
  const float width = std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().x - label_w);
  in.name = field(tr("竞赛名称", "Name"), "##name", tr("显示在终端上", "shown on the kiosks"), v.name, label_w, width);
  in.contest_id = field(tr("竞赛编号", "Contest id"), "##contest_id", tr("1 到 64 个字节", "1 to 64 bytes"), v.contest_id,
                        label_w, width);
  const float date_w = ImGui::GetFontSize() * 8;
  in.from = field(tr("开始日期", "First day"), "##from", "YYYY-MM-DD", v.from, label_w, date_w);
  in.until = field(tr("结束日期", "Last day"), "##until", "YYYY-MM-DD", v.until, label_w, date_w);
  hint(tr("日期按北京时间计，含首尾两天；终端在有效期外不加载竞赛包。",
          "Days in China time, both included; a kiosk refuses the package outside them."));
  problems("form_problems", v.form_problems);

  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("参赛名单", "Roster"));
  ImGui::SameLine(label_w);
  if (v.roster_file.empty()) {
    hint(tr("（可选）不带名单", "(optional) none"));
  } else {
    ImGui::TextUnformatted(shown(v.roster_file));
  }
  if (button(tr("选择名单文件……", "Choose a roster file…"))) in.pick_roster = true;
  if (!v.roster_file.empty()) {
    ImGui::SameLine();
    if (button(tr("不带名单", "No roster"))) in.clear_roster = true;
  }
  if (!v.roster_file.empty() && v.roster_problems.empty())
    hint(shown(std::to_string(v.roster_enterprises) + tr(" 家企业，", " enterprises, ") + std::to_string(v.roster_teams) +
               tr(" 个班组", " teams")));
  hint(tr("名单为 CSV 或 Excel 文件，列为 统一社会信用代码、企业名称、班组，每个班组一行。",
          "A CSV or Excel file with the columns 统一社会信用代码, 企业名称, 班组, one row per team."));
  problems("roster_problems", v.roster_problems);
}

void preview_section(const ContestView& v, ContestIntent& in) {
  heading(tr("4. 抽题预览", "4. Sample paper"));
  hint(tr("按竞赛规则从题库抽一张试卷看看；终端比赛时会各自重新抽题。",
          "A paper drawn from the bank by the rules; the kiosks draw their own when the contest runs."));
  const bool can = !v.rules_file.empty() && v.rules_problems.empty() && v.bank_loaded && v.bank_questions > 0;
  if (button(tr("抽题预览", "Draw a paper"), Tone::normal, can)) in.preview = true;
  if (!v.preview.empty()) {
    ImGui::SameLine();
    if (button(tr("换一组题", "Draw another"), Tone::normal, can)) in.redraw = true;
    ImGui::SameLine();
    hint(shown(std::string(tr("共 ", "")) + std::to_string(v.preview.size()) + tr(" 题", " questions")));
  }
  if (!v.preview_error.zh.empty()) outcome(false, tr(v.preview_error));
  if (v.preview.empty()) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  const float height = std::max(ImGui::GetContentRegionAvail().y * 0.55f, ImGui::GetTextLineHeightWithSpacing() * 6);
  if (!ImGui::BeginTable("preview", 4, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("000").x);
  ImGui::TableSetupColumn(tr("题型", "Type"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4.5f);
  ImGui::TableSetupColumn(tr("题干", "Stem"), ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn(tr("答案", "Answer"), ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(v.preview.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& q = v.preview[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(std::to_string(i + 1)));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(q.type));
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(shown(q.stem));
      ImGui::PopTextWrapPos();
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(shown(q.answer));
      ImGui::PopTextWrapPos();
    }
  ImGui::EndTable();
}

void build_section(const ContestView& v, ContestIntent& in) {
  ImGui::Spacing();
  heading(tr("5. 生成竞赛包", "5. Build the package"));
  hint(tr("选择 U 盘或文件夹：竞赛包（.ankpkg）用本工作台的组织单位密钥签名，并与 organiser.pub 一起写入。",
          "Choose a USB stick or folder: the package (.ankpkg), signed with this console's organiser key, is written "
          "there with organiser.pub."));
  if (button(tr("生成竞赛包……", "Build the package…"), Tone::primary, v.can_build())) in.build = true;
  if (!v.can_build() && !v.rules_file.empty()) {
    ImGui::SameLine();
    hint(tr("请先解决上面的问题", "Resolve the problems above first"));
  }
  if (v.built_ok) {
    std::string text;
    for (const auto& line : v.built) text += std::string(text.empty() ? "" : "\n") + tr(line);
    outcome(*v.built_ok, shown(text));
  }
}

}  // namespace

ContestIntent contest_screen(const ContestView& v) {
  ContestIntent in;
  heading(tr("竞赛包", "Contest package"));
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float left_w = (ImGui::GetContentRegionAvail().x - gap) * 0.46f;
  ImGui::BeginChild("contest_left", ImVec2(left_w, 0), false);
  rules_section(v, in);
  source_section(v, in);
  form_section(v, in);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("contest_right", ImVec2(0, 0), false);
  preview_section(v, in);
  build_section(v, in);
  ImGui::EndChild();
  return in;
}

}  // namespace ankang::console_ui
