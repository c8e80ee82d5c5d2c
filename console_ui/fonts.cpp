#include "console_ui/fonts.h"

#include <algorithm>

#include "ui/fonts.h"

namespace ankang::console_ui {

ConsoleFonts& console_fonts() {
  static ConsoleFonts f;
  return f;
}

float body_px(float window_height) { return std::max(16.0f, window_height / 54.0f); }

bool build_console_fonts(ImFontAtlas& atlas, const std::string& font_file, int face_index, float body,
                         const std::vector<std::string>& texts) {
  // The ranges must outlive the atlas's use of them.
  static ImVector<ImWchar> ranges;
  ImFontGlyphRangesBuilder builder;
  static const ImWchar ascii[] = {0x0020, 0x007E, 0};
  builder.AddRanges(ascii);
  builder.AddText("□▲▼←→↑↓·…：，。！？（）《》、“”");
  for (const auto& t : texts) builder.AddText(t.data(), t.data() + t.size());
  ranges.clear();
  builder.BuildRanges(&ranges);
  const ui::FontSpec specs[] = {{body, ranges.Data}, {body * 1.4f, ranges.Data}};
  ImFont* out[2] = {};
  const bool ok = ui::build_font_set(atlas, font_file, face_index, specs, out);
  console_fonts() = {out[0], out[1]};
  // A character the atlas lacks is drawn as a box, not a question mark, so a
  // missing glyph is never mistaken for text.
  for (ImFont* f : out) {
    const ImFontGlyph* box = f ? f->FindGlyphNoFallback(0x25A1) : nullptr;
    if (!box) continue;
    f->FallbackChar = 0x25A1;
    f->FallbackGlyph = box;
    f->FallbackAdvanceX = box->AdvanceX;
  }
  return ok;
}

}  // namespace ankang::console_ui
