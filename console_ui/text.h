// The console's language (Chinese first, English available) and the texts a
// frame draws: every text goes through here, so the font atlas can be built
// with exactly the glyphs on screen and grown when a new text appears.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/question.h"  // Text

namespace ankang::console_ui {

enum class Lang { zh, en };
void set_language(Lang lang);
Lang language();

// The text in the console's language, noted for the atlas.
const char* tr(const char* zh, const char* en);
const char* tr(const Text& text);
// A text from the data (a name, a question), noted for the atlas; returns it.
const char* shown(const std::string& text);
const char* shown(const char* text);

// Tests ask which texts a frame drew: when recording, every text noted
// since the last clear is kept here.
void record_texts(bool on);
std::vector<std::string>& recorded_texts();

// Texts drawn since the atlas was last built that its body font cannot draw.
// The loop rebuilds the atlas with them and draws the frame again.
class Glyphs {
 public:
  static Glyphs& instance();
  void note(std::string_view text);
  bool missing() const { return !missing_.empty(); }
  // Every text the atlas must hold: the ones it was built with plus the
  // missing ones, which become known.
  std::vector<std::string> take_all();

 private:
  std::vector<std::string> known_;
  std::vector<std::string> missing_;
};

}  // namespace ankang::console_ui
