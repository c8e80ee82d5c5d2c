#include "question_bank/question_columns.h"

#include <nlohmann/json.hpp>

#include "question_bank/bank.h"

namespace ankang::bank {

using nlohmann::json;

AnswerColumns encode_answer(const Question& q) {
  AnswerColumns c;
  c.options = json(q.options).dump();
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
      c.answer = json(q.correct).dump();
      break;
    case QuestionType::true_false:
      c.answer = q.truth ? "true" : "false";
      break;
    case QuestionType::fill_blank:
      c.answer = q.numeric ? json{{"value", q.numeric->value}, {"tolerance", q.numeric->tolerance}}.dump()
                           : json(q.blanks).dump();
      break;
    case QuestionType::matching:
    case QuestionType::ordering:
    case QuestionType::hotspot:
      break;
  }
  json pairs = json::array();
  for (const auto& p : q.pairs) pairs.push_back({p.left, p.right});
  c.pairs = pairs.dump();
  json regions = json::array();
  for (const auto& r : q.regions) regions.push_back({r.x, r.y, r.width, r.height});
  c.regions = regions.dump();
  return c;
}

void decode_answer(const AnswerColumns& c, Question& q) {
  try {
    q.options = json::parse(c.options).get<std::vector<std::string>>();
    json answer = json::parse(c.answer);
    switch (q.type) {
      case QuestionType::single:
      case QuestionType::multiple:
        q.correct = answer.get<std::vector<int>>();
        break;
      case QuestionType::true_false:
        q.truth = answer.get<bool>();
        break;
      case QuestionType::fill_blank:
        if (answer.is_object())
          q.numeric = NumericAnswer{answer.at("value").get<double>(), answer.at("tolerance").get<double>()};
        else
          q.blanks = answer.get<std::vector<std::vector<std::string>>>();
        break;
      case QuestionType::matching:
      case QuestionType::ordering:
      case QuestionType::hotspot:
        break;
    }
    for (const auto& p : json::parse(c.pairs)) q.pairs.push_back({p.at(0).get<std::string>(), p.at(1).get<std::string>()});
    for (const auto& r : json::parse(c.regions))
      q.regions.push_back({r.at(0).get<int>(), r.at(1).get<int>(), r.at(2).get<int>(), r.at(3).get<int>()});
  } catch (const json::exception& e) {
    throw BankError(Text{"题目 " + q.id + " 的答案数据已损坏：" + e.what(),
                         "the answer data of question " + q.id + " is damaged: " + e.what()});
  }
}

}  // namespace ankang::bank
