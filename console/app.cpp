#include "console/app.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <thread>

#include "console_ui/text.h"

extern char** environ;

namespace ankang::console {

using console_ui::PageId;

App::App(Workspace& workspace, bool inline_jobs)
    : jobs_(inline_jobs), ctx_{workspace, jobs_, 0, {}, {}, {}, {}} {
  ctx_.browse = [this](BrowseRequest r) { browser_.open(std::move(r)); };
  ctx_.open_file = open_with_desktop;
  ctx_.go = [this](PageId p) { page_ = p; };
  ctx_.say = [this](bool ok, Text message) {
    shell_.status_ok = ok;
    shell_.status = console_ui::tr(message);
  };
  shell_.workspace = workspace.dir();
  pages_ = {make_home_page(),    make_bank_page(),    make_enterprises_page(), make_contest_page(),
            make_collect_page(), make_results_page(), make_reports_page(),     make_rollup_page()};
}

void App::frame() {
  shell_.page = page_;
  shell_.busy = jobs_.view();
  const auto intent = console_ui::begin_shell(shell_);
  pages_[static_cast<std::size_t>(page_)]->draw(ctx_);
  console_ui::end_shell(shell_);
  if (browser_.active()) browser_.draw();
  if (intent.go) page_ = *intent.go;
  if (intent.switch_language)
    console_ui::set_language(console_ui::language() == console_ui::Lang::zh ? console_ui::Lang::en : console_ui::Lang::zh);
}

bool App::poll() {
  auto finished = jobs_.take_finished();
  if (!finished) return false;
  if (finished->apply) finished->apply();
  if (finished->changed_data) ++ctx_.data_version;
  if (!finished->message.zh.empty()) ctx_.say(finished->ok, finished->message);
  return true;
}

void open_with_desktop(const std::string& path) {
  const char* opener = std::getenv("ANKANG_OPENER");
  const std::string program = opener && *opener ? opener : "xdg-open";
  char* argv[] = {const_cast<char*>(program.c_str()), const_cast<char*>(path.c_str()), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, program.c_str(), nullptr, nullptr, argv, environ) != 0) return;
  // Reaped off the UI thread: the viewer may stay open for hours.
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

}  // namespace ankang::console
