// Question screen: every question type, the countdown bar and the progress.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

namespace {

const char* letter(int i) {
  static const char* letters[] = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"};
  return i >= 0 && i < 10 ? letters[i] : "";
}

bool picked(const QuestionView& v, int i) { return std::find(v.picks.begin(), v.picks.end(), i) != v.picks.end(); }

Intent make(Act act, const QuestionView& v, int value = 0) {
  Intent in{act, value};
  in.question_id = v.question->id;
  return in;
}

void choices(const QuestionView& v, Intents& out, float width) {
  const Question& q = *v.question;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const bool two_cols = q.options.size() >= 4;
  const float w = two_cols ? (width - gap) / 2 : width;
  for (std::size_t i = 0; i < q.options.size(); ++i) {
    const int n = static_cast<int>(i);
    if (two_cols && i % 2 == 1) ImGui::SameLine();
    if (option_button(n, letter(n), q.options[i].c_str(), picked(v, n), w)) out.push_back(make(Act::toggle_option, v, n));
  }
}

void true_false(const QuestionView& v, Intents& out, float width) {
  const float w = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (option_button(0, "", tr(S::true_text), picked(v, 0), w)) out.push_back(make(Act::toggle_option, v, 0));
  ImGui::SameLine();
  if (option_button(1, "", tr(S::false_text), picked(v, 1), w)) out.push_back(make(Act::toggle_option, v, 1));
}

// Each blank: its answers to tap, two to a row (gloves, no keyboard), and a
// text field that a keyboard or a scanner types into.
void fill_blank(const QuestionView& v, Intents& out, float width) {
  const Question& q = *v.question;
  const std::size_t blanks = q.numeric ? 1 : std::max<std::size_t>(1, q.blanks.size());
  const bool any_choices = std::any_of(v.blank_choices.begin(), v.blank_choices.end(),
                                       [](const auto& c) { return !c.empty(); });
  wrapped(nullptr, tr(any_choices ? S::tap_or_type : S::type_answer), color::muted);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  for (std::size_t i = 0; i < blanks; ++i) {
    std::string text = i < v.texts.size() ? v.texts[i] : std::string();
    const int blank = static_cast<int>(i);
    auto set_text = [&](const std::string& t) {
      Intent in = make(Act::set_text, v, blank);
      in.text = t;
      out.push_back(in);
    };
    ImGui::PushID(blank);
    char label[32];
    std::snprintf(label, sizeof label, "%zu.", i + 1);
    ImGui::PushFont(fonts().body);
    ImGui::TextUnformatted(label);
    ImGui::PopFont();
    const std::vector<std::string> none;
    const auto& choices = i < v.blank_choices.size() ? v.blank_choices[i] : none;
    const float w = (width - gap) / 2;
    for (std::size_t c = 0; c < choices.size(); ++c) {
      const int n = static_cast<int>(c);
      if (c % 2 == 1) ImGui::SameLine();
      if (option_button(n, letter(n), choices[c].c_str(), !text.empty() && text == choices[c], w)) set_text(choices[c]);
    }
    ImGui::PushFont(fonts().body);
    if (!choices.empty()) {
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%s", tr(S::or_type));
      ImGui::SameLine();
    }
    if (text_field("##blank", text, width * 0.6f)) set_text(text);
    ImGui::PopFont();
    ImGui::PopID();
  }
}

void ordering(const QuestionView& v, Intents& out, float width) {
  const Question& q = *v.question;
  wrapped(nullptr, tr(S::tap_in_order), color::muted);
  for (int item : v.order) {
    if (item < 0 || item >= static_cast<int>(q.options.size())) continue;
    const auto pos = std::find(v.picks.begin(), v.picks.end(), item);
    const bool done = pos != v.picks.end();
    char num[16];
    std::snprintf(num, sizeof num, "%d", done ? static_cast<int>(pos - v.picks.begin()) + 1 : 0);
    if (option_button(0, done ? num : "", q.options[static_cast<std::size_t>(item)].c_str(), done, width) && !done)
      out.push_back(make(Act::tap_item, v, item));
  }
}

void matching(const QuestionView& v, Intents& out, float width) {
  const Question& q = *v.question;
  wrapped(nullptr, tr(S::tap_pairs), color::muted);
  const float gap = 80.0f * scale();
  const float w = (width - gap) / 2;
  // Left column in order; the pair shape of a matched left item is repeated
  // on its right partner, so pairs read without colour.
  ImGui::BeginGroup();
  for (std::size_t i = 0; i < q.pairs.size(); ++i) {
    const int n = static_cast<int>(i);
    const bool matched = i < v.picks.size() && v.picks[i] >= 0;
    ImGui::PushID(n);
    if (option_button(n, letter(n), q.pairs[i].left.c_str(), matched || v.match_left == n, w))
      out.push_back(make(Act::tap_item, v, n));
    ImGui::PopID();
  }
  ImGui::EndGroup();
  ImGui::SameLine(0, gap);
  ImGui::BeginGroup();
  for (int r : v.order) {
    if (r < 0 || r >= static_cast<int>(q.pairs.size())) continue;
    const auto owner = std::find(v.picks.begin(), v.picks.end(), r);
    const int left = owner == v.picks.end() ? -1 : static_cast<int>(owner - v.picks.begin());
    ImGui::PushID(100 + r);
    if (option_button(left >= 0 ? left : 5, left >= 0 ? letter(left) : "", q.pairs[static_cast<std::size_t>(r)].right.c_str(),
                      left >= 0, w))
      out.push_back(make(Act::tap_right, v, r));
    ImGui::PopID();
  }
  ImGui::EndGroup();
}

void hotspot(const QuestionView& v, Intents& out, float width, float height) {
  wrapped(nullptr, tr(S::tap_hazard), color::muted);
  const Picture& pic = v.picture;
  if (!pic.texture || pic.width <= 0 || pic.height <= 0) return;
  const float k = std::min(width / static_cast<float>(pic.width), height / static_cast<float>(pic.height));
  const ImVec2 size(pic.width * k, pic.height * k);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Image(reinterpret_cast<ImTextureID>(pic.texture), size);
  if (ImGui::IsItemClicked()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    Intent in = make(Act::tap_image, v);
    in.x = static_cast<int>((m.x - p.x) / k);
    in.y = static_cast<int>((m.y - p.y) / k);
    out.push_back(in);
  }
  if (v.tap_x >= 0) {  // a ring and a cross where the worker tapped
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + v.tap_x * k, p.y + v.tap_y * k);
    const float r = 30 * scale();
    dl->AddCircle(c, r, color::wrong, 32, 6 * scale() + 1);
    dl->AddLine(ImVec2(c.x - r * 1.4f, c.y), ImVec2(c.x + r * 1.4f, c.y), color::wrong, 3);
    dl->AddLine(ImVec2(c.x, c.y - r * 1.4f), ImVec2(c.x, c.y + r * 1.4f), color::wrong, 3);
  }
}

