// The baseline of the start-up benchmarks: the same SDL2 + OpenGL + Dear
// ImGui window, loading the same font file with ASCII glyphs only, drawing
// one frame and exiting.
//   bare_window               the kiosk's window (1920x1080, audio and game controllers)
//   bare_window --video-only  the console's window: video only, 1600x900, resizable
#include <imgui.h>

#include <cstdio>
#include <cstring>

#include "window/platform.h"
#include "machine/font_lookup.h"

int main(int argc, char** argv) {
  using namespace ankang::window;
  WindowOptions options;
  if (argc > 1 && std::strcmp(argv[1], "--video-only") == 0)
    options = {.title = "安康杯 组织单位工作台", .width = 1600, .height = 900, .resizable = true, .audio_and_controllers = false};
  Platform platform(options);
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
