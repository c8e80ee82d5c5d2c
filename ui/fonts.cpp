#include "ui/fonts.h"

#include <imgui_internal.h>

#include <cstdio>

#include "ui/strings.h"
#include "ui/theme.h"

namespace ankang::ui {

std::vector<std::string_view> question_texts(const std::vector<Question>& questions) {
  std::vector<std::string_view> out;
  for (const Question& q : questions) {
    out.emplace_back(q.stem);
    out.emplace_back(q.explanation);
    out.emplace_back(q.basis.law);
    out.emplace_back(q.basis.article);
    out.emplace_back(type_name_zh(q.type));
    for (const auto& o : q.options) out.emplace_back(o);
    for (const auto& p : q.pairs) {
      out.emplace_back(p.left);
      out.emplace_back(p.right);
    }
    for (const auto& b : q.blanks)
      for (const auto& t : b) out.emplace_back(t);
    for (const auto& c : q.category) out.emplace_back(c);
  }
  return out;
}

bool fonts_cover(std::string_view text) {
  const ImFont* font = fonts().body;
  if (!font) return false;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  while (p < end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    p += n;
    if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
  }
  return true;
}

namespace {

bool file_readable(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::fclose(f);
  return true;
}

}  // namespace

bool build_fonts(ImFontAtlas& atlas, const std::string& font_file, int face_index, float body,
                 const std::vector<std::string_view>& extra_texts) {
  // The ranges must outlive Build(): the atlas keeps a pointer to them.
  static ImVector<ImWchar> ranges;
  atlas.Clear();
  Fonts& f = fonts();
  if (font_file.empty() || !file_readable(font_file)) {
    ImFontConfig cfg;
    cfg.SizePixels = body;
    f.body = f.large = f.title = f.digits = atlas.AddFontDefault(&cfg);
    atlas.Build();
    return false;
  }

  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(atlas.GetGlyphRangesDefault());
  builder.AddText("0123456789●○■□▲△◆◇★☆✓✗←→·…：，。！？（）《》、“”");
  for (std::string_view s : all_strings()) builder.AddText(s.data(), s.data() + s.size());
  for (std::string_view s : extra_texts) builder.AddText(s.data(), s.data() + s.size());
  ranges.clear();
  builder.BuildRanges(&ranges);

  ImFontConfig cfg;
  cfg.FontNo = face_index;
  cfg.OversampleH = 2;  // CJK strokes are dense: 2 is sharp enough, 3 costs memory
  cfg.OversampleV = 1;
  auto add = [&](float px) {
    return atlas.AddFontFromFileTTF(font_file.c_str(), px, &cfg, ranges.Data);
  };
  f.body = add(body);
  f.large = add(body * 1.375f);
  f.title = add(body * 2.25f);
  static const ImWchar digit_ranges[] = {0x0020, 0x0039, 0};
  f.digits = atlas.AddFontFromFileTTF(font_file.c_str(), body * 4.5f, &cfg, digit_ranges);
  if (!f.body || !f.large || !f.title || !f.digits || !atlas.Build()) return false;
  return true;
}

}  // namespace ankang::ui
