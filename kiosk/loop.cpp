// The main loop: SDL events in, frames out, and nothing in between — it
// sleeps in SDL_WaitEventTimeout until input arrives or a timer is due, so
// an idle kiosk uses no CPU.
#include <imgui.h>
#include <backends/imgui_impl_sdl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "kiosk/app.h"
#include "kiosk/host_input.h"
#include "machine/font_lookup.h"
#include "window/platform.h"
#include "kiosk/sounds.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::kiosk {

namespace {

using window::Platform;
using window::Texture;
using window::make_texture;
using window::free_texture;

std::int64_t unix_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void build_atlas(Platform& platform, const App& app, const machine::FontFile& font) {
  const float body = ui::body_px(static_cast<float>(platform.height()), app.font_scale());
  if (!ui::build_fonts(*ImGui::GetIO().Fonts, font.path, font.index, body, app.atlas_texts(), app.title_texts()))
    std::fprintf(stderr, "ankang-kiosk: 找不到中文字体 / no CJK font found (install fonts-noto-cjk)\n");
  platform.reload_fonts();
  ui::apply_theme(static_cast<float>(platform.height()) / 1080.0f * app.font_scale());
  // Every screen is a full-window window in the theme's background colour:
  // clear the frame to that colour and leave the window see-through, or a
  // software GL blends two million pixels more per frame (a fifth of the
  // first frame's time under llvmpipe).
  ImVec4& bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  platform.set_clear_color(bg.x, bg.y, bg.z);
  bg.w = 0;
}

// ANKANG_KIOSK_ITEMS=FILE: after each frame, what a tap can reach and where
// ("x y label" per line, enabled targets only), so the end-to-end test taps
// a key where the worker sees it. Written whole, then renamed.
void write_targets(const char* file) {
  const std::string tmp = std::string(file) + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "w");
  if (!f) return;
  for (const ui::Target& t : ui::frame_targets())
    if (t.enabled)
      std::fprintf(f, "%d %d %s\n", static_cast<int>(t.center().x), static_cast<int>(t.center().y), t.label.c_str());
  std::fclose(f);
  std::rename(tmp.c_str(), file);
}

}  // namespace

