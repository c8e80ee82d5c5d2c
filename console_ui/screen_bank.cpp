#include "console_ui/screen_bank.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "console_ui/text.h"

namespace ankang::console_ui {

const std::vector<QuestionType>& bank_types() {
  static const std::vector<QuestionType> types = {QuestionType::single,     QuestionType::multiple,
                                                  QuestionType::true_false, QuestionType::fill_blank,
                                                  QuestionType::matching,   QuestionType::ordering,
                                                  QuestionType::hotspot};
  return types;
}

namespace {

// One line of at most `max` characters, for a list row.
std::string one_line(const std::string& text, std::size_t max) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (chars == max) return out + "…";
      ++chars;
    }
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : text[i];
  }
  return out;
}

std::string counts_line(const std::vector<std::pair<std::string, int>>& counts) {
  std::string out;
  for (const auto& [name, n] : counts) out += (out.empty() ? "" : "　") + name + " " + std::to_string(n);
  return out;
}

void counts(const char* title, const std::vector<std::pair<std::string, int>>& items) {
  if (items.empty()) return;
  hint(shown(std::string(title) + counts_line(items)));
}

bool combo(const char* id, const char* all, const std::vector<std::string>& names, int& index, float width) {
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  const char* preview = index < 0 ? all : shown(names[static_cast<std::size_t>(index)]);
  if (ImGui::BeginCombo(id, preview)) {
    if (choice(all, index < 0)) index = -1, changed = true;
    for (std::size_t i = 0; i < names.size(); ++i)
      if (choice(shown(names[i]), index == static_cast<int>(i))) index = static_cast<int>(i), changed = true;
    ImGui::EndCombo();
  }
  note_item(id);
  return changed;
}

void field(const char* name, const std::string& value) {
  if (value.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(name);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  paragraph(shown(value));
}

std::string letter(std::size_t i) { return std::string(1, static_cast<char>('A' + (i % 26))); }

void show_question(const Question& q) {
  paragraph(shown(q.stem));
  ImGui::Spacing();
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
      for (std::size_t i = 0; i < q.options.size(); ++i) {
        const bool right = std::find(q.correct.begin(), q.correct.end(), static_cast<int>(i)) != q.correct.end();
        paragraph(shown(letter(i) + ". " + q.options[i] + (right ? tr("　（正确）", "  (correct)") : "")));
      }
      break;
    case QuestionType::true_false:
      field(tr("答案：", "Answer:"), q.truth ? tr("正确", "true") : tr("错误", "false"));
      break;
    case QuestionType::fill_blank:
      if (q.numeric) {
        field(tr("答案：", "Answer:"), std::to_string(q.numeric->value) + " ± " + std::to_string(q.numeric->tolerance));
      } else {
        for (std::size_t i = 0; i < q.blanks.size(); ++i) {
          std::string accepted;
          for (const auto& a : q.blanks[i]) accepted += (accepted.empty() ? "" : " | ") + a;
          field(shown(std::string(tr("第 ", "Blank ")) + std::to_string(i + 1) + tr(" 空：", ":")), accepted);
        }
      }
      break;
    case QuestionType::matching:
      for (const auto& p : q.pairs) paragraph(shown(p.left + " → " + p.right));
      break;
    case QuestionType::ordering:
      for (std::size_t i = 0; i < q.options.size(); ++i) paragraph(shown(std::to_string(i + 1) + ". " + q.options[i]));
      break;
    case QuestionType::hotspot:
      field(tr("隐患区域：", "Hazard regions:"), std::to_string(q.regions.size()) + tr(" 处", ""));
      break;
  }
  ImGui::Spacing();
  field(tr("解析：", "Explanation:"), q.explanation);
  field(tr("依据：", "Legal basis:"), q.basis.law + q.basis.article);
  field(tr("分类：", "Category:"), join_category(q.category));
  field(tr("难度：", "Difficulty:"), std::to_string(q.difficulty));
  field(tr("来源：", "Source:"), q.source);
  field(tr("编号：", "Id:"), q.id);
}

// A table of at most 8 rows' height, scrolled beyond.
void located_rows(const char* id, const std::vector<ProblemRow>& rows) {
  if (rows.empty()) return;
  const float line = ImGui::GetFrameHeightWithSpacing();
  problems_table(id, rows, line * (1.6f + std::min<float>(8, static_cast<float>(rows.size()))));
}

