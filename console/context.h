// What a page may use: the workspace, the job runner, the status line, the
// folder browser and the desktop's file opener.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "console/jobs.h"
#include "console/workspace.h"
#include "console_ui/shell.h"

namespace ankang::console {

// A request for the folder browser: pick a folder, or a file of one of the
// extensions (".xlsx", ".csv"; lower case, compared without case).
struct BrowseRequest {
  Text title;
  bool pick_folder = false;
  std::vector<std::string> extensions;
  std::function<void(const std::string&)> on_pick;
};

struct Context {
  Workspace& workspace;
  Jobs& jobs;
  // Bumped after a job that changed a store: pages reload their views.
  int data_version = 0;
  std::function<void(BrowseRequest)> browse;
  std::function<void(const std::string&)> open_file;  // with the desktop's viewer
  std::function<void(console_ui::PageId)> go;
  std::function<void(bool ok, Text message)> say;  // the status line
};

// A page of the console: draws its screen, turns the screen's intents into
// jobs and browser requests.
class Page {
 public:
  virtual ~Page() = default;
  virtual void draw(Context& ctx) = 0;
};

std::unique_ptr<Page> make_home_page();
std::unique_ptr<Page> make_bank_page();
std::unique_ptr<Page> make_enterprises_page();
std::unique_ptr<Page> make_contest_page();
std::unique_ptr<Page> make_collect_page();
std::unique_ptr<Page> make_results_page();
std::unique_ptr<Page> make_reports_page();
std::unique_ptr<Page> make_rollup_page();

}  // namespace ankang::console
