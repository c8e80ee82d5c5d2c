// Moodle XML (question/format/xml): categories, multichoice, truefalse,
// shortanswer, numerical, matching and ordering; embedded pictures kept.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <pugixml.hpp>
#include <sstream>

#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/html_text.h"
#include "question_bank/formats/image_data.h"
#include "question_bank/formats/moodle_common.h"
#include "question_bank/formats/source_position.h"

namespace ankang::bank::detail {

namespace {

// Where the element's "<" is (pugixml gives the offset of its name).
SourcePos element_pos(const LineIndex& lines, pugi::xml_node node) {
  auto offset = node.offset_debug();
  return lines.at(offset > 0 ? static_cast<std::size_t>(offset - 1) : 0);
}

std::string percent_text(double v) { return number_text(std::round(v * 1e5) / 1e5); }

// The text of <element format="..."><text>...</text></element> as plain text.
std::string text_of(pugi::xml_node element) {
  std::string_view format = element.attribute("format").value();
  std::string_view raw = element.child("text").child_value();
  if (format == "plain_text" || format == "markdown") return std::string(raw);
  return html_to_text(raw);
}

std::optional<double> number(std::string_view text) {
  text = trim(text);
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

struct Answer {
  double fraction = 0;
  std::string text;
  pugi::xml_node node;
};

class QuestionReader {
 public:
  QuestionReader(std::string_view file, const LineIndex& lines, ParseResult& result)
      : file_(file), lines_(lines), result_(result) {}

  // Reads one <question>; errors go to errors_, losses to result.warnings.
  std::optional<Question> read(pugi::xml_node node, std::string_view type) {
    constexpr std::string_view kSupported[] = {"multichoice", "truefalse", "shortanswer", "numerical", "matching", "ordering"};
    if (std::find(std::begin(kSupported), std::end(kSupported), type) == std::end(kSupported)) {
      error(node, "不支持的题型「" + std::string(type) + "」，未导入", "unsupported question type \"" + std::string(type) + "\", not imported");
      return std::nullopt;
    }
    Question q;
    q.stem = text_of(node.child("questiontext"));
    q.explanation = text_of(node.child("generalfeedback"));
    q.id = trim(node.child_value("idnumber"));
    if (trim(node.child_value("hidden")) == "1") q.status = QuestionStatus::retired;
    for (auto tag : node.child("tags").children("tag")) q.tags.emplace_back(trim(tag.child_value("text")));
    read_extension(node.child("ankang"), q);
    keep_pictures(node, q);

    auto answers = read_answers(node);
    if (type == "multichoice")
      read_multichoice(node, answers, q);
    else if (type == "truefalse")
      read_truefalse(node, answers, q);
    else if (type == "shortanswer")
      read_shortanswer(answers, q);
    else if (type == "numerical")
      read_numerical(answers, q);
    else if (type == "matching")
      read_matching(node, q);
    else
      read_ordering(answers, q);
    if (!errors_.empty()) return std::nullopt;
    return q;
  }

  std::vector<Diagnostic> take_errors() { return std::move(errors_); }

 private:
  SourcePos pos_of(pugi::xml_node node) const { return element_pos(lines_, node); }

  void error(pugi::xml_node at, const std::string& zh, const std::string& en) {
    errors_.push_back(make_diagnostic(file_, pos_of(at), zh, en));
  }
  void warn(pugi::xml_node at, const std::string& zh, const std::string& en) {
    result_.warnings.push_back(make_diagnostic(file_, pos_of(at), zh, en));
  }

  std::vector<Answer> read_answers(pugi::xml_node node) {
    std::vector<Answer> answers;
    for (auto a : node.children("answer")) {
      auto fraction = number(a.attribute("fraction").value());
      if (!fraction) {
        error(a, "答案缺少 fraction 分值", "an answer has no fraction");
        continue;
      }
      if (!is_moodle_grade(*fraction))
        error(a, "答案分值 " + std::string(a.attribute("fraction").value()) + "% 不是 Moodle 允许的分值（如 100、50、33.33333、25）",
              "answer grade " + std::string(a.attribute("fraction").value()) + "% is not a grade Moodle allows (e.g. 100, 50, 33.33333, 25)");
      answers.push_back({*fraction, text_of(a), a});
    }
    return answers;
  }

  void read_multichoice(pugi::xml_node node, const std::vector<Answer>& answers, Question& q) {
    bool single = trim(node.child_value("single")) != "false" && trim(node.child_value("single")) != "0";
    q.type = single ? QuestionType::single : QuestionType::multiple;
    double positive = 0;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      const auto& a = answers[i];
      q.options.push_back(a.text);
      bool correct = single ? a.fraction >= 100 - 1e-4 : a.fraction > 0;
      if (correct) q.correct.push_back(static_cast<int>(i));
      if (a.fraction > 0) positive += a.fraction;
      if (single && a.fraction > 0 && !correct)
        warn(a.node, "选项「" + a.text + "」的部分得分未导入（按错误选项处理）", "partial credit of option \"" + a.text + "\" dropped (counted as wrong)");
    }
    if (!single && std::fabs(positive - 100) > 0.01)
      error(node, "多选题正确选项的分值之和应为 100%，实际为 " + percent_text(positive) + "%",
            "the grades of the correct options of a multiple-response question must add up to 100%, not " + percent_text(positive) + "%");
  }

  void read_truefalse(pugi::xml_node node, const std::vector<Answer>& answers, Question& q) {
    q.type = QuestionType::true_false;
    for (const auto& a : answers)
      if (a.fraction >= 100 - 1e-4) {
        q.truth = a.text == "true";
        return;
      }
    error(node, "判断题没有得满分的答案", "the true/false question has no answer worth 100%");
  }

  void read_shortanswer(const std::vector<Answer>& answers, Question& q) {
    q.type = QuestionType::fill_blank;
    std::vector<std::string> accepted;
    for (const auto& a : answers) {
      if (a.fraction >= 100 - 1e-4) {
        accepted.push_back(a.text);
        if (a.text.find('*') != std::string::npos)
          warn(a.node, "答案「" + a.text + "」中的通配符 * 按普通字符处理", "the wildcard * in answer \"" + a.text + "\" is taken literally");
      } else if (a.fraction > 0) {
        warn(a.node, "部分得分答案「" + a.text + "」未导入", "partial-credit answer \"" + a.text + "\" dropped");
      }
    }
    q.blanks.push_back(std::move(accepted));
  }

  void read_numerical(const std::vector<Answer>& answers, Question& q) {
    q.type = QuestionType::fill_blank;
    for (const auto& a : answers) {
      if (a.fraction < 100 - 1e-4) {
        if (a.fraction > 0) warn(a.node, "部分得分答案「" + a.text + "」未导入", "partial-credit answer \"" + a.text + "\" dropped");
        continue;
      }
      auto value = number(a.text);
      auto tolerance = number(a.node.child_value("tolerance"));
      if (!value) return error(a.node, "数值题答案「" + a.text + "」不是数字", "numerical answer \"" + a.text + "\" is not a number");
      if (q.numeric) {
        warn(a.node, "数值题只保留第一个满分答案", "only the first full-marks answer of a numerical question is kept");
        continue;
      }
      q.numeric = NumericAnswer{*value, tolerance.value_or(0)};
    }
    if (!q.numeric) q.blanks.push_back({});  // validate() reports the missing answer
  }

  void read_matching(pugi::xml_node node, Question& q) {
    q.type = QuestionType::matching;
    for (auto sub : node.children("subquestion")) {
      auto left = text_of(sub);
      auto right = std::string(trim(sub.child("answer").child_value("text")));
      if (left.empty()) {
        warn(sub, "干扰项「" + right + "」未导入（连线题没有干扰项）", "distractor \"" + right + "\" dropped (matching has no distractors)");
        continue;
      }
      q.pairs.push_back({std::move(left), std::move(right)});
    }
  }

  void read_ordering(const std::vector<Answer>& answers, Question& q) {
    q.type = QuestionType::ordering;
    for (const auto& a : answers) q.options.push_back(a.text);
  }

  // Our own element for what Moodle has no place for; Moodle ignores it.
  void read_extension(pugi::xml_node ext, Question& q) {
    if (!ext) return;
    if (auto d = number(ext.child_value("difficulty"))) q.difficulty = static_cast<int>(*d);
    q.basis.law = ext.child_value("law");
    q.basis.article = ext.child_value("article");
    q.source = ext.child_value("source");
  }

  // The first picture of the question text becomes the question's image;
  // every other embedded file is reported, not silently lost.
  void keep_pictures(pugi::xml_node node, Question& q) {
    for (auto file : node.select_nodes(".//file")) {
      auto f = file.node();
      std::string name = f.attribute("name").value();
      bool in_text = f.parent() == node.child("questiontext");
      if (in_text && q.image.empty()) {
        if (auto bytes = base64_decode(f.child_value()))
          if (auto image = image_from_bytes(std::move(*bytes))) {
            q.image = std::move(*image);
            continue;
          }
      }
      warn(f, "附件「" + name + "」未导入（只保留题干中的第一张 PNG/JPEG 图片）",
           "embedded file \"" + name + "\" dropped (only the first PNG/JPEG picture of the question text is kept)");
    }
  }

  std::string_view file_;
  const LineIndex& lines_;
  ParseResult& result_;
  std::vector<Diagnostic> errors_;
};

std::string node_text(pugi::xml_node node) {
  std::ostringstream out;
  node.print(out, "  ");
  return out.str();
}

// Moodle needs a name; the stem's first characters (whole UTF-8 sequences) serve.
std::string question_name(const Question& q) {
  std::string_view stem = q.stem;
  std::size_t cut = 0, chars = 0;
  while (cut < stem.size() && chars < 40) {
    ++cut;
    while (cut < stem.size() && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80) ++cut;
    ++chars;
  }
  std::string name(stem.substr(0, cut));
  for (auto& c : name)
    if (c == '\n' || c == '\r') c = ' ';
  return name;
}

pugi::xml_node text_element(pugi::xml_node parent, const char* name, const std::string& text, bool plain = true) {
  auto e = parent.append_child(name);
  if (plain) e.append_attribute("format") = "plain_text";
  e.append_child("text").text() = text.c_str();
  return e;
}

void add_answer(pugi::xml_node question, const std::string& fraction, const std::string& text) {
  auto a = text_element(question, "answer", text);
  a.attribute("format").set_value("plain_text");
  a.prepend_attribute("fraction") = fraction.c_str();
}

}  // namespace

ParseResult parse_moodle_xml(std::string_view path, std::string_view text) {
  ParseResult result;
  LineIndex lines(text);
  pugi::xml_document doc;
  auto loaded = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!loaded) {
    auto pos = lines.at(static_cast<std::size_t>(loaded.offset));
    result.file_errors.push_back(make_diagnostic(path, pos, std::string("XML 语法错误：") + loaded.description(),
                                                 std::string("XML syntax error: ") + loaded.description()));
    return result;
  }
  auto quiz = doc.child("quiz");
  if (!quiz) {
    result.file_errors.push_back(make_diagnostic(path, {1, 0}, "不是 Moodle XML：没有 <quiz> 根元素", "not Moodle XML: no <quiz> root element"));
    return result;
  }
  std::vector<std::string> category;
  for (auto node : quiz.children("question")) {
    std::string_view type = node.attribute("type").value();
    if (type == "category") {
      category = category_path(trim(node.child("category").child_value("text")));
      continue;
    }
    auto pos = element_pos(lines, node);
    QuestionReader reader(path, lines, result);
    auto q = reader.read(node, type);
    if (!q) {
      reject_record(result, pos, node_text(node), reader.take_errors());
      continue;
    }
    q->category = category;
    add_record(result, path, pos, std::move(*q), node_text(node));
  }
  return result;
}

