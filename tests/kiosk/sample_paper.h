// A paper of single-choice questions for the kiosk tests and the reliability
// harnesses (no test framework in it: the harnesses are plain programs).
#pragma once

#include <string>
#include <vector>

#include "engine/question.h"

namespace ankang::testing {

// n single-choice questions q0, q1, ... with three options; the answer of
// question i is option i % 3; categories alternate between two laws.
inline std::vector<Question> single_choice_paper(int n) {
  std::vector<Question> out;
  for (int i = 0; i < n; ++i) {
    Question q;
    q.id = "q" + std::to_string(i);
    q.type = QuestionType::single;
    q.stem = "题目" + std::to_string(i);
    q.options = {"甲", "乙", "丙"};
    q.correct = {i % 3};
    q.explanation = "解析";
    q.category = {i % 2 ? "职业病防治" : "安全生产法"};
    out.push_back(q);
  }
  return out;
}

}  // namespace ankang::testing
