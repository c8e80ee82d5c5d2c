// The console without a window: an ImGui context with the real CJK fonts,
// an App on a temporary workspace whose jobs run at once, and a mouse that
// finds a button by its label and presses it, as a user would.
#pragma once

#include <gtest/gtest.h>
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "console/app.h"
#include "console_ui/fonts.h"
#include "console_ui/text.h"
#include "console_ui/theme.h"
#include "console_ui/widgets.h"
#include "machine/font_lookup.h"

namespace ankang::test {

inline std::string temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("ankang-console-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

class Headless {
 public:
  explicit Headless(const std::string& name, float width = 1600, float height = 900)
      : dir_(temp_dir(name)), workspace_(dir_ + "/workspace") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60;
    height_ = height;
    console_ui::set_language(console_ui::Lang::zh);
    console_ui::record_texts(true);
    build_atlas();
    app_ = std::make_unique<console::App>(workspace_, true);
  }
  ~Headless() {
    app_.reset();
    console_ui::record_texts(false);
    ImGui::DestroyContext();
    std::filesystem::remove_all(dir_);
  }

  console::App& app() { return *app_; }
  const std::string& dir() const { return dir_; }
  console::Workspace& workspace() { return workspace_; }

  // One frame, as the console's loop draws it, then the finished job applied.
  void frame() {
    for (int pass = 0;; ++pass) {
      ImGui::NewFrame();
      app_->frame();
      if (!console_ui::Glyphs::instance().missing() || pass == 2) break;
      ImGui::EndFrame();
      build_atlas();
    }
    ImGui::Render();
    app_->poll();
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

  // The pressable item of the last frame with this label, or null.
  const console_ui::Item* find(const std::string& label) const {
    const auto& items = console_ui::frame_items();
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.label == label; });
    return it == items.end() ? nullptr : &*it;
  }
  // Moves the mouse onto the item and clicks it; fails the test when the
  // last frame has no such item.
  void click(const std::string& label) {
    frame();
    const auto* item = find(label);
    ASSERT_NE(item, nullptr) << "no item labelled " << label << " on screen";
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = item->center();
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    frame();
  }
  void type(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
  }
  // Presses and releases a key (Dear ImGui 1.86: through the key map, which
  // no platform backend fills here).
  void press(ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.KeyMap[key] < 0) io.KeyMap[key] = 256 + key;
    io.KeysDown[io.KeyMap[key]] = true;
    frame();
    io.KeysDown[io.KeyMap[key]] = false;
    frame();
  }

  // Whether the last frame drew a text containing `part`.
  bool shows(const std::string& part) const {
    const auto& texts = console_ui::recorded_texts();
    return std::any_of(texts.begin(), texts.end(), [&](const auto& t) { return t.find(part) != std::string::npos; });
  }
  std::string all_texts() const {
    std::string out;
    for (const auto& t : console_ui::recorded_texts()) out += t + "\n";
    return out;
  }

 private:
  void build_atlas() {
    const auto font = machine::find_cjk_font();
    console_ui::build_console_fonts(*ImGui::GetIO().Fonts, font.path, font.index, console_ui::body_px(height_),
                                    console_ui::Glyphs::instance().take_all());
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    console_ui::apply_console_theme(height_ / 1080.0f);
  }
  std::string dir_;
  console::Workspace workspace_;
  float height_ = 900;
  std::unique_ptr<console::App> app_;
};

}  // namespace ankang::test
