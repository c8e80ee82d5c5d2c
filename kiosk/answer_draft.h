// The answer a worker is putting together for the question on screen: the
// options ticked, the order tapped, the pairs matched, the blanks filled,
// the point tapped on a picture. Pure: no store, no screen, no clock; the
// kiosk turns it into the engine's Response when the worker submits.
#pragma once

#include <string>
#include <vector>

#include "engine/grading.h"
#include "engine/question.h"

namespace ankang::kiosk {

class AnswerDraft {
 public:
  // Answers to tap for a fill-in question, per blank.
  using BlankChoices = std::vector<std::vector<std::string>>;

  AnswerDraft() = default;
  // A fresh draft of `q` in attempt `attempt`. Ordering items and matching
  // partners are shown shuffled by `shuffle_seed` (never in the answer's
  // order); `choices` are the answers offered for a fill-in question.
  AnswerDraft(const Question& q, int attempt, unsigned shuffle_seed, BlankChoices choices = {});

  // Whether this draft answers that question of that attempt (a tap naming
  // another one is late and must not change it).
  bool is_for(const std::string& question_id, int attempt) const;
  const std::string& question_id() const { return question_id_; }

  // Single choice and true/false: the option picked; multiple choice: the
  // option ticked or unticked.
  void toggle_option(int option);
  // Ordering: the next item of the order (once each); matching: the left item to pair.
  void tap_item(int item);
  // Matching: the right partner of the left item tapped last (taken from
  // any other left item that had it).
  void tap_right(int right);
  // Takes back the last ordering item, the last pair or the picture tap.
  void undo();
  // Fill-in: the text of blank `blank`; false when the question has no such blank.
  bool set_text(int blank, const std::string& text);
  void tap_image(int x, int y);

  // The engine response this draft stands for.
  Response response() const;

  const std::vector<int>& picks() const { return picks_; }
  const std::vector<int>& order() const { return order_; }
  int match_left() const { return match_left_; }
  const std::vector<std::string>& texts() const { return texts_; }
  const BlankChoices& choices() const { return choices_; }
  int tap_x() const { return tap_x_; }
  int tap_y() const { return tap_y_; }

 private:
  QuestionType type_ = QuestionType::single;
  std::string question_id_;
  int attempt_ = -1;
  std::vector<int> picks_;    // options, ordering items, or per left item its right partner (-1: none)
  std::vector<int> order_;    // display order (ordering items, matching rights)
  std::vector<int> history_;  // matching: left items in the order they were paired
  int match_left_ = -1;
  std::vector<std::string> texts_;
  BlankChoices choices_;
  int tap_x_ = -1, tap_y_ = -1;
};

}  // namespace ankang::kiosk
