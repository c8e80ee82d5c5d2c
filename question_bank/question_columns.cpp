#include "question_bank/question_columns.h"

#include <nlohmann/json.hpp>

#include "question_bank/bank.h"
#include "tables/text_encoding.h"

namespace ankang::bank {

using nlohmann::json;

namespace {

// The JSON array of the texts, as json(texts).dump() writes it but without
// building a json value per question: every import writes one per question.
// Invalid UTF-8 is refused as dump() refuses it.
std::string string_array(const std::vector<std::string>& texts) {
  static const char* hex = "0123456789abcdef";
  std::string out = "[";
  for (const auto& t : texts) {
    if (out.size() > 1) out += ',';
    if (tables::invalid_utf8_at(t)) return json(texts).dump();  // throws json::type_error, naming the byte
    out += '"';
    for (char ch : t) {
      auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
          } else {
            out += ch;
          }
      }
    }
    out += '"';
  }
  return out + "]";
}

std::string int_array(const std::vector<int>& values) {
  std::string out = "[";
  for (int v : values) {
    if (out.size() > 1) out += ',';
    out += std::to_string(v);
  }
  return out + "]";
}

}  // namespace

AnswerColumns encode_answer(const Question& q) {
  AnswerColumns c;
  c.options = string_array(q.options);
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
      c.answer = int_array(q.correct);
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
  // Most questions have neither: the defaults ("[]") stand, no json value built.
  if (!q.pairs.empty()) {
    json pairs = json::array();
    for (const auto& p : q.pairs) pairs.push_back({p.left, p.right});
    c.pairs = pairs.dump();
  }
  if (!q.regions.empty()) {
    json regions = json::array();
    for (const auto& r : q.regions) regions.push_back({r.x, r.y, r.width, r.height});
    c.regions = regions.dump();
  }
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
