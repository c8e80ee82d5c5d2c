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

  // The whole screen is one button; the top-right corner opens the admin PIN.
  ImGui::SetCursorPos(ImVec2(0, 0));
  if (ImGui::InvisibleButton("start", size)) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const float corner = 120.0f * s;
    out.push_back({m.x > size.x - corner && m.y < corner ? Act::admin_open : Act::start});
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

  // Today's leaderboard.
  const float lx = size.x * 0.22f, lw = size.x * 0.56f;
  y = band_h + pill.y / 2 + 50 * s;
  center_text(f.large, y, color::text, tr(S::today_leaderboard));
  y += f.large->FontSize + 24 * s;
  if (view.today.empty()) {
    center_text(f.body, y, color::muted, tr(S::no_scores_yet));
  } else {
    const float row = f.body->FontSize * 1.9f;
    for (std::size_t i = 0; i < view.today.size() && i < 5; ++i) {
      const LeaderRow& r = view.today[i];
      const float ry = y + row * static_cast<float>(i);
      if (i % 2 == 0) dl->AddRectFilled(ImVec2(lx, ry), ImVec2(lx + lw, ry + row), color::card, 10 * s);
      char rank[16];
      std::snprintf(rank, sizeof rank, "%zu", i + 1);
      const float ty = ry + (row - f.body->FontSize) / 2;
      if (i < 3) draw_shape(dl, 4, ImVec2(lx + 40 * s, ry + row / 2), row * 0.32f, color::accent, true);
      dl->AddText(f.body, f.body->FontSize, ImVec2(lx + 80 * s, ty), color::text, rank);
      dl->AddText(f.body, f.body->FontSize, ImVec2(lx + 150 * s, ty), color::text, r.name.c_str());
      dl->AddText(f.body, f.body->FontSize, ImVec2(lx + lw * 0.45f, ty), color::muted, r.team.c_str());
      char score[16];
      std::snprintf(score, sizeof score, "%d", r.score);
      const ImVec2 ss = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, score);
      dl->AddText(f.body, f.body->FontSize, ImVec2(lx + lw - 40 * s - ss.x, ty), color::primary, score);
    }
  }
  end_screen();
}

}  // namespace ankang::ui
