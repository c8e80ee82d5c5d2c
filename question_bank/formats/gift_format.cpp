// GIFT, with Moodle's reading rules (question/format/gift): // comments,
// $CATEGORY:, ::title::, [format] tags, \ escapes, #### general feedback,
// # answer feedback, %weight%, and the type decided by the answer block.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/html_text.h"
#include "question_bank/formats/moodle_common.h"
#include "question_bank/formats/source_position.h"

namespace ankang::bank::detail {

namespace {

constexpr std::string_view kMetaComment = "// ankang ";
constexpr std::string_view kBlank = "____";

// Position of the first `c` at or after `from` that no backslash escapes.
std::size_t find_unescaped(std::string_view text, std::string_view what, std::size_t from = 0) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
      continue;
    }
    if (text.substr(i, what.size()) == what) return i;
  }
  return std::string_view::npos;
}

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (text[i] == '\\' && std::string_view("~=#{}:\\n").find(next) != std::string_view::npos && next != '\0') {
      out += next == 'n' ? '\n' : next;
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '~' || c == '=' || c == '#' || c == '{' || c == '}' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Text with an optional [html]/[moodle]/[plain]/[markdown] tag in front, made plain.
std::string formatted_text(std::string_view text) {
  text = trim(text);
  bool html = false;
  for (std::string_view tag : {"[html]", "[moodle]", "[plain]", "[markdown]"})
    if (text.starts_with(tag)) {
      html = tag == "[html]" || tag == "[moodle]";
      text.remove_prefix(tag.size());
      break;
    }
  return html ? html_to_text(unescape(text)) : std::string(trim(unescape(text)));
}

std::optional<double> number(std::string_view text) {
  text = trim(text);
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

bool looks_like_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// One answer of the block: "=", "~" or "" marker, %weight%, text, #feedback.
struct Choice {
  char marker = 0;
  std::optional<double> weight;
  std::string_view text;  // still escaped, may carry a [format] tag
};

std::vector<Choice> split_choices(std::string_view answers) {
  std::vector<Choice> out;
  std::size_t i = 0;
  while (i < answers.size()) {
    std::size_t next = std::min(find_unescaped(answers, "~", i + 1), find_unescaped(answers, "=", i + 1));
    Choice c;
    std::string_view piece = trim(answers.substr(i, next - i));
    if (!piece.empty() && (piece.front() == '=' || piece.front() == '~')) {
      c.marker = piece.front();
      piece = trim(piece.substr(1));
    }
    if (piece.starts_with('%')) {
      auto close = piece.find('%', 1);
      if (close != std::string_view::npos) {
        c.weight = number(piece.substr(1, close - 1));
        if (!c.weight) c.weight = std::nan("");
        piece = trim(piece.substr(close + 1));
      }
    }
    c.text = trim(piece.substr(0, find_unescaped(piece, "#")));
    // "{#\n=1822:0\n=%50%1822:2}": nothing stands before the first "=".
    if (c.marker != 0 || c.weight || !piece.empty()) out.push_back(c);
    i = next;
  }
  return out;
}

class BlockReader {
 public:
  // `block` is the question's lines as they are in the file, from `pos` on; what
  // read() is given lies inside it, so a problem can be placed at its line and column.
  BlockReader(std::string_view file, SourcePos pos, std::string_view block, ParseResult& result)
      : file_(file), pos_(pos), block_(block), lines_(block), result_(result) {}

  std::optional<Question> read(std::string_view text) {
    Question q;
    if (text.starts_with("::")) {
      auto close = find_unescaped(text, "::", 2);
      if (close == std::string_view::npos) return error("标题缺少结尾的 ::", "the title has no closing ::"), std::nullopt;
      auto title = unescape(trim(text.substr(2, close - 2)));
      if (looks_like_uuid(title)) q.id = title;
      text = trim(text.substr(close + 2));
    }
    auto open = find_unescaped(text, "{");
    if (open == std::string_view::npos)
      return error("没有答案块 {…}：这是说明（description），不是可作答的题目，未导入",
                   "no answer block {...}: this is a description, not a question, and is not imported"),
             std::nullopt;
    auto close = find_unescaped(text, "}", open + 1);
    if (close == std::string_view::npos) return error("答案块缺少右括号 }", "the answer block has no closing }"), std::nullopt;
    auto after = trim(text.substr(close + 1));
    std::string stem_source(text.substr(0, open));
    if (!after.empty()) stem_source += std::string(kBlank) + std::string(after);  // Moodle's missing-word form
    q.stem = formatted_text(stem_source);

    std::string_view answers = trim(text.substr(open + 1, close - open - 1));
    if (auto general = find_unescaped(answers, "####"); general != std::string_view::npos) {
      q.explanation = formatted_text(answers.substr(general + 4));
      answers = trim(answers.substr(0, general));
    }
    if (answers.empty())
      return error("空答案块 {} 是论述题（essay），不支持，未导入", "an empty answer block {} is an essay, which is not supported; not imported"),
             std::nullopt;
    bool ok = answers.front() == '#'                                       ? read_numerical(answers.substr(1), q)
              : find_unescaped(answers, "~") != std::string_view::npos     ? read_choice(answers, q)
              : find_unescaped(answers, "=") != std::string_view::npos &&
                        answers.find("->") != std::string_view::npos       ? read_matching(answers, q)
                                                                           : read_true_false_or_short(answers, q);
    if (!ok) return std::nullopt;
    return q;
  }

  std::vector<Diagnostic> take_errors() { return std::move(errors_); }

 private:
  void error(const std::string& zh, const std::string& en) { errors_.push_back(make_diagnostic(file_, pos_, zh, en)); }
  // A problem with one answer of the block, at the answer's line and column.
  void error_at(std::string_view piece, const std::string& zh, const std::string& en) {
    auto at = lines_.at(static_cast<std::size_t>(piece.data() - block_.data()));
    errors_.push_back(make_diagnostic(file_, {pos_.line + at.line - 1, at.column}, zh, en));
  }
  void warn(const std::string& zh, const std::string& en) { result_.warnings.push_back(make_diagnostic(file_, pos_, zh, en)); }

  bool check_weights(const std::vector<Choice>& choices) {
    for (const auto& c : choices)
      if (c.weight && (std::isnan(*c.weight) || !is_moodle_grade(*c.weight))) {
        error_at(c.text, "答案「" + std::string(c.text) + "」的分值不是 Moodle 允许的分值（如 100、50、33.33333、25）",
              "the weight of \"" + std::string(c.text) + "\" is not a grade Moodle allows (e.g. 100, 50, 33.33333, 25)");
        return false;
      }
    return true;
  }

  static double weight_of(const Choice& c) { return c.weight.value_or(c.marker == '=' ? 100 : 0); }

  bool read_choice(std::string_view answers, Question& q) {
    auto choices = split_choices(answers);
    if (!check_weights(choices)) return false;
    std::vector<int> full, positive;
    double sum = 0, first_positive = 0;
    bool equal = true;
    for (std::size_t i = 0; i < choices.size(); ++i) {
      q.options.push_back(formatted_text(choices[i].text));
      double w = weight_of(choices[i]);
      if (w >= 100 - 1e-4) full.push_back(static_cast<int>(i));
      if (w > 0) {
        if (positive.empty()) first_positive = w;
        equal = equal && std::fabs(w - first_positive) < 1e-4;
        positive.push_back(static_cast<int>(i));
        sum += w;
      }
    }
    if (full.size() > 1) {
      // Moodle gives full marks for any one of them; a single choice here has one answer.
      auto second = choices[full[1]].text;
      error_at(second,
               "「" + std::string(second) + "」是第二个满分答案：Moodle 中选其中任一个都得满分，本系统的单选题只有一个正确答案，未导入。"
               "只留一个 =；若要全部选中才算对，请写成多选题 ~%50%甲 ~%50%乙",
               "\"" + std::string(second) + "\" is a second full-marks answer: in Moodle any one of them scores full marks, "
               "a single choice here has one correct answer; not imported. Keep one =, or, if all of them must be chosen, "
               "write a multiple-response question ~%50%a ~%50%b");
      return false;
    }
    if (full.size() == 1) {
      q.type = QuestionType::single;
      q.correct = full;
      if (positive.size() > 1) warn("部分得分答案未导入（按错误选项处理）", "partial-credit answers dropped (counted as wrong)");
      return true;
    }
    if (positive.empty()) {
      error("没有正确答案（= 或正分值）", "no correct answer (= or a positive weight)");
      return false;
    }
    if (std::fabs(sum - 100) > 0.01) {
      error("多选题正确答案的分值之和应为 100%，实际为 " + number_text(std::round(sum * 1e5) / 1e5) + "%",
            "the weights of the correct answers must add up to 100%, not " + number_text(std::round(sum * 1e5) / 1e5) + "%");
      return false;
    }
    if (!equal) warn("各正确答案的分值不相等，按同等对待", "the correct answers have unequal weights; they are treated as equal");
    q.type = QuestionType::multiple;
    q.correct = positive;
    return true;
  }

  bool read_matching(std::string_view answers, Question& q) {
    q.type = QuestionType::matching;
    for (const auto& c : split_choices(answers)) {
      auto arrow = c.text.find("->");
      if (arrow == std::string_view::npos) {
        error("连线题的每一项写作 =左 -> 右", "each matching item is written =left -> right");
        return false;
      }
      auto left = formatted_text(c.text.substr(0, arrow));
      auto right = formatted_text(c.text.substr(arrow + 2));
      if (left.empty()) {
        warn("干扰项「" + right + "」未导入（连线题没有干扰项）", "distractor \"" + right + "\" dropped (matching has no distractors)");
        continue;
      }
      q.pairs.push_back({std::move(left), std::move(right)});
    }
    return true;
  }

  bool read_numerical(std::string_view answers, Question& q) {
    q.type = QuestionType::fill_blank;
    for (const auto& c : split_choices(answers)) {
      if (c.marker == '~') continue;  // a wrong-answer catch-all with feedback only
      double w = c.weight.value_or(100);  // "=" or nothing: a right answer
      auto text = c.text;
      if (w < 100 - 1e-4) {
        if (w > 0) warn("部分得分答案 " + std::string(text) + " 未导入", "partial-credit answer " + std::string(text) + " dropped");
        continue;
      }
      NumericAnswer n;
      auto range = text.find("..");
      auto colon = text.find(':');
      if (range != std::string_view::npos) {
        auto low = number(text.substr(0, range)), high = number(text.substr(range + 2));
        if (!low || !high) return error_at(text, "数值范围「" + std::string(text) + "」无法识别", "numeric range \"" + std::string(text) + "\" not understood"), false;
        n = {(*low + *high) / 2, std::fabs(*high - *low) / 2};
      } else {
        auto value = number(text.substr(0, colon));
        auto tolerance = colon == std::string_view::npos ? std::optional<double>(0) : number(text.substr(colon + 1));
        if (!value || !tolerance) return error_at(text, "数值答案「" + std::string(text) + "」无法识别", "numeric answer \"" + std::string(text) + "\" not understood"), false;
        n = {*value, *tolerance};
      }
      if (q.numeric) {
        warn("数值题只保留第一个满分答案", "only the first full-marks answer of a numerical question is kept");
        continue;
      }
      q.numeric = n;
    }
    if (!q.numeric) return error("数值题没有满分答案", "the numerical question has no full-marks answer"), false;
    return true;
  }

  bool read_true_false_or_short(std::string_view answers, Question& q) {
    auto word = trim(answers.substr(0, find_unescaped(answers, "#")));
    if (word == "T" || word == "TRUE" || word == "F" || word == "FALSE") {
      q.type = QuestionType::true_false;
      q.truth = word.front() == 'T';
      return true;
    }
    q.type = QuestionType::fill_blank;
    auto choices = split_choices(answers);
    if (!check_weights(choices)) return false;
    std::vector<std::string> accepted;
    for (const auto& c : choices) {
      double w = c.weight.value_or(100);  // Moodle: a short answer without = ("{One}") is right too
      auto text = formatted_text(c.text);
      if (w >= 100 - 1e-4) {
        if (text.find('*') != std::string::npos)
          warn("答案「" + text + "」中的通配符 * 按普通字符处理", "the wildcard * in answer \"" + text + "\" is taken literally");
        accepted.push_back(std::move(text));
      } else if (w > 0) {
        warn("部分得分答案「" + text + "」未导入", "partial-credit answer \"" + text + "\" dropped");
      }
    }
    q.blanks.push_back(std::move(accepted));
    return true;
  }

  std::string_view file_;
  SourcePos pos_;
  std::string_view block_;
  LineIndex lines_;
  ParseResult& result_;
  std::vector<Diagnostic> errors_;
};

// Our own comment line for what GIFT has no place for; Moodle skips comments.
void read_meta(std::string_view json_text, Question& q) {
  auto meta = nlohmann::json::parse(json_text, nullptr, false);
  if (!meta.is_object()) return;
  q.difficulty = meta.value("difficulty", q.difficulty);
  q.source = meta.value("source", "");
  if (meta.value("status", "") == "retired") q.status = QuestionStatus::retired;
  if (meta.contains("tags") && meta["tags"].is_array())
    for (const auto& t : meta["tags"])
      if (t.is_string()) q.tags.push_back(t.get<std::string>());
  if (meta.contains("basis") && meta["basis"].is_object()) {
    q.basis.law = meta["basis"].value("law", "");
    q.basis.article = meta["basis"].value("article", "");
  }
}

std::string write_meta(const Question& q) {
  nlohmann::ordered_json meta{{"difficulty", q.difficulty}};
  if (!q.tags.empty()) meta["tags"] = q.tags;
  if (!q.basis.empty()) meta["basis"] = {{"law", q.basis.law}, {"article", q.basis.article}};
  if (!q.source.empty()) meta["source"] = q.source;
  if (q.status == QuestionStatus::retired) meta["status"] = "retired";
  return meta.dump();
}

}  // namespace

ParseResult parse_gift(std::string_view path, std::string_view text) {
  ParseResult result;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string> category;
  std::string block, meta;
  int block_line = 0, line_number = 0;
  auto flush = [&] {
    auto body = trim(block);
    if (!body.empty()) {
      SourcePos pos{block_line, 1};
      BlockReader reader(path, pos, block, result);
      auto q = reader.read(body);
      if (!q) {
        reject_record(result, pos, body, reader.take_errors());
      } else {
        q->category = category;
        if (!meta.empty()) read_meta(meta, *q);
        add_record(result, path, pos, std::move(*q), body);
      }
    }
    block.clear();
    meta.clear();
    block_line = 0;
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ++line_number;
    auto trimmed = trim(line);
    if (trimmed.empty()) {
      flush();
    } else if (trimmed.starts_with(kMetaComment)) {
      meta = trimmed.substr(kMetaComment.size());
    } else if (trimmed.starts_with("//")) {
      // a comment
    } else if (trimmed.starts_with("$CATEGORY:")) {
      flush();
      category = category_path(trim(trimmed.substr(10)));
    } else {
      if (block_line == 0) block_line = line_number;
      if (!block.empty()) block += '\n';
      block += line;
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  flush();
  return result;
}

std::string write_gift(const std::vector<Question>& questions) {
  std::string out;
  std::optional<std::vector<std::string>> category;
  for (const auto& q : questions) {
    if (category != q.category) {
      category = q.category;
      out += "$CATEGORY: " + category_text(q.category) + "\n\n";
    }
    out += std::string(kMetaComment) + write_meta(q) + "\n";
    if (!q.id.empty()) out += "::" + escape(q.id) + "::";
    out += "[plain]" + escape(q.stem) + " {\n";
    switch (q.type) {
      case QuestionType::single:
      case QuestionType::multiple: {
        auto share = shared_grade_text(static_cast<int>(q.correct.size())).value_or("100");
        for (std::size_t i = 0; i < q.options.size(); ++i) {
          bool correct = std::find(q.correct.begin(), q.correct.end(), static_cast<int>(i)) != q.correct.end();
          if (q.type == QuestionType::single)
            out += correct ? "\t=" : "\t~";
          else
            out += correct ? "\t~%" + share + "%" : "\t~";
          out += escape(q.options[i]) + "\n";
        }
        break;
      }
      case QuestionType::true_false:
        out += q.truth ? "\tTRUE\n" : "\tFALSE\n";
        break;
      case QuestionType::fill_blank:
        if (q.numeric)
          out += "\t#" + number_text(q.numeric->value) + ":" + number_text(q.numeric->tolerance) + "\n";
        else
          for (const auto& a : q.blanks.front()) out += "\t=" + escape(a) + "\n";
        break;
      case QuestionType::matching:
        for (const auto& p : q.pairs) out += "\t=" + escape(p.left) + " -> " + escape(p.right) + "\n";
        break;
      case QuestionType::ordering:
      case QuestionType::hotspot:
        break;
    }
    if (!q.explanation.empty()) out += "\t####" + escape(q.explanation) + "\n";
    out += "}\n\n";
  }
  return out;
}

std::optional<Text> gift_cannot_carry(const Question& q) {
  if (q.type == QuestionType::ordering || q.type == QuestionType::hotspot)
    return Text{"GIFT 没有" + std::string(type_name_zh(q.type)) + "题型", "GIFT has no " + std::string(type_code(q.type)) + " questions"};
  if (!q.image.empty()) return Text{"GIFT 不能携带图片", "GIFT cannot carry a picture"};
  if (q.type == QuestionType::fill_blank && !q.numeric && q.blanks.size() != 1)
    return Text{"GIFT 简答题只有一个空，多空填空题无法导出", "a GIFT short answer has one blank; a fill-in with several blanks cannot be exported"};
  if (q.type == QuestionType::multiple && !shared_grade_text(static_cast<int>(q.correct.size())))
    return Text{"Moodle 没有 1/" + std::to_string(q.correct.size()) + " 的分值", "Moodle has no grade of 1/" + std::to_string(q.correct.size())};
  for (const auto& p : q.pairs)
    if (p.left.find("->") != std::string::npos || p.right.find("->") != std::string::npos)
      return Text{"连线项中含有 ->", "a pair holds ->"};
  return std::nullopt;
}

}  // namespace ankang::bank::detail
