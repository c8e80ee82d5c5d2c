// Answers in words, for the feedback and host screens: the correct one, and
// the worker's own beside it.
#include <cstdio>

#include "ui/screens.h"
#include "ui/strings.h"

namespace ankang::ui {

std::string response_text(const Question& q, const Response& r) {
  std::string out;
  auto sep = [&](const char* s) {
    if (!out.empty()) out += s;
  };
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
      for (std::size_t i = 0; i < q.options.size() && i < 64; ++i) {
        if (!((r.choices >> i) & 1u)) continue;
        sep("\n");
        out += static_cast<char>('A' + i);
        out += "、" + q.options[i];
      }
      break;
    case QuestionType::true_false:
      out = tr(r.truth ? S::true_text : S::false_text);
      break;
    case QuestionType::fill_blank: {
      bool any = false;
      for (const auto& t : r.texts) {
        sep("；");
        out += t.empty() ? "—" : t;
        any = any || !t.empty();
      }
      if (!any) out.clear();
      break;
    }
    case QuestionType::matching:
      for (std::size_t i = 0; i < q.pairs.size() && i < r.matches.size(); ++i) {
        const int m = r.matches[i];
        sep("\n");
        out += q.pairs[i].left + " → " +
               (m >= 0 && m < static_cast<int>(q.pairs.size()) ? q.pairs[static_cast<std::size_t>(m)].right : "—");
      }
      break;
    case QuestionType::ordering:
      for (std::size_t i = 0; i < r.order.size(); ++i) {
        const int item = r.order[i];
        if (item < 0 || item >= static_cast<int>(q.options.size())) continue;
        sep("\n");
        out += std::to_string(i + 1) + ". " + q.options[static_cast<std::size_t>(item)];
      }
      break;
    case QuestionType::hotspot:
      if (!r.taps.empty()) {
        char buf[96];
        std::snprintf(buf, sizeof buf, tr(S::tapped_at), r.taps.front().x, r.taps.front().y);
        out = buf;
      }
      break;
  }
  return out.empty() ? tr(S::no_answer) : out;
}

std::string answer_text(const Question& q) {
  // A hotspot's answer is a place in the picture, not words.
  if (q.type == QuestionType::hotspot) return tr(S::tap_hazard);
  return response_text(q, correct_response(q));
}

}  // namespace ankang::ui
