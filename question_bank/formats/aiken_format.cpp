// Aiken: single-choice questions as plain lines.
//   安全生产月是几月？
//   A. 3月
//   B) 6月
//   ANSWER: B
#include <algorithm>

#include "question_bank/formats/format_detail.h"

namespace ankang::bank::detail {

namespace {

// "A. text", "A) text", "Ａ．text", "A、text" -> letter index and the text.
std::optional<std::pair<int, std::string_view>> option_line(std::string_view line) {
  auto rest = line;
  auto letter = take_option_letter(rest);
  if (!letter) return std::nullopt;
  for (std::string_view mark : {". ", ") ", "．", "）", "、"})
    if (rest.starts_with(mark)) return std::pair{*letter, trim(rest.substr(mark.size()))};
  if (rest == "." || rest == ")") return std::pair{*letter, std::string_view()};
  return std::nullopt;
}

// "ANSWER: B" (Moodle), also "答案：B".
std::optional<std::string_view> answer_line(std::string_view line) {
  for (std::string_view prefix : {"ANSWER:", "ANSWER：", "答案:", "答案："})
    if (line.starts_with(prefix)) return trim(line.substr(prefix.size()));
  return std::nullopt;
}

void read_block(std::string_view path, const std::vector<TextLine>& lines, ParseResult& result) {
  SourcePos pos{lines.front().number, 1};
  std::string source;
  for (const auto& l : lines) source += std::string(l.text) + "\n";
  std::vector<Diagnostic> errors;
  auto error = [&](int line, const std::string& zh, const std::string& en) { errors.push_back(make_diagnostic(path, {line, 1}, zh, en)); };

  Question q;
  q.type = QuestionType::single;
  std::optional<std::string_view> answer;
  int answer_line_number = 0;
  for (const auto& l : lines) {
    auto text = trim(l.text);
    if (answer) {
      error(l.number, "ANSWER 行之后还有内容（题目之间要空一行）", "text after the ANSWER line (leave a blank line between questions)");
      break;
    }
    if (auto a = answer_line(text)) {
      answer = a;
      answer_line_number = l.number;
    } else if (auto option = option_line(text); option && (!q.options.empty() || !q.stem.empty())) {
      if (option->first != static_cast<int>(q.options.size())) {
        error(l.number, "选项字母应为 " + option_letter(static_cast<int>(q.options.size())), "the option letter should be " + option_letter(static_cast<int>(q.options.size())));
        break;
      }
      q.options.emplace_back(option->second);
    } else if (q.options.empty()) {
      q.stem += (q.stem.empty() ? "" : "\n") + std::string(text);
    } else {
      error(l.number, "选项之后出现了既不是选项也不是 ANSWER 的行", "a line after the options that is neither an option nor ANSWER");
      break;
    }
  }
  if (errors.empty() && !answer) error(lines.back().number, "缺少 ANSWER: 行", "the ANSWER: line is missing");
  if (errors.empty()) {
    auto text = *answer;
    auto letter = take_option_letter(text);
    if (!letter || !trim(text).empty())
      error(answer_line_number, "ANSWER 后应是一个选项字母", "ANSWER must be followed by one option letter");
    else
      q.correct = {*letter};
  }
  if (!errors.empty()) return reject_record(result, pos, source, std::move(errors));
  add_record(result, path, pos, std::move(q), source);
}

}  // namespace

ParseResult parse_aiken(std::string_view path, std::string_view text) {
  ParseResult result;
  std::vector<TextLine> block;
  for (const auto& line : split_lines(text)) {
    if (trim(line.text).empty()) {
      if (!block.empty()) read_block(path, block, result);
      block.clear();
    } else {
      block.push_back(line);
    }
  }
  if (!block.empty()) read_block(path, block, result);
  return result;
}

std::string write_aiken(const std::vector<Question>& questions) {
  std::string out;
  for (const auto& q : questions) {
    out += q.stem + "\n";
    for (std::size_t i = 0; i < q.options.size(); ++i) out += option_letter(static_cast<int>(i)) + ". " + q.options[i] + "\n";
    out += "ANSWER: " + option_letter(q.correct.front()) + "\n\n";
  }
  return out;
}

std::optional<Text> aiken_cannot_carry(const Question& q) {
  if (q.type != QuestionType::single)
    return Text{"Aiken 只能携带单选题，不能携带" + std::string(type_name_zh(q.type)), "Aiken carries only single-choice questions, not " + std::string(type_code(q.type))};
  if (!q.image.empty()) return Text{"Aiken 不能携带图片", "Aiken cannot carry a picture"};
  if (q.options.size() > 26) return Text{"选项超过 26 个", "more than 26 options"};
  std::string_view stem = q.stem;
  for (std::size_t start = 0; start <= stem.size();) {
    auto end = std::min(stem.find('\n', start), stem.size());
    auto line = trim(stem.substr(start, end - start));
    if (line.empty() || option_line(line) || answer_line(line))
      return Text{"题干中有空行或像选项/答案的行，Aiken 无法表示", "the stem has a blank line or a line that looks like an option or answer, which Aiken cannot express"};
    start = end + 1;
  }
  for (const auto& o : q.options)
    if (o.find('\n') != std::string::npos || trim(o) != o) return Text{"选项含换行或首尾空格", "an option holds a line break or surrounding spaces"};
  return std::nullopt;
}

}  // namespace ankang::bank::detail
