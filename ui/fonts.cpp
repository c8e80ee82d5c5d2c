#include "ui/fonts.h"

#include <imgui_internal.h>

#include <cstdio>
#include <string>
#include <vector>

#include "engine/config.h"
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
                 const std::vector<std::string_view>& extra_texts,
                 const std::vector<std::string_view>& title_texts) {
  // The ranges must outlive Build(): the atlas keeps a pointer to them.
  static ImVector<ImWchar> ranges;
  static ImVector<ImWchar> title_ranges;
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
  builder.AddText("中文");
  for (std::string_view s : all_strings()) builder.AddText(s.data(), s.data() + s.size());
  // Names the engine gives that titles show: question types and rounds.
  for (int t = 0; t <= static_cast<int>(QuestionType::hotspot); ++t) {
    const std::string_view n = type_name_zh(static_cast<QuestionType>(t));
    builder.AddText(n.data(), n.data() + n.size());
  }
  for (int r = 0; r <= static_cast<int>(RoundKind::tiebreak); ++r) {
    const std::string_view n = round_name_zh(static_cast<RoundKind>(r));
    builder.AddText(n.data(), n.data() + n.size());
  }
  ImFontGlyphRangesBuilder title_builder = builder;
  for (std::string_view s : title_texts) title_builder.AddText(s.data(), s.data() + s.size());
  for (std::string_view s : extra_texts) builder.AddText(s.data(), s.data() + s.size());
  ranges.clear();
  builder.BuildRanges(&ranges);
  title_ranges.clear();
  title_builder.BuildRanges(&title_ranges);

  ImFontConfig cfg;
  cfg.FontNo = face_index;
  // Glyphs drawn at their pixel size and snapped: at 32 px and above CJK
  // strokes stay sharp without oversampling, and the atlas is a third the size.
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  // A CJK collection is ~20 MB: read it once and let the four fonts share
  // the bytes instead of the atlas loading a copy per font.
  static std::vector<unsigned char> file_bytes;
  static std::string loaded;
  if (loaded != font_file) {
    std::FILE* fp = std::fopen(font_file.c_str(), "rb");
    if (!fp) return false;
    std::fseek(fp, 0, SEEK_END);
    file_bytes.resize(static_cast<std::size_t>(std::ftell(fp)));
    std::fseek(fp, 0, SEEK_SET);
    const bool ok = std::fread(file_bytes.data(), 1, file_bytes.size(), fp) == file_bytes.size();
    std::fclose(fp);
    if (!ok) return false;
    loaded = font_file;
  }
  cfg.FontDataOwnedByAtlas = false;
  auto add = [&](float px, const ImVector<ImWchar>& r) {
    return atlas.AddFontFromMemoryTTF(file_bytes.data(), static_cast<int>(file_bytes.size()), px, &cfg, r.Data);
  };
  f.body = add(body, ranges);
  f.large = add(body * 1.375f, title_ranges);
  f.title = add(body * 2.25f, title_ranges);
  static const ImWchar digit_ranges[] = {0x0020, 0x0039, 0};
  f.digits = atlas.AddFontFromMemoryTTF(file_bytes.data(), static_cast<int>(file_bytes.size()), body * 4.5f, &cfg,
                                        digit_ranges);
  const bool built = f.body && f.large && f.title && f.digits && atlas.Build();
  // The glyphs are in the atlas now: drop the 20 MB of font file.
  atlas.ClearInputData();
  std::vector<unsigned char>().swap(file_bytes);
  loaded.clear();
  return built;
}

}  // namespace ankang::ui