// The file holds corrected questions: replace the old ones, or keep both?
void replace_choice(const BankView::Import& im, BankIntent& intent) {
  const std::string n = std::to_string(im.changed.size());
  paragraph(shown(std::string(tr("有 ", "")) + n +
                tr(" 道题与题库中已有的题题干相同但答案不同", " questions have the stem of a question in the bank but another answer")));
  hint(shown(std::string(tr("文件：", "File: ")) + im.file));
  located_rows("##import_changed", im.changed);
  hint(tr("替换旧题：旧题停用，不再抽入试卷（已收集的成绩仍按旧题计算），新题入库。"
          "保留两份：新题入库，旧题仍在使用，抽题时两道都可能抽到。",
          "Replace: the old questions are retired and no longer drawn (results already collected still count against "
          "them); the new ones are stored. Keep both: the new ones are stored and the old ones stay in use, so a paper "
          "may draw either."));
  if (button(tr("替换旧题", "Replace the old questions"), Tone::primary)) intent.replace_changed = true;
  ImGui::SameLine();
  if (button(tr("保留两份", "Keep both"))) intent.keep_both = true;
  ImGui::SameLine();
  if (button(tr("取消", "Cancel"))) intent.close_import = true;
  ImGui::Separator();
}

void import_panel(const BankView::Import& im, BankIntent& intent) {
  if (im.choose_replace) return replace_choice(im, intent);
  outcome(im.ok, shown(im.summary));
  hint(shown(std::string(tr("文件：", "File: ")) + im.file));
  located_rows("##import_problems", im.problems);
  located_rows("##import_changed", im.changed);
  for (std::size_t i = 0; i < im.warnings.size() && i < 5; ++i) hint(shown(im.warnings[i]));
  if (im.warnings.size() > 5)
    hint(shown(std::string(tr("……另有警告 ", "... and ")) + std::to_string(im.warnings.size() - 5) + tr(" 条", " more warnings")));
  if (!im.imported && im.good > 0) {
    if (button(shown(std::string(tr("只导入正确的 ", "Import only the ")) + std::to_string(im.good) +
                     tr(" 题", " good questions")),
               Tone::primary))
      intent.import_good_only = true;
    ImGui::SameLine();
  }
  if (button(tr("关闭", "Close"))) intent.close_import = true;
  ImGui::Separator();
}

void filters(BankView& v, BankIntent& intent) {
  const float w = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(w * 18);
  if (ImGui::InputTextWithHint("##bank_search", tr("搜索题干、选项、解析", "Search stems, options, explanations"), &v.search,
                               ImGuiInputTextFlags_EnterReturnsTrue))
    intent.search_now = true;
  if (ImGui::IsItemEdited()) intent.filters_changed = true;
  shown(v.search);
  note_item("##bank_search");
  ImGui::SameLine();
  if (button(tr("搜索", "Search"))) intent.search_now = true;
  ImGui::SameLine();
  std::vector<std::string> type_names;
  for (auto t : bank_types()) type_names.emplace_back(type_name_zh(t));
  intent.filters_changed |= combo("##type", tr("全部题型", "All types"), type_names, v.type, w * 7);
  ImGui::SameLine();
  intent.filters_changed |= combo("##category", tr("全部分类", "All categories"), v.categories, v.category, w * 10);
  ImGui::SameLine();
  int level = v.difficulty - 1;
  static const std::vector<std::string> levels = {"1", "2", "3", "4", "5"};
  ImGui::SetNextItemWidth(w * 6);
  const char* preview = level < 0 ? tr("全部难度", "All levels") : shown(std::string(tr("难度 ", "Level ")) + levels[level]);
  if (ImGui::BeginCombo("##difficulty", preview)) {
    if (choice(tr("全部难度", "All levels"), level < 0)) v.difficulty = 0, intent.filters_changed = true;
    for (int i = 0; i < 5; ++i)
      if (choice(shown(std::string(tr("难度 ", "Level ")) + levels[i]), level == i)) v.difficulty = i + 1, intent.filters_changed = true;
    ImGui::EndCombo();
  }
  note_item("##difficulty");
  ImGui::SameLine();
  const char* retired = tr("包括已停用的题", "Include retired questions");
  if (ImGui::Checkbox(retired, &v.include_retired)) intent.filters_changed = true;
  note_item(retired);
}

