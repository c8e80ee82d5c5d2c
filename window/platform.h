// The SDL2 window, its OpenGL context and the ImGui backends, as one RAII
// object; plus what a main loop needs from the platform. Shared by the
// kiosk and the organiser console.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ankang::window {

// What a program asks of its window.
struct WindowOptions {
  const char* title = "安康杯";
  bool fullscreen = false;
  int width = 1920, height = 1080;
  bool resizable = false;
  // The kiosk plays sounds and reads buzzers; a desktop tool starts faster
  // without the audio and game-controller subsystems.
  bool audio_and_controllers = true;
};


class Platform {
 public:
  // Throws std::runtime_error naming what failed (SDL, the GL context).
  explicit Platform(const WindowOptions& options);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  SDL_Window* window() const { return window_; }
  // Drawable height: the fonts are built for it.
  int height() const;

  // Rebuilds the GPU font texture after the atlas changed.
  void reload_fonts();

  void new_frame();
  // The colour render() clears the frame to (0-1 RGB).
  void set_clear_color(float r, float g, float b) { clear_[0] = r, clear_[1] = g, clear_[2] = b; }
  // Ends ImGui's frame and renders its draw data; the frame is shown by present().
  void render();
  // Renders the draw data of a frame already ended with ImGui::Render().
  void draw();
  void present();
  // Reads the rendered (not yet presented) frame into a PNG file.
  bool save_png(const std::string& path) const;

 private:
  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  unsigned font_texture_ = 0;
  float clear_[3] = {0.957f, 0.965f, 0.973f};
};

// A texture made from PNG or JPEG bytes (0 when they do not decode).
struct Texture {
  unsigned id = 0;
  int width = 0, height = 0;
};
Texture make_texture(const std::vector<std::uint8_t>& bytes);
void free_texture(Texture& t);

}  // namespace ankang::window
