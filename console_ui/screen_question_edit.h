// The question editor: stem, options (and which are correct), the answer of
// each type, explanation, legal basis, category and difficulty, with the
// engine's validation messages; the draft is edited in place.
#pragma once

#include <string>
#include <vector>

#include "console_ui/widgets.h"
#include "engine/question.h"

namespace ankang::console_ui {

// A question being edited, with the texts of the fields that are not text
// in the question (a number, a category path, a blank's accepted answers).
struct QuestionDraft {
  Question original;   // as the bank holds it
  Question question;   // the edit: stem, options, correct, truth, pairs, ...
  std::string category;                // 职业病防治/粉尘
  std::vector<std::string> blanks;     // per blank: accepted answers separated by |
  bool numeric = false;
  std::string number, tolerance;
  std::vector<ProblemRow> problems;    // validate() of question(): filled by the page
  std::string change_note;             // what saving will do (in place, or a new question)
};

QuestionDraft make_draft(const Question& q);
// The question the draft describes.
Question draft_question(const QuestionDraft& draft);

struct QuestionEditIntent {
  bool changed = false;
  bool save = false;
  bool cancel = false;
};

QuestionEditIntent question_edit_screen(QuestionDraft& draft);

}  // namespace ankang::console_ui
