// The baseline of the kiosk start-up benchmark: the same SDL2 + OpenGL +
// Dear ImGui window, loading the same font file with ASCII glyphs only,
// drawing one frame and exiting.
#include <imgui.h>

#include <cstdio>

#include "window/platform.h"
#include "machine/font_lookup.h"

int main() {
  using namespace ankang::window;
  Platform platform({});
  const ankang::machine::FontFile font = ankang::machine::find_cjk_font();
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->AddFontFromFileTTF(font.path.c_str(), 32.0f, nullptr, io.Fonts->GetGlyphRangesDefault());
  io.Fonts->Build();
  platform.reload_fonts();
  platform.new_frame();
  ImGui::Begin("bare");
  ImGui::TextUnformatted("Hello");
  ImGui::End();
  platform.render();
  platform.present();
  std::printf("first-frame\n");
  std::fflush(stdout);  // the benchmark stops its clock at this line
  return 0;
}
