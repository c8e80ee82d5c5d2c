#include "console_ui/screen_question_edit.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>

#include "console_ui/text.h"

namespace ankang::console_ui {

namespace {

std::vector<std::string> split_bar(const std::string& text) {
  std::vector<std::string> out;
  std::string piece;
  auto flush = [&] {
    const auto a = piece.find_first_not_of(' ');
    const auto b = piece.find_last_not_of(' ');
    if (a != std::string::npos) out.push_back(piece.substr(a, b - a + 1));
    piece.clear();
  };
  for (char c : text) {
    if (c == '|') flush();
    else piece += c;
  }
  flush();
  return out;
}

std::string join_bar(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : " | ") + i;
  return out;
}

std::string number_text(double v) {
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// A labelled multi-line field; true when it changed.
bool text_area(const char* id, std::string& value, float height) {
  const bool changed = ImGui::InputTextMultiline(id, &value, ImVec2(-1, height));
  shown(value);
  note_item(id);
  return changed;
}

bool line_field(const char* id, std::string& value, float width = -1) {
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputText(id, &value);
  shown(value);
  note_item(id);
  return changed;
}

void label(const char* text) {
  ImGui::Spacing();
  ImGui::TextUnformatted(text);
}

}  // namespace

QuestionDraft make_draft(const Question& q) {
  QuestionDraft d;
  d.original = q;
  d.question = q;
  d.category = join_category(q.category);
  for (const auto& b : q.blanks) d.blanks.push_back(join_bar(b));
  d.numeric = q.numeric.has_value();
  if (q.numeric) d.number = number_text(q.numeric->value), d.tolerance = number_text(q.numeric->tolerance);
  return d;
}

Question draft_question(const QuestionDraft& d) {
  Question q = d.question;
  q.category = split_category(d.category);
  q.blanks.clear();
  q.numeric.reset();
  if (q.type == QuestionType::fill_blank) {
    if (d.numeric) {
      char* end = nullptr;
      const double v = std::strtod(d.number.c_str(), &end);
      const bool number_ok = !d.number.empty() && end && *end == '\0';
      const double t = d.tolerance.empty() ? 0 : std::strtod(d.tolerance.c_str(), nullptr);
      if (number_ok) q.numeric = NumericAnswer{v, t};
    } else {
      for (const auto& b : d.blanks) q.blanks.push_back(split_bar(b));
    }
  }
  if (q.type != QuestionType::single && q.type != QuestionType::multiple) q.correct.clear();
  if (q.type != QuestionType::matching) q.pairs.clear();
  if (q.type != QuestionType::single && q.type != QuestionType::multiple && q.type != QuestionType::ordering)
    q.options.clear();
  return q;
}

QuestionEditIntent question_edit_screen(QuestionDraft& d) {
  QuestionEditIntent intent;
  Question& q = d.question;
  const float line = ImGui::GetFrameHeightWithSpacing();
  const float w = ImGui::GetFontSize();

  // What saving will do, and what stops it, before the fields: always in sight.
  if (button(tr("保存", "Save"), Tone::primary, d.problems.empty())) intent.save = true;
  ImGui::SameLine();
  if (button(tr("取消修改", "Discard changes"))) intent.cancel = true;
  if (!d.change_note.empty()) hint(shown(d.change_note));
  if (!d.problems.empty()) {
    outcome(false, tr("还有问题，改好后才能保存：", "Fix these problems before saving:"));
    problems_table("##edit_problems", d.problems, line * (1.5f + std::min<float>(4, static_cast<float>(d.problems.size()))));
  }
  ImGui::Separator();

  label(tr("题型", "Type"));
  if (q.type == QuestionType::hotspot) {
    hint(tr("找隐患题：图片和隐患区域不能在这里修改，请改题目文件后重新导入。",
            "Hazard-spotting question: the picture and its regions cannot be changed here; edit the file and import it again."));
  } else {
    const QuestionType types[] = {QuestionType::single, QuestionType::multiple, QuestionType::true_false,
                                  QuestionType::fill_blank, QuestionType::matching, QuestionType::ordering};
    for (auto t : types) {
      if (t != types[0]) ImGui::SameLine();
      if (choice(shown(std::string(type_name_zh(t))), q.type == t, w * 4.5f) && q.type != t) {
        q.type = t;
        intent.changed = true;
      }
    }
  }

  label(tr("题干", "Stem"));
  intent.changed |= text_area("##stem", q.stem, line * 2.2f);

  if (q.type == QuestionType::single || q.type == QuestionType::multiple || q.type == QuestionType::ordering) {
    label(q.type == QuestionType::ordering ? tr("各项（按正确顺序）", "Items (in their correct order)")
                                           : tr("选项（勾选正确的）", "Options (tick the correct ones)"));
    int remove = -1;
    for (std::size_t i = 0; i < q.options.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      const int index = static_cast<int>(i);
      if (q.type != QuestionType::ordering) {
        bool correct = std::find(q.correct.begin(), q.correct.end(), index) != q.correct.end();
        const std::string box = std::string(1, static_cast<char>('A' + (i % 26)));
        if (ImGui::Checkbox(shown(box), &correct)) {
          if (q.type == QuestionType::single) q.correct.clear();
          std::erase(q.correct, index);
          if (correct) q.correct.push_back(index);
          std::sort(q.correct.begin(), q.correct.end());
          intent.changed = true;
        }
        note_item(shown("正确 " + box));
        ImGui::SameLine();
      } else {
        ImGui::Text("%zu.", i + 1);
        ImGui::SameLine();
      }
      intent.changed |= line_field(shown("##option" + std::to_string(i)), q.options[i], -w * 5);
      ImGui::SameLine();
      if (button(tr("删除", "Remove"))) remove = index;
      ImGui::PopID();
    }
    if (remove >= 0) {
      q.options.erase(q.options.begin() + remove);
      std::vector<int> kept;
      for (int c : q.correct)
        if (c != remove) kept.push_back(c > remove ? c - 1 : c);
      q.correct = kept;
      intent.changed = true;
    }
    if (button(tr("添加选项", "Add an option"))) {
      q.options.emplace_back();
      intent.changed = true;
    }
  } else if (q.type == QuestionType::true_false) {
    label(tr("答案", "Answer"));
    if (choice(tr("正确", "True"), q.truth, w * 4)) q.truth = true, intent.changed = true;
    ImGui::SameLine();
    if (choice(tr("错误", "False"), !q.truth, w * 4)) q.truth = false, intent.changed = true;
  } else if (q.type == QuestionType::fill_blank) {
    label(tr("答案", "Answer"));
    if (ImGui::Checkbox(tr("答案是一个数（可有误差）", "The answer is a number (with a tolerance)"), &d.numeric))
      intent.changed = true;
    note_item(tr("答案是一个数（可有误差）", "The answer is a number (with a tolerance)"));
    if (d.numeric) {
      intent.changed |= line_field("##number", d.number, w * 8);
      ImGui::SameLine();
      ImGui::TextUnformatted(tr("误差 ±", "tolerance ±"));
      ImGui::SameLine();
      intent.changed |= line_field("##tolerance", d.tolerance, w * 6);
    } else {
      hint(tr("每空一行；同一空可接受的几种答案用 | 分开。", "One line per blank; answers accepted for a blank separated by |."));
      for (std::size_t i = 0; i < d.blanks.size(); ++i) {
        ImGui::Text("%zu.", i + 1);
        ImGui::SameLine();
        intent.changed |= line_field(shown("##blank" + std::to_string(i)), d.blanks[i]);
      }
      if (button(tr("添加一空", "Add a blank"))) d.blanks.emplace_back(), intent.changed = true;
      if (!d.blanks.empty()) {
        ImGui::SameLine();
        if (button(tr("删除最后一空", "Remove the last blank"))) d.blanks.pop_back(), intent.changed = true;
      }
    }
  } else if (q.type == QuestionType::matching) {
    label(tr("配对（左 → 右）", "Pairs (left -> right)"));
    for (std::size_t i = 0; i < q.pairs.size(); ++i) {
      intent.changed |= line_field(shown("##left" + std::to_string(i)), q.pairs[i].left, ImGui::GetContentRegionAvail().x * 0.45f);
      ImGui::SameLine();
      ImGui::TextUnformatted("→");
      ImGui::SameLine();
      intent.changed |= line_field(shown("##right" + std::to_string(i)), q.pairs[i].right);
    }
    if (button(tr("添加一对", "Add a pair"))) q.pairs.emplace_back(), intent.changed = true;
    if (!q.pairs.empty()) {
      ImGui::SameLine();
      if (button(tr("删除最后一对", "Remove the last pair"))) q.pairs.pop_back(), intent.changed = true;
    }
  }

  label(tr("解析", "Explanation"));
  intent.changed |= text_area("##explanation", q.explanation, line * 1.8f);
  label(tr("依据（法规名称、条款）", "Legal basis (law, article)"));
  intent.changed |= line_field("##law", q.basis.law, ImGui::GetContentRegionAvail().x * 0.6f);
  ImGui::SameLine();
  intent.changed |= line_field("##article", q.basis.article);
  label(tr("分类（大类/小类）", "Category (top/sub)"));
  intent.changed |= line_field("##category", d.category);
  label(tr("难度", "Difficulty"));
  for (int level = 1; level <= 5; ++level) {
    if (level > 1) ImGui::SameLine();
    if (choice(shown(std::to_string(level)), q.difficulty == level, w * 2.5f) && q.difficulty != level)
      q.difficulty = level, intent.changed = true;
  }

  return intent;
}

}  // namespace ankang::console_ui
