#include "window/platform.h"

#include <SDL_opengl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <stdexcept>

namespace ankang::window {

Platform::Platform(const WindowOptions& options) {
  // Leave SIGINT/SIGTERM alone: lockdown ignores SDL_QUIT, but the system
  // must still be able to stop the kiosk.
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  const Uint32 subsystems = SDL_INIT_VIDEO | SDL_INIT_TIMER |
                           (options.audio_and_controllers ? SDL_INIT_AUDIO | SDL_INIT_GAMECONTROLLER : 0u);
  if (SDL_Init(subsystems) != 0)
    throw std::runtime_error(std::string("SDL 初始化失败 / SDL_Init failed: ") + SDL_GetError());
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  if (options.resizable) flags |= SDL_WINDOW_RESIZABLE;
  window_ = SDL_CreateWindow(options.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                             options.height, flags);
  if (!window_) {
    SDL_Quit();
    throw std::runtime_error(std::string("无法创建窗口 / cannot create the window: ") + SDL_GetError());
  }
  gl_ = SDL_GL_CreateContext(window_);
  if (!gl_) {
    SDL_DestroyWindow(window_);
    SDL_Quit();
    throw std::runtime_error(std::string("无法创建 OpenGL 上下文 / cannot create the GL context: ") + SDL_GetError());
  }
  SDL_GL_MakeCurrent(window_, gl_);
  SDL_GL_SetSwapInterval(1);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // nothing written next to the binary
  ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
  ImGui_ImplOpenGL3_Init("#version 150");
  // Device objects now, while the atlas is still the tiny default one: the
  // backend's own RGBA font texture is then dropped for ours (reload_fonts).
  ImGui_ImplOpenGL3_CreateDeviceObjects();
}

Platform::~Platform() {
  if (font_texture_) glDeleteTextures(1, &font_texture_);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(gl_);
  SDL_DestroyWindow(window_);
  SDL_Quit();
}

int Platform::height() const {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window_, &w, &h);
  return h;
}

void Platform::reload_fonts() {
  // The atlas as one byte per pixel (GL_R8, read as white with alpha):
  // a quarter of the memory of the backend's RGBA texture.
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  if (font_texture_) glDeleteTextures(1, &font_texture_);
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
  glGenTextures(1, &font_texture_);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(font_texture_)));
  atlas.ClearTexData();  // the GPU has it now
}

void Platform::new_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
}

void Platform::render() {
  ImGui::Render();
  draw();
}

void Platform::draw() {
  const ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(clear_[0], clear_[1], clear_[2], 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Platform::present() { SDL_GL_SwapWindow(window_); }

bool Platform::save_png(const std::string& path) const {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window_, &w, &h);
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  // GL rows run bottom-up; PNG rows top-down.
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(path.c_str(), w, h, 3, pixels.data(), w * 3) != 0;
}

Texture make_texture(const std::vector<std::uint8_t>& bytes) {
  Texture t;
  int channels = 0;
  if (bytes.empty()) return t;
  unsigned char* rgba = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &t.width, &t.height,
                                              &channels, 4);
  if (!rgba) return {};
  GLuint id = 0;
  glGenTextures(1, &id);
  glBindTexture(GL_TEXTURE_2D, id);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, t.width, t.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  stbi_image_free(rgba);
  t.id = id;
  return t;
}

void free_texture(Texture& t) {
  if (t.id) {
    GLuint id = t.id;
    glDeleteTextures(1, &id);
  }
  t = {};
}

}  // namespace ankang::window
