// The frame around every screen: the sidebar of pages, the status line with
// the last outcome, and the busy window while a job runs.
#pragma once

#include <optional>
#include <string>

namespace ankang::console_ui {

enum class PageId { home, bank, enterprises, contest, collect, results, reports, rollup };
inline constexpr int kPageCount = 8;
const char* page_title(PageId page);

struct JobView {
  std::string label;  // 正在导入……
  std::size_t done = 0, total = 0;  // total 0: no count known
  double seconds = 0;               // since it started
};

struct ShellView {
  PageId page = PageId::home;
  std::string workspace;  // the folder the console keeps its files in
  std::string status;     // the last job's outcome
  bool status_ok = true;
  std::optional<JobView> busy;
};

struct ShellIntent {
  std::optional<PageId> go;
  bool switch_language = false;
};

// Begins the full-window frame and the page's area; the page draws between
// begin_shell and end_shell.
ShellIntent begin_shell(const ShellView& view);
void end_shell(const ShellView& view);

}  // namespace ankang::console_ui
