// Leaderboard: today's best workers and teams (best timed-test scores),
// opened from the attract screen or the mode choice.
#include <algorithm>
#include <cstdio>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

namespace {

constexpr std::size_t kRows = 10;

// How many rows fit between the cursor and the back button (fewer at 768p).
std::size_t rows_that_fit(float bottom) {
  const float row = fonts().body->FontSize * 1.9f;
  const float room = bottom - ImGui::GetCursorScreenPos().y;
  return std::min(kRows, static_cast<std::size_t>(std::max(0.0f, room / row)));
}

// A panel's heading and its column names, then the cursor under them.
void heading(const char* title, float x, float width, std::initializer_list<BoardCell> columns, const char* points) {
  const Fonts& f = fonts();
  const float s = scale();
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  ImGui::PushFont(f.large);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  const ImVec2 p(x, ImGui::GetCursorScreenPos().y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddText(f.body, f.body->FontSize, ImVec2(p.x + 60 * s, p.y), color::muted, tr(S::rank));
  for (const BoardCell& c : columns) dl->AddText(f.body, f.body->FontSize, ImVec2(p.x + c.x, p.y), color::muted, c.text);
  const ImVec2 ps = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, points);
  dl->AddText(f.body, f.body->FontSize, ImVec2(p.x + width - 40 * s - ps.x, p.y), color::muted, points);
  ImGui::SetCursorScreenPos(ImVec2(x, p.y + f.body->FontSize + 12 * s));
}

void nothing_yet(float x) {
  ImGui::SetCursorScreenPos(ImVec2(x + 60 * scale(), ImGui::GetCursorScreenPos().y));
  ImGui::PushStyleColor(ImGuiCol_Text, color::muted);
  ImGui::TextUnformatted(tr(S::no_scores_yet));
  ImGui::PopStyleColor();
}

}  // namespace

void draw_leaderboard(const LeaderboardView& v, Intents& out) {
  begin_screen("leaderboard");
  title_band(tr(S::leaderboard_today));
  const float s = scale();
  const float pad = ImGui::GetStyle().WindowPadding.x;
  const float gap = 60 * s;
  const float avail = ImGui::GetWindowWidth() - 2 * pad - gap;
  const float left_w = avail * 0.56f, right_w = avail - left_w;
  const float left_x = ImGui::GetWindowPos().x + pad, right_x = left_x + left_w + gap;
  const float top = ImGui::GetCursorScreenPos().y;
  const float back_y = ImGui::GetWindowHeight() - target_height() - 40 * s;
  const float bottom = ImGui::GetWindowPos().y + back_y - 10 * s;

  // Workers: rank, name, team, points.
  heading(tr(S::top_workers), left_x, left_w, {{170 * s, tr(S::name), 0}, {left_w * 0.5f, tr(S::team), 0}},
          tr(S::score));
  if (v.workers.empty()) nothing_yet(left_x);
  const std::size_t worker_rows = rows_that_fit(bottom);
  for (std::size_t i = 0; i < v.workers.size() && i < worker_rows; ++i) {
    const LeaderRow& r = v.workers[i];
    ImGui::SetCursorScreenPos(ImVec2(left_x, ImGui::GetCursorScreenPos().y));
    board_row(static_cast<int>(i) + 1, {{170 * s, r.name.c_str(), color::text}, {left_w * 0.5f, r.team.c_str(), color::muted}},
              r.score, left_w);
  }

  // Teams: rank, team, how many took the test, points added up.
  ImGui::SetCursorScreenPos(ImVec2(right_x, top));
  heading(tr(S::top_teams), right_x, right_w, {{170 * s, tr(S::team), 0}}, tr(S::score));
  if (v.teams.empty()) nothing_yet(right_x);
  const std::size_t team_rows = rows_that_fit(bottom);
  for (std::size_t i = 0; i < v.teams.size() && i < team_rows; ++i) {
    const TeamRow& t = v.teams[i];
    char count[48];
    std::snprintf(count, sizeof count, tr(S::workers_count), t.workers);
    ImGui::SetCursorScreenPos(ImVec2(right_x, ImGui::GetCursorScreenPos().y));
    board_row(static_cast<int>(i) + 1, {{170 * s, t.team.c_str(), color::text}, {right_w * 0.62f, count, color::muted}},
              t.points, right_w);
  }

  const float bw = 360 * s;
  ImGui::SetCursorPos(ImVec2(pad, back_y));
  if (big_button(tr(S::back), ImVec2(bw, 0), color::muted)) out.push_back({Act::leaderboard_close});
  end_screen();
}

}  // namespace ankang::ui
