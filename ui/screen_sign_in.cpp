// Sign-in: enterprise and team from lists, employee number on a keypad (a
// badge scanner types digits like a keyboard), a name for first-timers.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

namespace {

// A list of choices as tall buttons; returns the index tapped or -1.
int choice_list(const char* id, const std::vector<std::string>& items, int chosen, ImVec2 size) {
  int tapped = -1;
  ImGui::BeginChild(id, size, true);
  for (std::size_t i = 0; i < items.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (option_button(0, "", items[i].c_str(), static_cast<int>(i) == chosen, ImGui::GetContentRegionAvail().x))
      tapped = static_cast<int>(i);
    ImGui::PopID();
  }
  ImGui::EndChild();
  return tapped;
}

}  // namespace

void draw_sign_in(const SignInView& view, Intents& out) {
  begin_screen("sign_in");
  title_band(tr(S::sign_in_title));
  const float s = scale();
  const Fonts& f = fonts();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float col_w = avail.x * 0.5f - 20 * s;
  const float bottom = target_height() + 40 * s;

  // Left: enterprise and team.
  ImGui::BeginGroup();
  wrapped(f.body, tr(S::choose_enterprise_team), color::muted);
  const float sp = ImGui::GetStyle().ItemSpacing.y;
  const float list_h =
      (ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - bottom - 2 * (f.body->FontSize + sp) - 2 * sp - 20 * s) / 2;
  ImGui::TextUnformatted(tr(S::enterprise));
  const int e = choice_list("enterprises", view.enterprises, view.enterprise, ImVec2(col_w, list_h));
  if (e >= 0) out.push_back({Act::pick_enterprise, e});
  ImGui::TextUnformatted(tr(S::team));
  const int t = choice_list("teams", view.teams, view.team, ImVec2(col_w, list_h));
  if (t >= 0) out.push_back({Act::pick_team, t});
  ImGui::EndGroup();

  // Right: employee number and keypad, then the name for first-timers.
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
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float name_h = view.first_time ? f.body->FontSize + f.large->FontSize + 60 * s : 0;
  const float pad_h = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - bottom - name_h - 20 * s;
  const int key = keypad((col_w - 2 * ImGui::GetStyle().ItemSpacing.x) / 3, pad_h / 4 - spacing);
  if (key >= 0 && key <= 9) out.push_back({Act::key_digit, key});
  if (key == 10) out.push_back({Act::key_backspace});
  if (key == 11) out.push_back({Act::key_clear});
  if (view.first_time) {
    ImGui::TextUnformatted(tr(S::name_first_time));
    std::string name = view.name;
    ImGui::SetNextItemWidth(col_w);
    ImGui::PushFont(f.body);
    if (ImGui::InputText("##name", &name)) out.push_back({Act::set_name, 0, name});
    ImGui::PopFont();
  }
  if (!view.error.empty()) wrapped(f.body, view.error.c_str(), color::wrong);
  ImGui::EndGroup();

  // Bottom row: back and sign in.
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - bottom);
  if (big_button(tr(S::back), ImVec2(300 * s, 0), color::muted)) out.push_back({Act::back});
  ImGui::SameLine(ImGui::GetWindowWidth() - 520 * s - ImGui::GetStyle().WindowPadding.x);
  const bool ready = view.enterprise >= 0 && view.team >= 0 && !view.employee_no.empty() &&
                     (!view.first_time || !view.name.empty());
  ImGui::BeginDisabled(!ready);
  if (big_button(tr(S::sign_in), ImVec2(520 * s, 0), color::right)) out.push_back({Act::sign_in});
  ImGui::EndDisabled();
  end_screen();
}

}  // namespace ankang::ui
