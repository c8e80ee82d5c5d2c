// The console as a whole: the pages, the shell around them, the folder
// browser and the job runner. Knows nothing of SDL: a frame is ImGui calls,
// so tests run it headless.
#pragma once

#include <array>
#include <memory>

#include "console/browser.h"
#include "console/context.h"

namespace ankang::console {

class App {
 public:
  // inline_jobs: jobs run at once on the calling thread (tests).
  explicit App(Workspace& workspace, bool inline_jobs = false);

  // The ImGui calls of one frame (between NewFrame and Render).
  void frame();
  // Between frames: applies a finished job's outcome. True when one was
  // applied (the next frame shows it).
  bool poll();
  bool busy() const { return jobs_.busy(); }

  void go(console_ui::PageId page) { page_ = page; }
  console_ui::PageId page() const { return page_; }
  Context& context() { return ctx_; }
  Browser& browser() { return browser_; }
  const console_ui::ShellView& shell() const { return shell_; }

 private:
  Jobs jobs_;
  Context ctx_;
  Browser browser_;
  console_ui::PageId page_ = console_ui::PageId::home;
  console_ui::ShellView shell_;
  std::array<std::unique_ptr<Page>, console_ui::kPageCount> pages_;
};

// Opens a file with the desktop's viewer (xdg-open, or the command in
// ANKANG_OPENER), without waiting for it.
void open_with_desktop(const std::string& path);

}  // namespace ankang::console
