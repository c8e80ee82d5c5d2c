// Sign-in: enterprise and team from lists, employee number on a keypad (a
// badge scanner types digits like a keyboard), a name for first-timers.
// Every part has its place from the first frame: the name field's room is
// kept free until a new number asks for it, so the keypad never moves under
// a finger that is typing.
#include <imgui.h>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

void draw_sign_in(const SignInView& view, Intents& out) {
  begin_screen("sign_in");
  title_band(tr(S::sign_in_title));
  const float s = scale();
  const Fonts& f = fonts();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float sp = style.ItemSpacing.y;
  const float col_w = ImGui::GetContentRegionAvail().x * 0.5f - 20 * s;
  const float bottom = target_height() + 40 * s;
  const float top = ImGui::GetCursorPosY();
  const float height = ImGui::GetWindowHeight() - bottom - 20 * s - top;

  // Left: enterprise (one to a row) and team (two to a row), a page at a
  // time; the rows that fit are shared out, the odd one to the enterprises.
  ImGui::BeginGroup();
  const int rows = list_page_size(ImVec2(col_w, height - list_height(0) - sp), 1);
  const float enterprise_h = list_height(rows - rows / 2);
  const ListTap e = paged_list("enterprises", tr(S::enterprise), view.enterprises, view.enterprise,
                               view.enterprise_page, ImVec2(col_w, enterprise_h), 1, false);
  if (e.item >= 0) out.push_back({Act::pick_enterprise, e.item});
  if (e.page >= 0) out.push_back({Act::page_enterprises, e.page});
  const ListTap t = paged_list("teams", tr(S::team), view.teams, view.team, view.team_page,
                               ImVec2(col_w, height - enterprise_h - sp), 2, false);
  if (t.item >= 0) out.push_back({Act::pick_team, t.item});
  if (t.page >= 0) out.push_back({Act::page_teams, t.page});
  ImGui::EndGroup();

  // Right: employee number and keypad, then the room for the name and for a
  // message, taken whether or not they show.
  ImGui::SameLine(0, 40 * s);
  ImGui::BeginGroup();
  wrapped(f.body, tr(S::enter_employee_no), color::muted);
  {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = f.title->FontSize * 1.4f;
    dl->AddRectFilled(p, ImVec2(p.x + col_w, p.y + h), color::card, 12 * s);
    dl->AddRect(p, ImVec2(p.x + col_w, p.y + h), color::border, 12 * s, 0, 2);
    dl->AddText(f.title, f.title->FontSize, ImVec2(p.x + 24 * s, p.y + h * 0.15f), color::text,
                view.employee_no.c_str());
    ImGui::Dummy(ImVec2(col_w, h));
  }
  const float line = f.body->FontSize + sp;
  const float name_h = line + f.body->FontSize + 2 * style.FramePadding.y + sp;
  const float pad_h = top + height - ImGui::GetCursorPosY() - name_h - line;
  const int key = keypad((col_w - 2 * style.ItemSpacing.x) / 3, (pad_h - 4 * sp) / 4);
  if (key >= 0 && key <= 9) out.push_back({Act::key_digit, key});
  if (key == 10) out.push_back({Act::key_backspace});
  if (key == 11) out.push_back({Act::key_clear});
  const float name_y = ImGui::GetCursorPosY();
  if (view.first_time) {
    ImGui::TextUnformatted(tr(S::name_first_time));
    std::string name = view.name;
    if (text_field("##name", name, col_w)) out.push_back({Act::set_name, 0, name});
  }
  ImGui::SetCursorPosY(name_y + name_h);
  if (!view.error.empty()) wrapped(f.body, view.error.c_str(), color::wrong, col_w);
  ImGui::EndGroup();

  // Bottom row: back and sign in.
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - bottom);
  if (big_button(tr(S::back), ImVec2(300 * s, 0), color::muted)) out.push_back({Act::back});
  ImGui::SameLine(ImGui::GetWindowWidth() - 520 * s - style.WindowPadding.x);
  const bool ready = view.enterprise >= 0 && view.team >= 0 && !view.employee_no.empty() &&
                     (!view.first_time || !view.name.empty());
  ImGui::BeginDisabled(!ready);
  if (big_button(tr(S::sign_in), ImVec2(520 * s, 0), color::right)) out.push_back({Act::sign_in});
  ImGui::EndDisabled();
  end_screen();
}

}  // namespace ankang::ui
