// The single-choice question the screen tests draw (119 is the answer).
#pragma once

#include "engine/question.h"

namespace ankang::testing {

inline Question single_question() {
  Question q;
  q.id = "q-single";
  q.type = QuestionType::single;
  q.stem = "发生火灾时应当拨打哪个电话？";
  q.options = {"110", "119", "120", "122"};
  q.correct = {1};
  q.explanation = "火警电话是119。";
  q.basis = {"《中华人民共和国消防法》", "第四十四条"};
  return q;
}

}  // namespace ankang::testing