int run_kiosk(const Options& options) {
  Platform platform({.fullscreen = !options.windowed, .width = options.width, .height = options.height});
  App app(options.data_dir);
  const machine::FontFile font = machine::find_cjk_font();
  app.set_time(unix_now_ms(), static_cast<std::int64_t>(SDL_GetTicks64()));
  app.prepare_frame();  // a resumed attempt: its question's glyphs from the start
  build_atlas(platform, app, font);
  app.fonts_rebuilt();  // the atlas above already has every text the app noted
  // The audio device is opened after the first frame (sounds are for host
  // mode): opening it is start-up time the attract screen does not need.
  std::optional<Sounds> sounds;
  auto play = [&](Cue cue) {
    if (sounds) sounds->play(cue);
  };
  for (int i = 0; i < SDL_NumJoysticks(); ++i)
    if (SDL_IsGameController(i)) SDL_GameControllerOpen(i);
    else SDL_JoystickOpen(i);

  const char* targets_file = std::getenv("ANKANG_KIOSK_ITEMS");
  std::uintptr_t picture_for = 0;  // the question whose picture is loaded
  Texture picture;
  int frames = 3;  // ImGui settles hover and layout over a couple of frames
  bool first = true;
  while (app.running()) {
    SDL_Event e;
    bool got = false;
    if (!service_alive()) break;  // SIGTERM: return, so the store closes cleanly (kiosk/watchdog.h)
    if (frames > 0) {
      got = SDL_PollEvent(&e);
    } else {
      got = SDL_WaitEventTimeout(&e, service_wait_ms(app.sleep_ms()));
    }
    while (got) {
      app.set_time(unix_now_ms(), static_cast<std::int64_t>(SDL_GetTicks64()));
      bool swallow = false;
      switch (e.type) {
        case SDL_QUIT: swallow = true; break;  // lockdown: only the admin screen exits
        case SDL_WINDOWEVENT:
          if (e.window.event == SDL_WINDOWEVENT_CLOSE) swallow = true;
          if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) build_atlas(platform, app, font);
          // Lockdown: a window brought over the kiosk (Alt+Tab, a stray
          // program) gets the screen back at once; one event, no polling.
          if (!options.windowed &&
              (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST || e.window.event == SDL_WINDOWEVENT_HIDDEN ||
               e.window.event == SDL_WINDOWEVENT_MINIMIZED)) {
            if (SDL_GetWindowFlags(platform.window()) & SDL_WINDOW_MINIMIZED) SDL_RestoreWindow(platform.window());
            SDL_RaiseWindow(platform.window());
            SDL_SetWindowInputFocus(platform.window());
          }
          break;
        case SDL_KEYDOWN:
          if (e.key.keysym.sym == SDLK_ESCAPE || (e.key.keysym.sym == SDLK_F4 && (e.key.keysym.mod & KMOD_ALT)))
            swallow = true;
          if (app.screen() == Screen::host) {
            if (const int team = buzzer_team(e); team >= 0) app.buzz(team, e.key.timestamp);
            if (const auto act = host_shortcut(e.key.keysym.sym)) app.apply({*act});
            swallow = true;
          } else if ((e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER) &&
                     !ImGui::GetIO().WantTextInput) {
            app.enter_pressed();
          }
          break;
        case SDL_TEXTINPUT:
          if (!ImGui::GetIO().WantTextInput) app.typed(e.text.text);
          break;
        case SDL_CONTROLLERBUTTONDOWN: app.buzz(buzzer_team(e), e.cbutton.timestamp); break;
        case SDL_JOYBUTTONDOWN: app.buzz(buzzer_team(e), e.jbutton.timestamp); break;
        case SDL_CONTROLLERDEVICEADDED: SDL_GameControllerOpen(e.cdevice.which); break;
        default: break;
      }
      if (!swallow) ImGui_ImplSDL2_ProcessEvent(&e);
      if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP || e.type == SDL_FINGERDOWN ||
          e.type == SDL_KEYDOWN || e.type == SDL_TEXTINPUT || e.type == SDL_MOUSEMOTION) {
        app.touched();
        frames = 3;
      }
      got = SDL_PollEvent(&e);
    }
    app.set_time(unix_now_ms(), static_cast<std::int64_t>(SDL_GetTicks64()));
    if (app.tick()) frames = std::max(frames, 1);
    for (const Cue cue : app.take_cues()) play(cue);  // keys, buzzers and the timer
    if (frames == 0) continue;
    --frames;

    // Glyphs of what this frame shows (a new paper's questions) go into the
    // atlas before it is drawn: no missing-glyph boxes, ever.
    app.prepare_frame();
    if (app.fonts_dirty()) {
      build_atlas(platform, app, font);
      app.fonts_rebuilt();
    }
    // The picture of the question on screen, decoded once.
    const Question* pq = app.picture_question();
    const auto key = reinterpret_cast<std::uintptr_t>(pq);
    if (key != picture_for) {
      free_texture(picture);
      if (pq) picture = make_texture(pq->image.bytes);
      app.set_picture(picture.id, picture.width, picture.height);
      picture_for = key;
    }
    const Screen before = app.screen();
    platform.new_frame();
    app.frame();
    platform.render();
    platform.present();
    for (const Cue cue : app.take_cues()) play(cue);  // the host screen's buttons
    if (targets_file) write_targets(targets_file);
    if (app.screen() != before) frames = 3;
    if (first) {
      first = false;
      std::printf("first-frame %lld\n", static_cast<long long>(SDL_GetTicks64()));
      std::fflush(stdout);
      if (options.first_frame_exit) break;
      sounds.emplace();
    }
  }
  free_texture(picture);
  return 0;
}

}  // namespace ankang::kiosk
