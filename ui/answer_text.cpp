// The correct answer of a question, in words, for the feedback and host screens.
#include <cstdio>

#include "ui/screens.h"
#include "ui/strings.h"

namespace ankang::ui {

std::string answer_text(const Question& q) {
  std::string out;
  auto sep = [&](const char* s) {
    if (!out.empty()) out += s;
  };
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
      for (int i : q.correct) {
        if (i < 0 || i >= static_cast<int>(q.options.size())) continue;
        sep("\n");
        out += static_cast<char>('A' + i);
        out += "、" + q.options[static_cast<std::size_t>(i)];
      }
      break;
    case QuestionType::true_false:
      out = tr(q.truth ? S::true_text : S::false_text);
      break;
    case QuestionType::fill_blank:
      if (q.numeric) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", q.numeric->value);
        out = buf;
      } else {
        for (const auto& blank : q.blanks) {
          sep("；");
          if (!blank.empty()) out += blank.front();
        }
      }
      break;
    case QuestionType::matching:
      for (const auto& p : q.pairs) {
        sep("\n");
        out += p.left + " → " + p.right;
      }
      break;
    case QuestionType::ordering:
      for (std::size_t i = 0; i < q.options.size(); ++i) {
        sep("\n");
        out += std::to_string(i + 1) + ". " + q.options[i];
      }
      break;
    case QuestionType::hotspot:
      out = tr(S::tap_hazard);
      break;
  }
  return out;
}

}  // namespace ankang::ui
