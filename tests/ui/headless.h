// ImGui with no backend (like imgui's example_null): builds the font atlas,
// draws a screen and simulates taps, so screens can be tested without a
// window.
#pragma once

#include <imgui.h>

#include <functional>
#include <optional>
#include <vector>

#include "machine/font_lookup.h"
#include "ui/fonts.h"
#include "ui/intents.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ankang::testing {

class Headless {
 public:
  using Draw = std::function<void(ui::Intents&)>;

  explicit Headless(float width = 1920, float height = 1080) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    // The real font, so layouts match the kiosk's.
    const auto font = machine::find_cjk_font();
    cjk_ = ui::build_fonts(*io.Fonts, font.path, font.index, ui::body_px(height, 1.0f), {});
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::apply_theme(height / 1080.0f);
  }
  ~Headless() { ImGui::DestroyContext(); }
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  bool cjk() const { return cjk_; }

  ui::Intents frame(const Draw& draw, ImVec2 mouse, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    ui::Intents out;
    draw(out);
    ImGui::Render();
    return out;
  }

  // Hover, press, release at p; the intents of the release frame (and of the
  // press frame, for widgets that act on press).
  ui::Intents tap(const Draw& draw, ImVec2 p) {
    frame(draw, ImVec2(-100, -100), false);
    frame(draw, p, false);
    ui::Intents out = frame(draw, p, true);
    ui::Intents up = frame(draw, p, false);
    out.insert(out.end(), up.begin(), up.end());
    frame(draw, ImVec2(-100, -100), false);
    return out;
  }

  // The touch targets of the screen once its layout has settled (ImGui
  // places child windows a frame late), with the pointer away from it.
  std::vector<ui::Target> targets(const Draw& draw) {
    for (int i = 0; i < 3; ++i) frame(draw, ImVec2(-100, -100), false);
    return ui::frame_targets();
  }

  // The boxes of the glyphs the last frame drew (textured quads), for
  // measuring text on screen.
  struct Box {
    ImVec2 min, max;
  };
  static std::vector<Box> glyph_boxes() {
    std::vector<Box> out;
    const ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    for (int l = 0; data && l < data->CmdListsCount; ++l) {
      const ImDrawList* dl = data->CmdLists[l];
      const ImVector<ImDrawIdx>& idx = dl->IdxBuffer;
      // A glyph is a rectangle: indices i, i+1, i+2, i, i+2, i+3 over vertices a, b, c, d.
      for (int k = 0; k + 5 < idx.Size; k += 3) {
        const ImDrawIdx i = idx[k];
        if (idx[k + 1] != i + 1 || idx[k + 2] != i + 2 || idx[k + 3] != i || idx[k + 4] != i + 2 ||
            idx[k + 5] != i + 3 || i + 3 >= dl->VtxBuffer.Size)
          continue;
        const ImDrawVert& a = dl->VtxBuffer[i];
        const ImDrawVert& c = dl->VtxBuffer[i + 2];
        if (a.uv.x == white.x && a.uv.y == white.y) continue;
        out.push_back({a.pos, c.pos});
        k += 3;
      }
    }
    return out;
  }

  // Scans the screen on a grid finer than the smallest touch target and
  // returns the first point whose tap produces an intent matching `want`.
  std::optional<ImVec2> locate(const Draw& draw, const std::function<bool(const ui::Intent&)>& want,
                               float step = 60) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    for (float y = step / 2; y < size.y; y += step)
      for (float x = step / 2; x < size.x; x += step)
        for (const auto& in : tap(draw, ImVec2(x, y)))
          if (want(in)) return ImVec2(x, y);
    return std::nullopt;
  }

 private:
  bool cjk_ = false;
};

}  // namespace ankang::testing
