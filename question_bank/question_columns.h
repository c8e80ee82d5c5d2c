// How a Question's answer data maps to the JSON columns of the questions
// table (see sql/0001_initial.sql), and back.
#pragma once

#include <string>

#include "engine/question.h"

namespace ankang::bank {

struct AnswerColumns {
  std::string options = "[]";
  std::string answer = "null";
  std::string pairs = "[]";
  std::string regions = "[]";
};

AnswerColumns encode_answer(const Question& q);
// Fills options, correct, truth, blanks, numeric, pairs and regions of q
// (q.type must be set). Throws BankError when a column is not what we wrote.
void decode_answer(const AnswerColumns& columns, Question& q);

}  // namespace ankang::bank
