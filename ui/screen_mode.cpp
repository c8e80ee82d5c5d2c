// Mode choice: practice by category, timed test, mistake book, leaderboard.
#include <cstdio>
#include <string>
#include <vector>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

namespace {

// A tall card: a shape, a title and a hint line.
bool mode_card(const char* id, int shape, ImU32 fill, const char* title, const char* hint, ImVec2 size) {
  const Fonts& f = fonts();
  const float s = scale();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(id, size);
  note_target(title);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), fill, 20 * s);
  draw_shape(dl, shape, ImVec2(p.x + 70 * s, p.y + size.y / 2), 34 * s, color::band_text, true);
  dl->AddText(f.title, f.title->FontSize * 0.8f, ImVec2(p.x + 130 * s, p.y + size.y / 2 - f.title->FontSize * 0.75f),
              color::band_text, title);
  dl->AddText(f.body, f.body->FontSize, ImVec2(p.x + 130 * s, p.y + size.y / 2 + 16 * s), color::band_text, hint);
  return tapped;
}

}  // namespace

void draw_mode(const ModeView& view, Intents& out) {
  begin_screen("mode");
  title_band(tr(S::mode_title));
  const std::string hello = std::string(tr(S::hello)) + view.worker_name;
  wrapped(fonts().body, hello.c_str(), color::muted);
  const float s = scale();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 card((avail.x - gap) / 2, 200 * s);

  if (mode_card("test", 1, color::primary, tr(S::timed_test), tr(S::timed_test_hint), card))
    out.push_back({Act::timed_test});
  ImGui::SameLine();
  char mistakes[96];
  std::snprintf(mistakes, sizeof mistakes, "%s（%d）", tr(S::mistake_book), view.mistakes);
  if (mode_card("mistakes", 2, color::wrong, mistakes, tr(S::mistake_book_hint), card))
    out.push_back({Act::mistake_book});

  // Practice: all categories, then one button per category, three to a row,
  // a page at a time above the bottom row.
  ImGui::Dummy(ImVec2(0, 10 * s));
  const float bottom_y = ImGui::GetWindowHeight() - target_height() - 40 * s;
  std::vector<std::string> choices{tr(S::all_categories)};
  choices.insert(choices.end(), view.categories.begin(), view.categories.end());
  const std::string heading = std::string(tr(S::practice)) + "  ·  " + tr(S::practice_hint);
  const float list_h = bottom_y - ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y;
  const ListTap tap = paged_list("categories", heading.c_str(), choices, -1, view.category_page,
                                 ImVec2(avail.x, list_h), 3, true);
  if (tap.item >= 0) out.push_back({Act::practice, tap.item - 1});  // -1: all categories
  if (tap.page >= 0) out.push_back({Act::page_categories, tap.page});

  ImGui::SetCursorPosY(bottom_y);
  if (big_button(tr(S::sign_out), ImVec2(300 * s, 0), color::muted)) out.push_back({Act::sign_out});
  ImGui::SameLine();
  if (big_button(tr(S::leaderboard), ImVec2(300 * s, 0), color::band)) out.push_back({Act::leaderboard});
  end_screen();
}

}  // namespace ankang::ui
