// The font atlas: only the glyphs the kiosk can show (the UI strings and the
// loaded questions), not the whole CJK range, so start-up stays fast.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "engine/question.h"

namespace ankang::ui {

// Every text of the questions that may appear on screen.
std::vector<std::string_view> question_texts(const std::vector<Question>& questions);

// Builds body / large / title / digits fonts from a font file (a .ttc needs
// its face index) for the given body size in pixels. The body font holds the
// UI strings plus extra_texts (questions, names); the large and title fonts
// hold only the UI strings plus title_texts, which keeps the atlas small:
// question texts are always drawn in the body font. Returns
// false when the file cannot be read; then ImGui's default font is used so
// the kiosk still starts (in English glyphs only).
bool build_fonts(ImFontAtlas& atlas, const std::string& font_file, int face_index, float body_px,
                 const std::vector<std::string_view>& extra_texts,
                 const std::vector<std::string_view>& title_texts = {});

// True when the body font has a glyph for every character of text; when it
// does not, the kiosk adds the text and rebuilds the atlas between frames.
bool fonts_cover(std::string_view text);

}  // namespace ankang::ui
