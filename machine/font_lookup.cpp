#include "machine/font_lookup.h"

#include <fontconfig/fontconfig.h>

#include <memory>

namespace ankang::machine {

namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

// A configuration of our own, released after the lookup: FcInit() would keep
// fontconfig's global one loaded (and reported as leaked) for the process.
struct ConfigDeleter {
  void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
using Config = std::unique_ptr<FcConfig, ConfigDeleter>;

// The best match for a family, accepted only when it really is that family
// (fontconfig always returns something, often a Latin font).
FontFile match(FcConfig* config, const char* family, const char* must_contain) {
  Pattern pat(FcNameParse(reinterpret_cast<const FcChar8*>(family)));
  if (!pat) return {};
  FcPatternAddString(pat.get(), FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
  FcConfigSubstitute(config, pat.get(), FcMatchPattern);
  FcDefaultSubstitute(pat.get());
  FcResult result = FcResultNoMatch;
  Pattern found(FcFontMatch(config, pat.get(), &result));
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
  Config config(FcInitLoadConfigAndFonts());
  if (!config) return {};
  FontFile f = match(config.get(), "Noto Sans CJK SC:style=Regular", "CJK");
  if (f.path.empty()) f = match(config.get(), "WenQuanYi Zen Hei", "WenQuanYi");
  if (f.path.empty()) f = match(config.get(), "WenQuanYi Micro Hei", "WenQuanYi");
  return f;
}

}  // namespace ankang::machine
