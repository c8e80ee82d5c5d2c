#include "console/jobs.h"

#include <chrono>

#include "console_ui/text.h"
#include "question_bank/bank.h"
#include "results/error.h"
#include "storage/error.h"

namespace ankang::console {

Text error_text(const std::exception& e) {
  if (const auto* r = dynamic_cast<const results::ResultsError*>(&e)) return r->text();
  if (const auto* b = dynamic_cast<const bank::BankError*>(&e)) return b->text();
  if (const auto* s = dynamic_cast<const storage::StorageError*>(&e)) return s->text();
  return {std::string("出错了：") + e.what(), std::string("something went wrong: ") + e.what()};
}

namespace {

Finish run_guarded(const Jobs::Work& work, Progress& progress) {
  try {
    return work(progress);
  } catch (const std::exception& e) {
    return {false, error_text(e), {}, false};
  }
}

}  // namespace

Jobs::~Jobs() {
  if (running_.valid()) running_.wait();
}

bool Jobs::start(Text label, Work work) {
  if (busy()) return false;
  label_ = std::move(label);
  started_ = std::chrono::steady_clock::now();
  progress_.done = 0;
  progress_.total = 0;
  if (inline_) {
    finished_ = run_guarded(work, progress_);
    return true;
  }
  running_ = std::async(std::launch::async, [this, work = std::move(work)] { return run_guarded(work, progress_); });
  return true;
}

std::optional<console_ui::JobView> Jobs::view() const {
  if (!busy()) return std::nullopt;
  const std::chrono::duration<double> since = std::chrono::steady_clock::now() - started_;
  return console_ui::JobView{console_ui::tr(label_), progress_.done, progress_.total, since.count()};
}

std::optional<Finish> Jobs::take_finished() {
  if (running_.valid() && running_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
    finished_ = running_.get();
  auto f = std::move(finished_);
  finished_.reset();
  return f;
}

}  // namespace ankang::console
