// Feedback: right or wrong, the worker's answer beside the correct one, the
// explanation and the law.
#include <string>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

void draw_feedback(const FeedbackView& v, Intents& out) {
  begin_screen("feedback");
  const float s = scale();
  const Fonts& f = fonts();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float w = ImGui::GetWindowWidth();

  // Verdict band: a tick or a cross as well as green or red.
  const float band_h = 170 * s;
  const ImU32 col = v.correct ? color::right : color::wrong;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(w, band_h), col);
  const ImVec2 c(90 * s, band_h / 2);
  const float r = 50 * s, t = 12 * s;
  dl->AddCircleFilled(c, r, color::band_text, 40);
  if (v.correct) {
    dl->AddLine(ImVec2(c.x - r * 0.5f, c.y), ImVec2(c.x - r * 0.1f, c.y + r * 0.4f), col, t);
    dl->AddLine(ImVec2(c.x - r * 0.1f, c.y + r * 0.4f), ImVec2(c.x + r * 0.5f, c.y - r * 0.4f), col, t);
  } else {
    dl->AddLine(ImVec2(c.x - r * 0.45f, c.y - r * 0.45f), ImVec2(c.x + r * 0.45f, c.y + r * 0.45f), col, t);
    dl->AddLine(ImVec2(c.x + r * 0.45f, c.y - r * 0.45f), ImVec2(c.x - r * 0.45f, c.y + r * 0.45f), col, t);
  }
  const char* verdict = tr(v.correct ? S::correct : S::wrong);
  dl->AddText(f.title, f.title->FontSize, ImVec2(170 * s, (band_h - f.title->FontSize) / 2), color::band_text, verdict);
  if (v.saved) {
    const ImVec2 sz = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, tr(S::saved));
    dl->AddText(f.body, f.body->FontSize, ImVec2(w - sz.x - 40 * s, (band_h - sz.y) / 2), color::band_text,
                tr(S::saved));
  }
  ImGui::SetCursorPosY(band_h + 30 * s);

  const float footer = target_height() + 50 * s;
  ImGui::BeginChild("detail", ImVec2(0, ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - footer), false);
  if (v.question) {
    const Question& q = *v.question;
    wrapped(f.body, q.stem.c_str(), color::muted);
    ImGui::Dummy(ImVec2(0, 6 * s));
    // The worker's answer beside the correct one, marked √ or × as well as coloured.
    const float half = (ImGui::GetContentRegionAvail().x - 40 * s) / 2;
    const float x0 = ImGui::GetCursorPosX();
    const std::string yours = std::string(tr(S::your_answer)) + (v.correct ? " √" : " ×");
    ImGui::BeginGroup();
    wrapped(f.large, yours.c_str(), col, half);
    wrapped(f.body, v.your_answer.c_str(), 0, half);
    ImGui::EndGroup();
    ImGui::SameLine(x0 + half + 40 * s);
    ImGui::BeginGroup();
    wrapped(f.large, tr(S::correct_answer), color::primary, half);
    wrapped(f.body, v.correct_answer.c_str(), 0, half);
    ImGui::EndGroup();
    if (!q.explanation.empty()) {
      ImGui::Dummy(ImVec2(0, 6 * s));
      wrapped(f.large, tr(S::explanation), color::primary);
      wrapped(f.body, q.explanation.c_str());
    }
    if (!q.basis.empty()) {
      ImGui::Dummy(ImVec2(0, 6 * s));
      wrapped(f.large, tr(S::legal_basis), color::primary);
      const std::string law = q.basis.law + (q.basis.article.empty() ? "" : " " + q.basis.article);
      wrapped(f.body, law.c_str());
    }
  }
  ImGui::EndChild();

  const float footer_y = ImGui::GetWindowHeight() - footer + 10 * s;
  if (v.can_end) {
    ImGui::SetCursorPosY(footer_y);
    if (big_button(tr(S::end_practice), ImVec2(320 * s, 0), color::muted)) out.push_back({Act::end_practice});
  }
  const float bw = 480 * s;
  ImGui::SetCursorPos(ImVec2(w - bw - ImGui::GetStyle().WindowPadding.x, footer_y));
  if (big_button(tr(v.last ? S::see_result : S::next_question), ImVec2(bw, 0), color::primary))
    out.push_back({Act::next});
  end_screen();
}

}  // namespace ankang::ui
