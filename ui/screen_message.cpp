// Boxes over the current screen: a message (errors from a USB stick,
// notices) and the idle prompt before the kiosk goes back to its start.
#include <cstdio>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::ui {

namespace {

// A box in the middle of the screen with a title, a text and one button;
// true when the button is tapped.
bool modal_box(const char* title, const char* text, const char* button) {
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
  wrapped(fonts().large, title, color::primary);
  ImGui::BeginChild("text", ImVec2(0, size.y - target_height() * 2 - 60 * s));
  wrapped(fonts().body, text);
  ImGui::EndChild();
  ImGui::SetCursorPosX((size.x - 400 * s) / 2);
  frame_targets().clear();  // the screen under the box takes no tap while it shows
  const bool tapped = big_button(button, ImVec2(400 * s, 0), color::primary);
  if (fonts().body) ImGui::PopFont();
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  return tapped;
}

}  // namespace

void draw_message(const char* message, Intents& out) {
  if (modal_box(tr(S::message_title), message, tr(S::ok))) out.push_back({Act::dismiss_message});
}

void draw_still_there(int seconds_left, Intents& out) {
  char text[256];
  std::snprintf(text, sizeof text, tr(S::idle_countdown), seconds_left);
  if (modal_box(tr(S::still_there), text, tr(S::still_here))) out.push_back({Act::still_here});
}

}  // namespace ankang::ui
