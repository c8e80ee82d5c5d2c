// Attract screen: the contest, its theme, today's leaderboard; a tap starts.
#include <cstdio>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

void draw_attract(const AttractView& view, Intents& out) {
  begin_screen("attract");
  const ImVec2 size = ImGui::GetWindowSize();
  const float s = scale();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Fonts& f = fonts();

  // The leaderboard button at the bottom right: x, y of the top left corner,
  // z, w of the bottom right.
  const ImVec2 lt = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, tr(S::leaderboard));
  const ImVec4 board(size.x - lt.x - 160 * s, size.y - target_height() - 40 * s, size.x - 40 * s, size.y - 40 * s);

  // The whole screen is one button; the top-right corner opens the admin PIN
  // and the leaderboard button its screen.
  ImGui::SetCursorPos(ImVec2(0, 0));
  const float corner = 120.0f * s;
  const bool tapped = ImGui::InvisibleButton("start", size);
  // The rest of the screen is the start button: only its two parts are targets.
  note_area("admin", ImVec2(size.x - corner, 0), ImVec2(size.x, corner));
  note_area(tr(S::leaderboard), ImVec2(board.x, board.y), ImVec2(board.z, board.w));
  if (tapped) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (m.x > size.x - corner && m.y < corner)
      out.push_back({Act::admin_open});
    else if (m.x >= board.x && m.x < board.z && m.y >= board.y && m.y < board.w)
      out.push_back({Act::leaderboard});
    else
      out.push_back({Act::start});
  }

  const float band_h = size.y * 0.42f;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, band_h), color::band);
  auto center_text = [&](ImFont* font, float y, ImU32 col, const char* text) {
    const ImVec2 t = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text);
    dl->AddText(font, font->FontSize, ImVec2((size.x - t.x) / 2, y), col, text);
    return t.y;
  };
  const char* name = view.contest_name.empty() ? tr(S::app_title) : view.contest_name.c_str();
  float y = band_h * 0.22f;
  y += center_text(f.title, y, color::band_text, name) + 30 * s;
  center_text(f.large, y, color::accent, tr(S::theme));

  // Tap prompt: a bordered pill so it reads as a button.
  const ImVec2 t = f.large->CalcTextSizeA(f.large->FontSize, FLT_MAX, 0, tr(S::tap_to_start));
  const ImVec2 pill(t.x + 120 * s, t.y + 60 * s);
  const ImVec2 pp((size.x - pill.x) / 2, band_h - pill.y / 2);
  dl->AddRectFilled(pp, ImVec2(pp.x + pill.x, pp.y + pill.y), color::primary, pill.y / 2);
  dl->AddText(f.large, f.large->FontSize, ImVec2(pp.x + 60 * s, pp.y + 30 * s), color::band_text,
              tr(S::tap_to_start));

  // Today's leaderboard: the top five, and a button to the whole board.
  const float lx = size.x * 0.22f, lw = size.x * 0.56f;
  y = band_h + pill.y / 2 + 50 * s;
  center_text(f.large, y, color::text, tr(S::today_leaderboard));
  y += f.large->FontSize + 24 * s;
  if (view.today.empty()) {
    center_text(f.body, y, color::muted, tr(S::no_scores_yet));
  } else {
    ImGui::SetCursorScreenPos(ImVec2(lx, y));
    for (std::size_t i = 0; i < view.today.size() && i < 5; ++i) {
      const LeaderRow& r = view.today[i];
      ImGui::SetCursorScreenPos(ImVec2(lx, ImGui::GetCursorScreenPos().y));
      board_row(static_cast<int>(i) + 1, {{150 * s, r.name.c_str(), color::text}, {lw * 0.45f, r.team.c_str(), color::muted}},
                r.score, lw);
    }
  }
  dl->AddRectFilled(ImVec2(board.x, board.y), ImVec2(board.z, board.w), color::band, target_height() / 2);
  draw_shape(dl, 4, ImVec2(board.x + 50 * s, (board.y + board.w) / 2), 18 * s, color::accent, true);
  dl->AddText(f.body, f.body->FontSize, ImVec2(board.x + 90 * s, (board.y + board.w - f.body->FontSize) / 2),
              color::band_text, tr(S::leaderboard));
  end_screen();
}

}  // namespace ankang::ui