std::string write_moodle_xml(const std::vector<Question>& questions) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto quiz = doc.append_child("quiz");
  std::optional<std::vector<std::string>> category;
  for (const auto& q : questions) {
    if (category != q.category) {
      category = q.category;
      auto c = quiz.append_child("question");
      c.append_attribute("type") = "category";
      c.append_child("category").append_child("text").text() = category_text(q.category).c_str();
    }
    auto node = quiz.append_child("question");
    const char* type = "multichoice";
    if (q.type == QuestionType::true_false) type = "truefalse";
    if (q.type == QuestionType::fill_blank) type = q.numeric ? "numerical" : "shortanswer";
    if (q.type == QuestionType::matching) type = "matching";
    if (q.type == QuestionType::ordering) type = "ordering";
    node.append_attribute("type") = type;
    text_element(node, "name", question_name(q), false);
    auto text = text_element(node, "questiontext", q.stem);
    if (!q.image.empty()) {
      auto file = text.append_child("file");
      file.append_attribute("name") = q.image.mime == "image/png" ? "image.png" : "image.jpg";
      file.append_attribute("encoding") = "base64";
      file.text() = base64_encode(q.image.bytes).c_str();
    }
    text_element(node, "generalfeedback", q.explanation);
    node.append_child("defaultgrade").text() = "1";
    node.append_child("hidden").text() = q.status == QuestionStatus::retired ? "1" : "0";
    node.append_child("idnumber").text() = q.id.c_str();
    switch (q.type) {
      case QuestionType::single:
      case QuestionType::multiple: {
        node.append_child("single").text() = q.type == QuestionType::single ? "true" : "false";
        node.append_child("shuffleanswers").text() = "true";
        node.append_child("answernumbering").text() = "ABCD";
        auto share = shared_grade_text(static_cast<int>(q.correct.size())).value_or("100");
        for (std::size_t i = 0; i < q.options.size(); ++i) {
          bool correct = std::find(q.correct.begin(), q.correct.end(), static_cast<int>(i)) != q.correct.end();
          add_answer(node, correct ? share : "0", q.options[i]);
        }
        break;
      }
      case QuestionType::true_false:
        add_answer(node, q.truth ? "100" : "0", "true");
        add_answer(node, q.truth ? "0" : "100", "false");
        break;
      case QuestionType::fill_blank:
        if (q.numeric) {
          add_answer(node, "100", number_text(q.numeric->value));
          node.last_child().append_child("tolerance").text() = number_text(q.numeric->tolerance).c_str();
        } else {
          node.append_child("usecase").text() = "0";
          for (const auto& a : q.blanks.front()) add_answer(node, "100", a);
        }
        break;
      case QuestionType::matching:
        for (const auto& p : q.pairs) {
          auto sub = text_element(node, "subquestion", p.left);
          sub.append_child("answer").append_child("text").text() = p.right.c_str();
        }
        break;
      case QuestionType::ordering:
        for (const auto& item : q.options) add_answer(node, "100", item);
        break;
      case QuestionType::hotspot:
        break;
    }
    if (!q.tags.empty()) {
      auto tags = node.append_child("tags");
      for (const auto& t : q.tags) tags.append_child("tag").append_child("text").text() = t.c_str();
    }
    auto ext = node.append_child("ankang");
    ext.append_child("difficulty").text() = q.difficulty;
    if (!q.basis.law.empty()) ext.append_child("law").text() = q.basis.law.c_str();
    if (!q.basis.article.empty()) ext.append_child("article").text() = q.basis.article.c_str();
    if (!q.source.empty()) ext.append_child("source").text() = q.source.c_str();
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

std::optional<Text> moodle_xml_cannot_carry(const Question& q) {
  if (q.type == QuestionType::hotspot)
    return Text{"Moodle XML 没有找隐患题型（请导出为 JSON）", "Moodle XML has no hotspot type (export as JSON)"};
  if (q.type == QuestionType::fill_blank && !q.numeric && q.blanks.size() != 1)
    return Text{"Moodle 简答题只有一个空，多空填空题无法导出", "a Moodle short answer has one blank; a fill-in with several blanks cannot be exported"};
  if (q.type == QuestionType::multiple && !shared_grade_text(static_cast<int>(q.correct.size())))
    return Text{"Moodle 没有 1/" + std::to_string(q.correct.size()) + " 的分值", "Moodle has no grade of 1/" + std::to_string(q.correct.size())};
  return std::nullopt;
}

}  // namespace ankang::bank::detail
