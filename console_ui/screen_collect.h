// 收集成绩: verify and import every score bundle on a USB stick or in a
// folder, each refused one listed with its reason; the kiosks whose bundles
// are accepted, and registering one more.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ankang::console_ui {

struct BundleRow {
  std::string file;    // name on the stick
  std::string status;  // 已导入 / 已导入过 / 拒绝
  bool refused = false;
  std::string detail;  // the reason, the notes, or what it added
};

struct KioskRow {
  std::string label, fingerprint, bundles, last_sequence;
};

// A kiosk key picked in the browser, waiting for the user to confirm it.
struct KioskToRegister {
  std::string file;
  std::string fingerprint;  // empty when the file holds no key
  std::string error;
};

struct CollectView {
  std::vector<KioskRow> kiosks;
  std::optional<std::string> folder;  // the last collection
  int imported = 0, already = 0, refused = 0;
  long answers = 0, team_results = 0;
  std::vector<BundleRow> bundles;
  std::vector<std::string> gaps;
  std::optional<KioskToRegister> candidate;
};

struct CollectIntent {
  bool collect = false;
  bool pick_kiosk_key = false;
  bool confirm_kiosk = false;
  bool cancel_kiosk = false;
};

// label: the name the user types for the kiosk being registered.
CollectIntent collect_screen(const CollectView& view, std::string& label);

}  // namespace ankang::console_ui
