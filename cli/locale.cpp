#include <cstdlib>
#include <string_view>

#include "cli/commands.h"

namespace ankang::cli {

bool locale_is_chinese() {
  // The first of these that is set decides, as in POSIX.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return std::string_view(value).starts_with("zh");
  }
  return false;
}

const std::string& localized(const Text& text) {
  static const bool chinese = locale_is_chinese();
  return chinese ? text.zh : text.en;
}

}  // namespace ankang::cli
