#include "ui/fonts.h"

#include <imgui_internal.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <string>
#include <vector>

#include "engine/config.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace ankang::ui {

void add_question_texts(const Question& q, std::vector<std::string_view>& out) {
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

std::vector<std::string_view> question_texts(const std::vector<Question>& questions) {
  std::vector<std::string_view> out;
  for (const Question& q : questions) add_question_texts(q, out);
  return out;
}

std::span<const S> title_strings() {
  static constexpr S kTitle[] = {S::app_title, S::timed_test, S::mistake_book, S::correct, S::wrong};
  return kTitle;
}

bool fonts_cover(std::string_view text) { return font_covers(fonts().body, text); }

bool font_covers(const ImFont* font, std::string_view text) {
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

// The font file mapped read-only. A CJK collection is ~20 MB; stb_truetype
// reads only the tables and the glyphs asked for, so only those pages become
// resident, and the four fonts share the one mapping.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size < INT_MAX) {
      void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = p;
        size_ = static_cast<std::size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(data_, size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  explicit operator bool() const { return data_ != nullptr; }
  void* data() const { return data_; }
  int size() const { return static_cast<int>(size_); }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace

bool build_fonts(ImFontAtlas& atlas, const std::string& font_file, int face_index, float body,
                 const std::vector<std::string_view>& extra_texts,
                 const std::vector<std::string_view>& title_texts) {
  // The ranges must outlive Build(): the atlas keeps a pointer to them.
  static ImVector<ImWchar> ranges;
  static ImVector<ImWchar> large_ranges;
  static ImVector<ImWchar> title_ranges;
  Fonts& f = fonts();
  ImFontGlyphRangesBuilder builder;
  // ASCII, not ImGui's default Latin-1 too: a Latin-1 letter that a name or
  // a question brings is added with it, like any other new character.
  static const ImWchar ascii[] = {0x0020, 0x007E, 0};
  builder.AddRanges(ascii);
  builder.AddText("0123456789●○■□▲△◆◇★☆✓✗×√←→·…：，。！？（）《》、“”");
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
  ImFontGlyphRangesBuilder large_builder = builder;
  for (std::string_view s : title_texts) large_builder.AddText(s.data(), s.data() + s.size());
  for (std::string_view s : extra_texts) builder.AddText(s.data(), s.data() + s.size());
  ranges.clear();
  builder.BuildRanges(&ranges);
  large_ranges.clear();
  large_builder.BuildRanges(&large_ranges);
  // The title font is 2.25x the body: a glyph costs five body glyphs to
  // rasterise, so it gets only what is drawn in it.
  ImFontGlyphRangesBuilder title_builder;
  title_builder.AddRanges(ascii);
  title_builder.AddText("●（）");
  for (S id : title_strings())
    for (Lang lang : {Lang::zh, Lang::en}) title_builder.AddText(tr(id, lang));
  for (std::string_view s : title_texts) title_builder.AddText(s.data(), s.data() + s.size());
  title_ranges.clear();
  title_builder.BuildRanges(&title_ranges);

  static const ImWchar digit_ranges[] = {0x0020, 0x0039, 0};
  const FontSpec specs[] = {{body, ranges.Data}, {body * 1.375f, large_ranges.Data},
                            {body * 2.25f, title_ranges.Data}, {body * 4.5f, digit_ranges}};
  ImFont* built[4] = {};
  const bool ok = build_font_set(atlas, font_file, face_index, specs, built);
  f.body = built[0], f.large = built[1], f.title = built[2], f.digits = built[3];
  return ok;
}

bool build_font_set(ImFontAtlas& atlas, const std::string& font_file, int face_index,
                    std::span<const FontSpec> specs, std::span<ImFont*> out) {
  atlas.Clear();
  const MappedFile file(font_file);
  if (!file) {
    ImFontConfig cfg;
    cfg.SizePixels = specs.empty() ? 13.0f : specs[0].px;
    ImFont* fallback = atlas.AddFontDefault(&cfg);
    for (ImFont*& f : out) f = fallback;
    atlas.Build();
    return false;
  }
  ImFontConfig cfg;
  cfg.FontNo = face_index;
  // Glyphs drawn at their pixel size and snapped: at 32 px and above CJK
  // strokes stay sharp without oversampling, and the atlas is a third the size.
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  // Owned by the atlas means "not copied" to ImGui: without it every font
  // would get its own 20 MB copy of the file. The ownership is taken back
  // below, before the atlas could free the mapping.
  cfg.FontDataOwnedByAtlas = true;
  bool all = true;
  for (std::size_t i = 0; i < specs.size() && i < out.size(); ++i) {
    out[i] = atlas.AddFontFromMemoryTTF(file.data(), file.size(), specs[i].px, &cfg, specs[i].ranges);
    all = all && out[i];
  }
  for (ImFontConfig& c : atlas.ConfigData) c.FontDataOwnedByAtlas = false;
  // The texture exactly as tall as the glyphs need, not the next power of
  // two: less to upload and less for the GL driver to keep.
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  const bool built = all && atlas.Build();
  // The glyphs are in the atlas now: it no longer needs the file, which is
  // unmapped on return.
  atlas.ClearInputData();
  return built;
}

}  // namespace ankang::ui