void question_list(const BankView& v, BankIntent& intent, float height) {
  const float line = ImGui::GetFrameHeightWithSpacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##questions", 4, flags, ImVec2(0, height - 1.3f * line))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("题干", "Stem"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("题型", "Type"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
    ImGui::TableSetupColumn(tr("分类", "Category"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
    ImGui::TableSetupColumn(tr("难度", "Level"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.rows.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const auto& r = v.rows[static_cast<std::size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(i);
        const std::string stem = (r.retired ? std::string(tr("【已停用】", "[retired] ")) : std::string()) + one_line(r.stem, 40);
        if (r.retired) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        const bool chosen = v.chosen && v.chosen->id == r.id;
        if (ImGui::Selectable(shown(stem), chosen, ImGuiSelectableFlags_SpanAllColumns)) intent.choose = i;
        note_item(stem.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shown(r.type));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shown(r.category.empty() ? std::string(tr("未分类", "none")) : r.category));
        ImGui::TableNextColumn();
        ImGui::Text("%d", r.difficulty);
        if (r.retired) ImGui::PopStyleColor();
        ImGui::PopID();
      }
    ImGui::EndTable();
  }
  if (v.rows.empty()) {
    hint(tr("没有符合条件的题目", "No question matches"));
    return;
  }
  const bool has_before = v.offset > 0, has_after = v.offset + static_cast<int>(v.rows.size()) < v.total;
  if (button(tr("上一页", "Previous"), Tone::normal, has_before)) intent.offset = std::max(0, v.offset - v.page_size);
  ImGui::SameLine();
  if (button(tr("下一页", "Next"), Tone::normal, has_after)) intent.offset = v.offset + v.page_size;
  ImGui::SameLine();
  const std::string range = std::to_string(v.offset + 1) + "–" + std::to_string(v.offset + static_cast<int>(v.rows.size()));
  hint(shown(std::string(tr("第 ", "")) + range + tr(" 条，共 ", " of ") + std::to_string(v.total) + tr(" 条", "") +
             (v.search_capped ? tr("（只列出最相关的）", " (the best matches only)") : "")));
}

void question_pane(BankView& v, BankIntent& intent) {
  if (v.draft) {
    intent.editor = question_edit_screen(*v.draft);
    return;
  }
  if (!v.chosen) {
    hint(tr("在左边的列表里选一道题，查看全文、修改或停用。", "Choose a question in the list to see it whole, edit it or retire it."));
    return;
  }
  const Question& q = *v.chosen;
  const bool retired = q.status == QuestionStatus::retired;
  hint(shown(std::string(type_name_zh(q.type)) + (retired ? tr("　已停用", "  retired") : tr("　在用", "  active"))));
  show_question(q);
  ImGui::Spacing();
  if (v.confirm_retire) {
    outcome(false, tr("停用这道题？停用后它不再被抽入试卷；已收集的成绩不受影响。",
                      "Retire this question? It will no longer be drawn into papers; results already collected keep their meaning."));
    if (button(tr("确定停用", "Retire it"), Tone::danger)) intent.confirm_retire = true;
    ImGui::SameLine();
    if (button(tr("不停用", "Keep it"))) intent.cancel_retire = true;
    return;
  }
  if (button(tr("修改", "Edit"), Tone::primary, !retired)) intent.edit = true;
  ImGui::SameLine();
  if (button(tr("停用", "Retire"), Tone::danger, !retired)) intent.retire = true;
}

}  // namespace

BankIntent bank_screen(BankView& v) {
  BankIntent intent;
  heading(tr("题库", "Question bank"));
  if (!v.error.empty()) outcome(false, shown(v.error));

  if (v.active + v.retired == 0) {
    paragraph(tr("题库还是空的。可以先载入内置的初始题库（安全生产法律法规、职业病防治等），也可以导入自己的题目文件（Excel、CSV、GIFT、Moodle XML、Aiken、JSON）。",
                 "The bank is empty. Load the built-in starter bank (work-safety law, occupational health, ...), or import your own question file (Excel, CSV, GIFT, Moodle XML, Aiken, JSON)."));
    if (button(tr("载入内置初始题库", "Load the starter bank"), Tone::primary)) intent.load_starter = true;
    ImGui::SameLine();
    if (button(tr("导入题目文件", "Import a question file"))) intent.import_file = true;
    ImGui::Separator();
    if (v.import) import_panel(*v.import, intent);
    return intent;
  }

  figure(tr("在用题目", "Active questions"), std::to_string(v.active));
  ImGui::SameLine(0, ImGui::GetFontSize() * 3);
  figure(tr("已停用", "Retired"), std::to_string(v.retired));
  ImGui::SameLine(0, ImGui::GetFontSize() * 3);
  ImGui::BeginGroup();
  counts(tr("按题型：", "By type: "), v.by_type);
  counts(tr("按分类：", "By category: "), v.by_category);
  counts(tr("按难度：", "By difficulty: "), v.by_difficulty);
  if (button(tr("导入题目文件", "Import a question file"))) intent.import_file = true;
  ImGui::EndGroup();
  ImGui::Separator();
  if (v.import) import_panel(*v.import, intent);

  filters(v, intent);
  const float height = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("##list", ImVec2(ImGui::GetContentRegionAvail().x * 0.55f, height), false);
  question_list(v, intent, height);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##question", ImVec2(0, height), true);
  question_pane(v, intent);
  ImGui::EndChild();
  return intent;
}

}  // namespace ankang::console_ui
