// The font atlas: only the glyphs the kiosk shows (the UI strings, names and
// the questions of the paper on screen), not the whole CJK range or the whole
// bank, so start-up stays fast and small.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "engine/question.h"
#include "ui/strings.h"

namespace ankang::ui {

// Every text of a question that may appear on screen (question, feedback,
// host), appended to out; and the same for many questions.
void add_question_texts(const Question& q, std::vector<std::string_view>& out);
std::vector<std::string_view> question_texts(const std::vector<Question>& questions);

// The UI strings drawn in the title font (both languages go in the atlas).
// A screen that draws another string in the title font must add it here.
std::span<const S> title_strings();

// Builds body / large / title / digits fonts from a font file (a .ttc needs
// its face index) for the given body size in pixels. The body font holds the
// UI strings plus extra_texts (questions, names): question texts are always
// drawn in it. The large font holds the UI strings plus title_texts; the
// title font, 2.25x the body, only ASCII, title_strings() and title_texts.
// Returns false when the file cannot be read; then ImGui's default font is
// used so the kiosk still starts (in English glyphs only).
bool build_fonts(ImFontAtlas& atlas, const std::string& font_file, int face_index, float body_px,
                 const std::vector<std::string_view>& extra_texts,
                 const std::vector<std::string_view>& title_texts = {});

// Fonts from one font file, each at its size with its glyph ranges (which
// must outlive the atlas's use of them), into out[i]. The file is mapped
// once and only the asked glyphs are rasterised. Returns false when the
// file cannot be read: every out[i] is then ImGui's default font.
struct FontSpec {
  float px;
  const ImWchar* ranges;
};
bool build_font_set(ImFontAtlas& atlas, const std::string& font_file, int face_index,
                    std::span<const FontSpec> specs, std::span<ImFont*> out);

// True when the body font has a glyph for every character of text; when it
// does not, the kiosk adds the text and rebuilds the atlas between frames.
bool fonts_cover(std::string_view text);
// The same for any font.
bool font_covers(const ImFont* font, std::string_view text);

}  // namespace ankang::ui