bool answer_ready(const QuestionView& v) {
  const Question& q = *v.question;
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::true_false:
      return v.picks.size() == 1;
    case QuestionType::multiple:
      return !v.picks.empty();
    case QuestionType::fill_blank:
      return !v.texts.empty() && std::all_of(v.texts.begin(), v.texts.end(), [](const std::string& t) { return !t.empty(); });
    case QuestionType::ordering:
      return v.picks.size() == q.options.size();
    case QuestionType::matching:
      return v.picks.size() == q.pairs.size() && std::none_of(v.picks.begin(), v.picks.end(), [](int p) { return p < 0; });
    case QuestionType::hotspot:
      return v.tap_x >= 0;
  }
  return false;
}

}  // namespace

void draw_question(const QuestionView& v, Intents& out) {
  begin_screen("question");
  if (!v.question) {
    end_screen();
    return;
  }
  const Question& q = *v.question;
  const float s = scale();
  const Fonts& f = fonts();
  char progress[64];
  std::snprintf(progress, sizeof progress, tr(S::question_progress), v.number, v.total);
  const std::string type(type_name_zh(q.type));
  title_band(type.c_str(), progress);
  const float width = ImGui::GetContentRegionAvail().x;

  if (v.limit_ms > 0) {
    const int secs = (std::max(0, v.remaining_ms) + 999) / 1000;
    char left[48];
    std::snprintf(left, sizeof left, tr(S::time_left), secs / 60, secs % 60);
    const float tw = f.large->CalcTextSizeA(f.large->FontSize, FLT_MAX, 0, left).x;
    countdown_bar(v.remaining_ms, v.limit_ms, width - tw - 30 * s);
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - f.large->FontSize * 0.4f);
    ImGui::PushFont(f.large);
    ImGui::TextUnformatted(left);
    ImGui::PopFont();
  }

  wrapped(f.body, q.stem.c_str());
  ImGui::Dummy(ImVec2(0, 8 * s));
  const float footer = target_height() + 50 * s;
  const float body_h = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - footer;
  ImGui::BeginChild("answer", ImVec2(width, body_h), false);
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
      choices(v, out, ImGui::GetContentRegionAvail().x);
      break;
    case QuestionType::true_false:
      true_false(v, out, ImGui::GetContentRegionAvail().x);
      break;
    case QuestionType::fill_blank:
      fill_blank(v, out, ImGui::GetContentRegionAvail().x);
      break;
    case QuestionType::ordering:
      ordering(v, out, ImGui::GetContentRegionAvail().x);
      break;
    case QuestionType::matching:
      matching(v, out, ImGui::GetContentRegionAvail().x);
      break;
    case QuestionType::hotspot:
      hotspot(v, out, ImGui::GetContentRegionAvail().x, body_h - f.body->FontSize * 2);
      break;
  }
  ImGui::EndChild();

  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - footer + 10 * s);
  if (q.type == QuestionType::ordering || q.type == QuestionType::matching || q.type == QuestionType::hotspot) {
    if (big_button(tr(S::undo), ImVec2(260 * s, 0), color::muted)) out.push_back(make(Act::undo_pick, v));
    ImGui::SameLine();
  }
  if (v.can_end) {
    if (big_button(tr(S::end_practice), ImVec2(320 * s, 0), color::muted)) out.push_back({Act::end_practice});
    ImGui::SameLine();
  }
  const float submit_w = 480 * s;
  ImGui::SetCursorPosX(ImGui::GetWindowWidth() - submit_w - ImGui::GetStyle().WindowPadding.x);
  ImGui::BeginDisabled(!answer_ready(v));
  if (big_button(tr(S::submit), ImVec2(submit_w, 0), color::right)) out.push_back(make(Act::submit, v));
  ImGui::EndDisabled();
  end_screen();
}

}  // namespace ankang::ui
