// One job at a time off the UI thread (an import, a report), so the window
// keeps drawing and shows how far it got. Its result is applied on the UI
// thread, between frames.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <optional>
#include <string>

#include "console_ui/shell.h"
#include "engine/question.h"

namespace ankang::console {

struct Progress {
  std::atomic<std::size_t> done{0}, total{0};
  void operator()(std::size_t d, std::size_t t) { done = d, total = t; }
};

// What a job gives back to the UI thread: the status line's message and
// what to change in the page's view.
struct Finish {
  bool ok = true;
  Text message;
  std::function<void()> apply;  // on the UI thread; may be empty
  bool changed_data = false;    // the stores changed: pages reload their views
};

class Jobs {
 public:
  using Work = std::function<Finish(Progress&)>;
  // inline_jobs: run each job at once on the calling thread (tests).
  explicit Jobs(bool inline_jobs = false) : inline_(inline_jobs) {}
  ~Jobs();

  // Starts a job; refused (false) while another runs. An exception the work
  // throws becomes a failed Finish with its message.
  bool start(Text label, Work work);
  bool busy() const { return running_.valid(); }
  std::optional<console_ui::JobView> view() const;
  // On the UI thread: the finished job's result, once.
  std::optional<Finish> take_finished();

 private:
  bool inline_;
  Text label_;
  std::chrono::steady_clock::time_point started_;
  Progress progress_;
  std::future<Finish> running_;
  std::optional<Finish> finished_;
};

// The message of an exception the stores, the bank or the files throw.
Text error_text(const std::exception& e);

}  // namespace ankang::console
