#include "kiosk/answer_draft.h"

#include <algorithm>
#include <random>

namespace ankang::kiosk {

AnswerDraft::AnswerDraft(const Question& q, int attempt, unsigned shuffle_seed, BlankChoices choices)
    : type_(q.type), question_id_(q.id), attempt_(attempt), choices_(std::move(choices)) {
  const std::size_t n = q.type == QuestionType::matching ? q.pairs.size() : q.options.size();
  for (std::size_t i = 0; i < n; ++i) order_.push_back(static_cast<int>(i));
  std::mt19937 rng(shuffle_seed);
  if (q.type == QuestionType::ordering || q.type == QuestionType::matching) {
    std::shuffle(order_.begin(), order_.end(), rng);
    // Shown in the answer's own order, the question would answer itself.
    if (std::is_sorted(order_.begin(), order_.end()) && n > 1) std::swap(order_[0], order_[1]);
  }
  if (q.type == QuestionType::matching) picks_.assign(n, -1);
  if (q.type == QuestionType::fill_blank) texts_.assign(q.numeric ? 1 : std::max<std::size_t>(1, q.blanks.size()), "");
}

bool AnswerDraft::is_for(const std::string& question_id, int attempt) const {
  return question_id_ == question_id && attempt_ == attempt;
}

void AnswerDraft::toggle_option(int option) {
  if (type_ != QuestionType::multiple) {
    picks_ = {option};
    return;
  }
  if (auto it = std::find(picks_.begin(), picks_.end(), option); it == picks_.end())
    picks_.push_back(option);
  else
    picks_.erase(it);
  std::sort(picks_.begin(), picks_.end());
}

void AnswerDraft::tap_item(int item) {
  if (type_ == QuestionType::ordering) {
    if (std::find(picks_.begin(), picks_.end(), item) == picks_.end()) picks_.push_back(item);
  } else {
    match_left_ = item;
  }
}

void AnswerDraft::tap_right(int right) {
  if (match_left_ < 0 || match_left_ >= static_cast<int>(picks_.size())) return;
  for (int& p : picks_)
    if (p == right) p = -1;
  picks_[static_cast<std::size_t>(match_left_)] = right;
  history_.push_back(match_left_);
  match_left_ = -1;
}

void AnswerDraft::undo() {
  if (type_ == QuestionType::ordering && !picks_.empty()) picks_.pop_back();
  if (type_ == QuestionType::matching && !history_.empty()) {
    picks_[static_cast<std::size_t>(history_.back())] = -1;
    history_.pop_back();
  }
  if (type_ == QuestionType::hotspot) tap_x_ = tap_y_ = -1;
}

bool AnswerDraft::set_text(int blank, const std::string& text) {
  if (blank < 0 || blank >= static_cast<int>(texts_.size())) return false;
  texts_[static_cast<std::size_t>(blank)] = text;
  return true;
}

void AnswerDraft::tap_image(int x, int y) {
  tap_x_ = x;
  tap_y_ = y;
}

Response AnswerDraft::response() const {
  Response r;
  switch (type_) {
    case QuestionType::single:
    case QuestionType::multiple:
      for (int i : picks_)
        if (i >= 0 && i < 64) r.choices |= std::uint64_t{1} << i;
      break;
    case QuestionType::true_false:
      r.truth = !picks_.empty() && picks_.front() == 0;
      break;
    case QuestionType::fill_blank:
      r.texts = texts_;
      break;
    case QuestionType::ordering:
      r.order = picks_;
      break;
    case QuestionType::matching:
      r.matches = picks_;
      break;
    case QuestionType::hotspot:
      if (tap_x_ >= 0) r.taps.push_back({tap_x_, tap_y_});
      break;
  }
  return r;
}

}  // namespace ankang::kiosk
