// Result: score, correct count, time, pass or not, ranks.
#include <cstdio>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

void draw_result(const ResultView& v, Intents& out) {
  begin_screen("result");
  const float s = scale();
  const Fonts& f = fonts();
  title_band(tr(S::result_title));
  centered(f.body, v.worker_name.c_str(), color::muted);
  ImGui::Dummy(ImVec2(0, 30 * s));
  char line[96];
  std::snprintf(line, sizeof line, "%d", v.score);
  centered(f.digits, line, color::primary);
  centered(f.body, tr(S::score), color::muted);
  ImGui::Dummy(ImVec2(0, 20 * s));

  std::snprintf(line, sizeof line, tr(S::correct_count), v.correct, v.total);
  centered(f.large, line);
  std::snprintf(line, sizeof line, tr(S::time_used), v.seconds / 60, v.seconds % 60);
  centered(f.large, line);
  if (v.timed) {
    // Pass or not: a star or a ring, not only a colour.
    const char* verdict = tr(v.passed ? S::passed : S::not_passed);
    ImGui::Dummy(ImVec2(0, 10 * s));
    const float tw = f.large->CalcTextSizeA(f.large->FontSize, FLT_MAX, 0, verdict).x;
    const float x = (ImGui::GetWindowWidth() - tw) / 2;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    draw_shape(ImGui::GetWindowDrawList(), v.passed ? 4 : 0, ImVec2(x - 40 * s, p.y + f.large->FontSize / 2),
               f.large->FontSize * 0.45f, v.passed ? color::right : color::wrong, v.passed);
    centered(f.large, verdict, v.passed ? color::right : color::wrong);
    if (v.rank_team > 0) {
      std::snprintf(line, sizeof line, tr(S::rank_in_team), v.rank_team);
      centered(f.body, line);
    }
    if (v.rank_enterprise > 0) {
      std::snprintf(line, sizeof line, tr(S::rank_in_enterprise), v.rank_enterprise);
      centered(f.body, line);
    }
  }

  const float bw = 520 * s;
  ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - bw) / 2, ImGui::GetWindowHeight() - target_height() - 60 * s));
  if (big_button(tr(S::back_to_start), ImVec2(bw, 0), color::primary)) out.push_back({Act::back_to_start});
  end_screen();
}

}  // namespace ankang::ui
