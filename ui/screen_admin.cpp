// Admin: a PIN keypad, then the settings, USB import/export and exit.
#include <imgui.h>

#include <cstdio>
#include <string>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

namespace {

void pin_pad(const AdminView& v, Intents& out) {
  const float s = scale();
  const Fonts& f = fonts();
  const float w = 600 * s;
  const float x = (ImGui::GetWindowWidth() - w) / 2;
  ImGui::SetCursorPosX(x);
  wrapped(f.large, tr(S::enter_pin));
  std::string shown;
  for (std::size_t i = 0; i < v.pin_entry.size(); ++i) shown += "● ";
  ImGui::SetCursorPosX(x);
  ImGui::PushFont(f.title);
  ImGui::TextUnformatted(shown.empty() ? " " : shown.c_str());
  ImGui::PopFont();
  if (v.lock_seconds > 0) {
    char line[96];
    std::snprintf(line, sizeof line, tr(S::pin_locked), v.lock_seconds);
    ImGui::SetCursorPosX(x);
    wrapped(f.body, line, color::wrong);
  } else if (!v.pin_error.empty()) {
    ImGui::SetCursorPosX(x);
    wrapped(f.body, v.pin_error.c_str(), color::wrong);
  }
  ImGui::SetCursorPosX(x);
  ImGui::BeginGroup();
  ImGui::BeginDisabled(v.lock_seconds > 0);
  const int key = keypad((w - 2 * ImGui::GetStyle().ItemSpacing.x) / 3, target_height());
  if (key >= 0 && key <= 9) out.push_back({Act::pin_digit, key});
  if (key == 10) out.push_back({Act::pin_backspace});
  if (key == 11) out.push_back({Act::pin_backspace, 1});
  if (big_button(tr(S::ok), ImVec2(w, 0), color::right)) out.push_back({Act::pin_submit});
  ImGui::EndDisabled();
  if (big_button(tr(S::cancel), ImVec2(w, 0), color::muted)) out.push_back({Act::admin_close});
  ImGui::EndGroup();
}

void settings(const AdminView& v, Intents& out) {
  const float s = scale();
  const Fonts& f = fonts();
  const float w = ImGui::GetContentRegionAvail().x;
  const float half = w * 0.5f - 20 * s;
  const float bh = target_height();
  char line[160];

  ImGui::BeginGroup();
  ImGui::TextUnformatted(tr(S::device_key));
  wrapped(f.body, v.fingerprint.empty() ? "—" : v.fingerprint.c_str(), color::primary);
  std::snprintf(line, sizeof line, "%s：%d    %s：%d", tr(S::stored_attempts), v.attempts, tr(S::stored_answers), v.answers);
  ImGui::TextUnformatted(line);
  ImGui::Dummy(ImVec2(0, 10 * s));
  ImGui::TextUnformatted(tr(S::folder_path));
  std::string folder = v.folder;
  if (text_field("##folder", folder, half)) out.push_back({Act::admin_set_folder, 0, folder});
  if (big_button(tr(S::load_from_folder), ImVec2(half, bh), color::primary))
    out.push_back({Act::admin_load_folder, 0, v.folder});
  if (big_button(tr(S::export_bundle), ImVec2(half, bh), color::primary))
    out.push_back({Act::admin_export, 0, v.folder});
  if (!v.message.empty()) wrapped(f.body, v.message.c_str(), color::muted, half);
  ImGui::EndGroup();

  ImGui::SameLine(0, 40 * s);
  ImGui::BeginGroup();
  auto stepper = [&](const char* label, int value, const char* unit, Act act, int step, int lo, int hi) {
    std::snprintf(line, sizeof line, "%s：%d %s", label, value, unit);
    ImGui::TextUnformatted(line);
    ImGui::PushID(label);
    if (big_button("-", ImVec2(bh * 1.4f, bh), color::muted) && value - step >= lo) out.push_back({act, value - step});
    ImGui::SameLine();
    if (big_button("+", ImVec2(bh * 1.4f, bh), color::muted) && value + step <= hi) out.push_back({act, value + step});
    ImGui::PopID();
  };
  stepper(tr(S::idle_timeout), v.idle_timeout_s, tr(S::seconds), Act::admin_idle_timeout, 30, 30, 600);
  stepper(tr(S::font_scale), v.font_scale_pct, "%", Act::admin_font_scale, 10, 80, 150);
  ImGui::TextUnformatted(tr(S::language));
  if (option_button(0, "", "中文", v.language == 0, half * 0.48f)) out.push_back({Act::admin_language, 0});
  ImGui::SameLine();
  if (option_button(1, "", "English", v.language == 1, half * 0.48f)) out.push_back({Act::admin_language, 1});
  ImGui::TextUnformatted(tr(S::new_pin));
  std::string pin = v.new_pin;
  if (text_field("##newpin", pin, half * 0.5f, ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_Password))
    out.push_back({Act::admin_set_new_pin, 0, pin});
  ImGui::SameLine();
  if (big_button(tr(S::change_pin), ImVec2(half * 0.45f, bh), color::primary))
    out.push_back({Act::admin_change_pin, 0, v.new_pin});
  ImGui::EndGroup();

  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - bh - 40 * s);
  if (big_button(tr(S::back), ImVec2(300 * s, bh), color::muted)) out.push_back({Act::admin_close});
  ImGui::SameLine();
  if (big_button(tr(S::host_mode), ImVec2(300 * s, bh), color::band)) out.push_back({Act::admin_host_mode});
  ImGui::SameLine(ImGui::GetWindowWidth() - 340 * s - ImGui::GetStyle().WindowPadding.x);
  if (big_button(tr(S::exit_kiosk), ImVec2(340 * s, bh), color::wrong)) out.push_back({Act::admin_exit});
}

}  // namespace

void draw_admin(const AdminView& v, Intents& out) {
  begin_screen("admin");
  title_band(tr(S::admin_title));
  if (v.unlocked)
    settings(v, out);
  else
    pin_pad(v, out);
  end_screen();
}

}  // namespace ankang::ui
