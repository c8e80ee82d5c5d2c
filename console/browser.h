// The folder browser's state: where it is, what it lists, and the mounted
// USB sticks (/media/USER/*, /run/media/USER/*, /mnt/*; or the folders of
// ANKANG_MEDIA_ROOTS, colon-separated, where a machine mounts them elsewhere).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "console/context.h"
#include "console_ui/screen_browser.h"

namespace ankang::console {

// The folders where sticks are mounted now, by label.
std::vector<console_ui::BrowserView::Place> removable_mounts();

class Browser {
 public:
  void open(BrowseRequest request);
  bool active() const { return request_.has_value(); }
  // Draws the browser; calls the request's on_pick when the user picks.
  void draw();
  const console_ui::BrowserView& view() const { return view_; }

 private:
  void go_to(const std::string& dir);
  std::optional<BrowseRequest> request_;
  console_ui::BrowserView view_;
};

}  // namespace ankang::console
