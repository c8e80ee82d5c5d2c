#include "kiosk/font_lookup.h"

#include <fontconfig/fontconfig.h>

#include <memory>

namespace ankang::kiosk {

namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

// The best match for a family, accepted only when it really is that family
// (fontconfig always returns something, often a Latin font).
FontFile match(const char* family, const char* must_contain) {
  Pattern pat(FcNameParse(reinterpret_cast<const FcChar8*>(family)));
  if (!pat) return {};
  FcPatternAddString(pat.get(), FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
  FcConfigSubstitute(nullptr, pat.get(), FcMatchPattern);
  FcDefaultSubstitute(pat.get());
  FcResult result = FcResultNoMatch;
  Pattern found(FcFontMatch(nullptr, pat.get(), &result));
  if (!found || result != FcResultMatch) return {};
  FcChar8* file = nullptr;
  FcChar8* name = nullptr;
  int index = 0;
  if (FcPatternGetString(found.get(), FC_FILE, 0, &file) != FcResultMatch) return {};
  if (FcPatternGetString(found.get(), FC_FAMILY, 0, &name) != FcResultMatch) return {};
  FcPatternGetInteger(found.get(), FC_INDEX, 0, &index);
  if (std::string(reinterpret_cast<const char*>(name)).find(must_contain) == std::string::npos) return {};
  return {reinterpret_cast<const char*>(file), index};
}

}  // namespace

FontFile find_cjk_font() {
  if (!FcInit()) return {};
  FontFile f = match("Noto Sans CJK SC:style=Regular", "CJK");
  if (f.path.empty()) f = match("WenQuanYi Zen Hei", "WenQuanYi");
  if (f.path.empty()) f = match("WenQuanYi Micro Hei", "WenQuanYi");
  return f;
}

}  // namespace ankang::kiosk
