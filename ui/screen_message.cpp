// A message over the current screen (errors from a USB stick, notices).
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

void draw_message(const char* message, Intents& out) {
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  const float s = scale();
  const ImVec2 size(d.x * 0.6f, d.y * 0.5f);
  ImGui::SetNextWindowPos(ImVec2((d.x - size.x) / 2, (d.y - size.y) / 2));
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 4 * s);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, color::card);
  ImGui::Begin("message", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::SetWindowFocus();
  if (fonts().body) ImGui::PushFont(fonts().body);
  wrapped(fonts().large, tr(S::message_title), color::primary);
  ImGui::BeginChild("text", ImVec2(0, size.y - target_height() * 2 - 60 * s));
  wrapped(fonts().body, message);
  ImGui::EndChild();
  ImGui::SetCursorPosX((size.x - 400 * s) / 2);
  if (big_button(tr(S::ok), ImVec2(400 * s, 0), color::primary)) out.push_back({Act::dismiss_message});
  if (fonts().body) ImGui::PopFont();
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

}  // namespace ankang::ui
