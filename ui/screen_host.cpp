// Host mode: the big-screen scoreboard of a team contest with the host's
// controls (the same actions also have keyboard shortcuts in the kiosk).
#include <algorithm>
#include <cstdio>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

void draw_host(const HostView& v, Intents& out) {
  begin_screen("host");
  char right[96];
  std::snprintf(right, sizeof right, "%s %d / %d", tr(S::question_word), v.question_number, v.question_total);
  const std::string title = std::string(tr(S::host_title)) + " · " + v.round_name;
  title_band(title.c_str(), right);
  const float s = scale();
  const Fonts& f = fonts();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;

  // Scoreboard: one card per team; the buzz light is a filled star, a foul a
  // crossed ring, so both read without colour.
  const std::size_t n = std::max<std::size_t>(1, v.teams.size());
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float cw = (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
  const float ch = 190 * s;
  for (std::size_t i = 0; i < v.teams.size(); ++i) {
    const HostTeam& t = v.teams[i];
    if (i) ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(cw, ch));
    const ImU32 fill = t.buzzed ? color::accent : (t.foul ? color::wrong : color::card);
    dl->AddRectFilled(p, ImVec2(p.x + cw, p.y + ch), fill, 16 * s);
    dl->AddRect(p, ImVec2(p.x + cw, p.y + ch), color::border, 16 * s, 0, 2);
    const ImU32 ink = t.foul ? color::band_text : color::text;
    dl->AddText(f.body, f.body->FontSize, ImVec2(p.x + 24 * s, p.y + 16 * s), ink, t.name.c_str());
    char score[16];
    std::snprintf(score, sizeof score, "%d", t.score);
    dl->AddText(f.title, f.title->FontSize, ImVec2(p.x + 24 * s, p.y + ch - f.title->FontSize - 16 * s), ink, score);
    const ImVec2 mark(p.x + cw - 60 * s, p.y + ch - 60 * s);
    if (t.buzzed) {
      draw_shape(dl, 4, mark, 40 * s, color::text, true);
      const ImVec2 sz = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, tr(S::buzz_first));
      dl->AddText(f.body, f.body->FontSize, ImVec2(p.x + cw - sz.x - 24 * s, p.y + 20 * s), color::text, tr(S::buzz_first));
    }
    if (t.foul) {
      dl->AddCircle(mark, 36 * s, color::band_text, 32, 6 * s);
      dl->AddLine(ImVec2(mark.x - 25 * s, mark.y - 25 * s), ImVec2(mark.x + 25 * s, mark.y + 25 * s), color::band_text, 6 * s);
      const ImVec2 sz = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, tr(S::foul));
      dl->AddText(f.body, f.body->FontSize, ImVec2(p.x + cw - sz.x - 24 * s, p.y + 20 * s), color::band_text, tr(S::foul));
    }
  }

  ImGui::Dummy(ImVec2(0, 10 * s));
  if (v.limit_ms > 0) {
    const int secs = (std::max(0, v.remaining_ms) + 999) / 1000;
    char left[48];
    std::snprintf(left, sizeof left, tr(S::time_left), secs / 60, secs % 60);
    const float tw = f.large->CalcTextSizeA(f.large->FontSize, FLT_MAX, 0, left).x;
    countdown_bar(v.remaining_ms, v.limit_ms, width - tw - 30 * s);
    ImGui::SameLine();
    ImGui::PushFont(f.large);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - f.large->FontSize * 0.4f);
    ImGui::TextUnformatted(left);
    ImGui::PopFont();
  }
  if (v.question) {
    const std::string type(type_name_zh(v.question->type));
    wrapped(f.body, type.c_str(), color::muted);
    wrapped(f.body, v.question->stem.c_str());
    if (v.question->type == QuestionType::single || v.question->type == QuestionType::multiple) {
      for (std::size_t i = 0; i < v.question->options.size(); ++i) {
        const std::string line = std::string(1, static_cast<char>('A' + i)) + "、" + v.question->options[i];
        wrapped(f.body, line.c_str());
      }
    }
    if (v.revealed) {
      ImGui::Dummy(ImVec2(0, 6 * s));
      wrapped(f.large, tr(S::correct_answer), color::primary);
      wrapped(f.body, v.correct_answer.c_str(), color::right);
    }
  }

  // Host controls along the bottom; the shortcuts are printed above them.
  const float bh = target_height();
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - bh - 40 * s - f.body->FontSize * 1.5f);
  wrapped(f.body, tr(S::host_keys), color::muted);
  struct Control {
    S label;
    Act act;
    ImU32 fill;
  };
  const Control controls[] = {
      {S::start_timer, Act::host_start_timer, color::primary}, {S::reveal, Act::host_reveal, color::primary},
      {S::judge_right, Act::host_right, color::right},         {S::judge_wrong, Act::host_wrong, color::wrong},
      {S::next_question, Act::host_next, color::band},         {S::next_round, Act::host_next_round, color::band},
      {S::back, Act::host_exit, color::muted},
  };
  const float bw = (width - gap * 6) / 7;
  for (std::size_t i = 0; i < std::size(controls); ++i) {
    if (i) ImGui::SameLine();
    if (big_button(tr(controls[i].label), ImVec2(bw, bh), controls[i].fill)) out.push_back({controls[i].act});
  }
  end_screen();
}

}  // namespace ankang::ui
