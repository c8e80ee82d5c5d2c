// A paper with every question type, for golden and property tests.
#pragma once

#include <vector>

#include "fixtures.h"

namespace ankang::testing {

inline std::vector<Question> mixed_paper(int n) {
  std::vector<Question> out;
  const char* cats[] = {"职业病防治法", "职业病危害防护", "安全生产法律法规", "消防安全"};
  for (int i = 0; i < n; ++i) {
    Question q = choice_question(i, i % 4);
    q.category = {cats[i % 4]};
    switch (i % 6) {
      case 1:
        q.type = QuestionType::multiple;
        q.correct = {0, 2};
        break;
      case 2:
        q.type = QuestionType::true_false;
        q.options.clear();
        q.correct.clear();
        q.truth = i % 4 == 2;
        break;
      case 3:
        q.type = QuestionType::fill_blank;
        q.options.clear();
        q.correct.clear();
        q.blanks = {{"安全第一"}, {"预防为主"}};
        break;
      case 4:
        q.type = QuestionType::ordering;
        q.correct.clear();
        break;
      case 5:
        q.type = QuestionType::matching;
        q.options.clear();
        q.correct.clear();
        q.pairs = {{"红色", "禁止"}, {"黄色", "警告"}, {"蓝色", "指令"}};
        break;
      default:
        break;
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace ankang::testing
