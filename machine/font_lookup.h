// Finds a CJK font through fontconfig: Noto Sans CJK SC, else WenQuanYi.
#pragma once

#include <string>

namespace ankang::machine {

struct FontFile {
  std::string path;  // empty when no CJK font is installed
  int index = 0;     // face index inside a .ttc collection
};

FontFile find_cjk_font();

}  // namespace ankang::machine
