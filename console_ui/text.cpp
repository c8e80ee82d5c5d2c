#include "console_ui/text.h"

#include "console_ui/fonts.h"
#include "ui/fonts.h"

namespace ankang::console_ui {

namespace {
Lang g_lang = Lang::zh;
bool g_recording = false;
}  // namespace

void record_texts(bool on) { g_recording = on; }
std::vector<std::string>& recorded_texts() {
  static std::vector<std::string> texts;
  return texts;
}

void set_language(Lang lang) { g_lang = lang; }
Lang language() { return g_lang; }

const char* tr(const char* zh, const char* en) { return shown(g_lang == Lang::zh ? zh : en); }
const char* tr(const Text& text) {
  const std::string& s = g_lang == Lang::zh || text.en.empty() ? text.zh : text.en;
  return shown(s);
}

const char* shown(const std::string& text) {
  Glyphs::instance().note(text);
  return text.c_str();
}
const char* shown(const char* text) {
  Glyphs::instance().note(text);
  return text;
}

Glyphs& Glyphs::instance() {
  static Glyphs g;
  return g;
}

void Glyphs::note(std::string_view text) {
  if (g_recording) recorded_texts().emplace_back(text);
  // ASCII is always in the atlas: most texts are checked by this loop alone.
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii || ui::font_covers(console_fonts().body, text)) return;
  for (const auto& m : missing_)
    if (m == text) return;
  missing_.emplace_back(text);
}

std::vector<std::string> Glyphs::take_all() {
  for (auto& m : missing_) known_.push_back(std::move(m));
  missing_.clear();
  return known_;
}

}  // namespace ankang::console_ui
