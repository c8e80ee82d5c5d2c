// Host mode: the big-screen scoreboard of a team contest with the host's
// controls (the same actions also have keyboard shortcuts in the kiosk).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

void draw_host(const HostView& v, Intents& out) {
  begin_screen("host");
  char right[96];
  std::snprintf(right, sizeof right, "%s %d / %d", tr(S::question_word), v.question_number, v.question_total);
  // Status in the title band: paused, over, or whose turn it is.
  char status[160] = "";
  if (v.paused) {
    std::snprintf(status, sizeof status, "%s", tr(S::paused_banner));
  } else if (v.finished) {
    std::snprintf(status, sizeof status, "%s", tr(S::contest_over));
  } else if (v.turn >= 0 && v.turn < static_cast<int>(v.teams.size())) {
    const char* name = v.teams[static_cast<std::size_t>(v.turn)].name.c_str();
    std::snprintf(status, sizeof status, v.stakes.empty() ? tr(S::team_answering) : tr(S::choose_stake), name);
    if (v.member >= 0 && v.stakes.empty()) {
      char member[64];
      std::snprintf(member, sizeof member, tr(S::member_answering), v.member + 1);
      std::snprintf(status + std::strlen(status), sizeof status - std::strlen(status), "  ·  %s", member);
    }
  }
  std::string title = std::string(tr(S::host_title)) + " · " + v.round_name;
  if (status[0]) title += std::string(" · ") + status;
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
  // The question never runs under the controls: it scrolls in its own region.
  const float bh = target_height();
  const float row_gap = ImGui::GetStyle().ItemSpacing.y;
  const float controls_top = ImGui::GetWindowHeight() - 2 * bh - row_gap - 40 * s - f.body->FontSize * 1.5f;
  ImGui::BeginChild("##question", ImVec2(0, std::max(1.0f, controls_top - ImGui::GetCursorPosY() - row_gap)), false,
                    ImGuiWindowFlags_NoBackground);
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


  // Host controls along the bottom, two rows; the shortcuts are printed above
  // them. The first row changes while a stake or a reason is picked.
  ImGui::EndChild();
  ImGui::SetCursorPosY(controls_top);
  wrapped(f.body, v.fixing ? tr(S::pick_reason) : tr(S::host_keys), color::muted);
  struct Control {
    std::string label;
    Intent intent;
    ImU32 fill;
    bool enabled;
  };
  auto row = [&](const std::vector<Control>& controls) {
    const float count = static_cast<float>(std::max<std::size_t>(controls.size(), 6));
    const float bw = (width - gap * (count - 1)) / count;
    for (std::size_t i = 0; i < controls.size(); ++i) {
      if (i) ImGui::SameLine();
      ImGui::PushID(static_cast<int>(i));
      ImGui::BeginDisabled(!controls[i].enabled);
      if (big_button(controls[i].label.c_str(), ImVec2(bw, bh), controls[i].fill)) out.push_back(controls[i].intent);
      ImGui::EndDisabled();
      ImGui::PopID();
    }
  };
  std::vector<Control> first;
  if (v.fixing) {
    int i = 0;
    for (S reason : fix_reasons()) first.push_back({tr(reason), {Act::host_reason, i++}, color::primary, true});
    first.push_back({tr(S::cancel), {Act::host_cancel_fix}, color::muted, true});
  } else if (!v.stakes.empty()) {
    for (int stake : v.stakes) {
      char label[32];
      std::snprintf(label, sizeof label, tr(S::stake_points), stake);
      first.push_back({label, {Act::host_stake, stake}, color::primary, !v.paused});
    }
    first.push_back({tr(S::stake_decline), {Act::host_stake, 0}, color::muted, !v.paused});
  } else {
    first = {{tr(S::start_timer), {Act::host_start_timer}, color::primary, v.can_open},
             {tr(S::reveal), {Act::host_reveal}, color::primary, v.can_reveal},
             {tr(S::judge_right), {Act::host_right}, color::right, v.can_judge},
             {tr(S::judge_wrong), {Act::host_wrong}, color::wrong, v.can_judge},
             {tr(S::host_pass), {Act::host_pass}, color::band, v.can_pass},
             {tr(S::next_question), {Act::host_next}, color::band, v.can_next}};
  }
  row(first);
  ImGui::PushID("second");
  row({{tr(v.paused ? S::host_resume : S::host_pause), {Act::host_pause}, color::band, v.can_pause},
       {tr(S::host_correct), {Act::host_correct}, color::band, v.can_correct && !v.fixing},
       {tr(S::host_undo), {Act::host_undo}, color::band, v.can_undo && !v.fixing},
       {tr(S::back), {Act::host_exit}, color::muted, true}});
  ImGui::PopID();
  end_screen();
}

}  // namespace ankang::ui
