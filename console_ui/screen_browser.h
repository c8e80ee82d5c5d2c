// The folder browser: mounted USB sticks and the home folder on the left,
// the folder's entries on the right; picks a file or a folder.
#pragma once

#include <string>
#include <vector>

namespace ankang::console_ui {

struct BrowserView {
  std::string title;
  bool pick_folder = false;
  std::string dir;
  struct Place {
    std::string label;  // U盘 SANDISK, 主文件夹
    std::string path;
    bool removable = false;
  };
  std::vector<Place> places;
  struct Entry {
    std::string name;
    bool is_dir = false;
  };
  std::vector<Entry> entries;  // folders first, then the files that can be picked
  int selected = -1;           // a file entry
  std::string error;           // the folder cannot be read
};

struct BrowserIntent {
  enum class Kind { none, place, open, select, up, pick, cancel } kind = Kind::none;
  int index = -1;
};

BrowserIntent browser_screen(const BrowserView& view);

}  // namespace ankang::console_ui
