// Ankang's own format (docs/FORMATS.md): one JSON object holding the questions.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/image_data.h"
#include "question_bank/formats/source_position.h"

namespace ankang::bank::detail {

namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

constexpr std::string_view kFormatTag = "ankang-questions";
constexpr int kVersion = 1;

// Byte offsets of the objects directly inside the top-level "questions"
// array, so a bad question can be reported at the line where it starts.
std::vector<std::size_t> question_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  std::string stack;
  std::string_view last_key;
  bool in_questions = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      std::size_t start = i + 1;
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      if (stack.size() == 1) last_key = text.substr(start, i - start);
    } else if (c == '{' || c == '[') {
      if (c == '{' && in_questions && stack.size() == 2) offsets.push_back(i);
      if (c == '[' && stack.size() == 1) in_questions = last_key == "questions";
      stack.push_back(c);
    } else if ((c == '}' || c == ']') && !stack.empty()) {
      stack.pop_back();
    }
  }
  return offsets;
}

// Reads one question object, collecting every problem rather than stopping at the first.
class QuestionReader {
 public:
  QuestionReader(std::string_view file, std::string_view json_path, SourcePos pos)
      : file_(file), json_path_(json_path), pos_(pos) {}

  Question read(const json& obj) {
    Question q;
    if (!obj.is_object()) {
      error("", "题目必须是一个 JSON 对象", "a question must be a JSON object");
      return q;
    }
    static const std::set<std::string> kKnown{"id",    "type",    "stem",        "options", "answer",
                                              "pairs", "image",   "regions",     "explanation", "basis",
                                              "category", "tags", "difficulty", "source",  "status"};
    for (const auto& [key, value] : obj.items())
      if (!kKnown.contains(key)) error(key, "未知字段（拼写错误？）", "unknown field (a typo?)");

    q.id = string_field(obj, "id");
    auto type_code_text = string_field(obj, "type");
    if (auto type = type_from_code(type_code_text))
      q.type = *type;
    else
      error("type", "题型缺失或未知：\"" + type_code_text + "\"", "missing or unknown type \"" + type_code_text + "\"");
    q.stem = string_field(obj, "stem");
    q.options = string_list(obj, "options");
    read_answer(obj, q);
    read_pairs(obj, q);
    read_image(obj, q);
    read_regions(obj, q);
    q.explanation = string_field(obj, "explanation");
    read_basis(obj, q);
    q.category = split_category(string_field(obj, "category"));
    q.tags = string_list(obj, "tags");
    if (obj.contains("difficulty")) {
      if (obj["difficulty"].is_number_integer())
        q.difficulty = obj["difficulty"].get<int>();
      else
        error("difficulty", "难度必须是 1 到 5 的整数", "difficulty must be an integer from 1 to 5");
    }
    q.source = string_field(obj, "source");
    auto status = string_field(obj, "status");
    if (status == "retired")
      q.status = QuestionStatus::retired;
    else if (!status.empty() && status != "active")
      error("status", "状态只能是 active 或 retired", "status must be active or retired");
    return q;
  }

  std::vector<Diagnostic> take_errors() { return std::move(errors_); }

 private:
  void error(std::string_view field, const std::string& zh, const std::string& en) {
    std::string prefix = field.empty() ? "" : std::string(field) + ": ";
    errors_.push_back(make_diagnostic(file_, pos_, prefix + zh, prefix + en));
  }

  std::string string_field(const json& obj, const char* field) {
    auto it = obj.find(field);
    if (it == obj.end()) return {};
    if (!it->is_string()) {
      error(field, "必须是字符串", "must be a string");
      return {};
    }
    return it->get<std::string>();
  }

  std::vector<std::string> string_list(const json& obj, const char* field) {
    std::vector<std::string> out;
    auto it = obj.find(field);
    if (it == obj.end()) return out;
    bool ok = it->is_array() && std::all_of(it->begin(), it->end(), [](const json& v) { return v.is_string(); });
    if (!ok) {
      error(field, "必须是字符串数组", "must be an array of strings");
      return out;
    }
    for (const auto& v : *it) out.push_back(v.get<std::string>());
    return out;
  }

  void read_answer(const json& obj, Question& q) {
    auto it = obj.find("answer");
    switch (q.type) {
      case QuestionType::single:
      case QuestionType::multiple: {
        if (it == obj.end() || !it->is_string()) {
          error("answer", "选择题的答案必须是选项字母，如 \"B\" 或 \"ACD\"",
                "a choice answer must be option letters such as \"B\" or \"ACD\"");
          return;
        }
        auto text = it->get_ref<const std::string&>();
        std::string_view rest = text;
        while (!rest.empty()) {
          auto index = take_option_letter(rest);
          if (!index) {
            error("answer", "答案 \"" + text + "\" 含有不是选项字母的字符", "answer \"" + text + "\" has a character that is not an option letter");
            return;
          }
          q.correct.push_back(*index);
        }
        std::sort(q.correct.begin(), q.correct.end());
        return;
      }
      case QuestionType::true_false:
        if (it == obj.end() || !it->is_boolean()) {
          error("answer", "判断题的答案必须是 true 或 false", "a true/false answer must be true or false");
          return;
        }
        q.truth = it->get<bool>();
        return;
      case QuestionType::fill_blank:
        read_fill_answer(it == obj.end() ? nullptr : &*it, q);
        return;
      case QuestionType::matching:
      case QuestionType::ordering:
      case QuestionType::hotspot:
        if (it != obj.end())
          error("answer", "此题型不写 answer（答案在 pairs / options / regions 中）",
                "this type has no answer field (the answer is in pairs / options / regions)");
        return;
    }
  }

  void read_fill_answer(const json* answer, Question& q) {
    const char* zh = "填空题的答案必须是 [[\"答案\", \"另一种写法\"], ...] 或 {\"value\": 数值, \"tolerance\": 容差}";
    const char* en = "a fill-in answer must be [[\"answer\", \"alternative\"], ...] or {\"value\": number, \"tolerance\": number}";
    if (answer && answer->is_object()) {
      bool ok = answer->contains("value") && (*answer)["value"].is_number();
      for (const auto& [key, value] : answer->items())
        ok = ok && (key == "value" || key == "tolerance") && value.is_number();
      if (!ok) return error("answer", zh, en);
      q.numeric = NumericAnswer{(*answer)["value"].get<double>(), answer->value("tolerance", 0.0)};
      return;
    }
    if (!answer || !answer->is_array()) return error("answer", zh, en);
    for (const auto& blank : *answer) {
      if (!blank.is_array()) return error("answer", zh, en);
      std::vector<std::string> accepted;
      for (const auto& a : blank) {
        if (!a.is_string()) return error("answer", zh, en);
        accepted.push_back(a.get<std::string>());
      }
      q.blanks.push_back(std::move(accepted));
    }
  }

  void read_pairs(const json& obj, Question& q) {
    auto it = obj.find("pairs");
    if (it == obj.end()) return;
    for (const auto& pair : it->is_array() ? *it : json::array({nullptr})) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
        q.pairs.clear();
        return error("pairs", "必须是 [[\"左\", \"右\"], ...]", "must be [[\"left\", \"right\"], ...]");
      }
      q.pairs.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
    }
  }

  void read_image(const json& obj, Question& q) {
    auto text = string_field(obj, "image");
    if (text.empty()) return;
    if (text.starts_with("data:")) {
      if (auto image = image_from_data_uri(text))
        q.image = std::move(*image);
      else
        error("image", "data: URI 不是 base64 编码的 PNG 或 JPEG 图片", "the data: URI is not a base64 PNG or JPEG picture");
      return;
    }
    auto path = sibling_path(json_path_, text);
    auto bytes = read_file(path);
    if (!bytes) return error("image", "无法读取图片文件 " + path, "cannot read the picture " + path);
    if (auto image = image_from_bytes(std::move(*bytes)))
      q.image = std::move(*image);
    else
      error("image", path + " 不是 PNG 或 JPEG 图片", path + " is not a PNG or JPEG picture");
  }

  void read_regions(const json& obj, Question& q) {
    auto it = obj.find("regions");
    if (it == obj.end()) return;
    for (const auto& r : it->is_array() ? *it : json::array({nullptr})) {
      bool ok = r.is_array() && r.size() == 4 &&
                std::all_of(r.begin(), r.end(), [](const json& v) { return v.is_number_integer(); });
      if (!ok) {
        q.regions.clear();
        return error("regions", "必须是 [[x, y, 宽, 高], ...]（整数像素）", "must be [[x, y, width, height], ...] in integer pixels");
      }
      q.regions.push_back({r[0].get<int>(), r[1].get<int>(), r[2].get<int>(), r[3].get<int>()});
    }
  }

  void read_basis(const json& obj, Question& q) {
    auto it = obj.find("basis");
    if (it == obj.end()) return;
    bool ok = it->is_object() && it->contains("law");
    if (ok)
      for (const auto& [key, value] : it->items()) ok = ok && (key == "law" || key == "article") && value.is_string();
    if (!ok) return error("basis", "必须是 {\"law\": \"《法规》\", \"article\": \"第几条\"}", "must be {\"law\": \"...\", \"article\": \"...\"}");
    q.basis.law = (*it)["law"].get<std::string>();
    q.basis.article = it->value("article", "");
  }

  std::string_view file_;
  std::string_view json_path_;
  SourcePos pos_;
  std::vector<Diagnostic> errors_;
};

// The part of nlohmann's message after "line L, column C: ".
std::string syntax_detail(const std::string& what) {
  auto column = what.find("column");
  auto colon = what.find(": ", column == std::string::npos ? 0 : column);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

ordered_json answer_json(const Question& q) {
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple: {
      std::string letters;
      for (int i : q.correct) letters += option_letter(i);
      return letters;
    }
    case QuestionType::true_false:
      return q.truth;
    case QuestionType::fill_blank:
      if (q.numeric) return {{"value", q.numeric->value}, {"tolerance", q.numeric->tolerance}};
      return q.blanks;
    default:
      return nullptr;
  }
}

}  // namespace

ParseResult parse_json(std::string_view path, std::string_view text) {
  ParseResult result;
  LineIndex lines(text);
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    auto pos = lines.at(e.byte > 0 ? e.byte - 1 : 0);
    auto detail = syntax_detail(e.what());
    result.file_errors.push_back(make_diagnostic(path, pos, "JSON 语法错误：" + detail, "JSON syntax error: " + detail));
    return result;
  } catch (const json::out_of_range& e) {
    // A number beyond a double (1e400) is refused this way, without a position.
    result.file_errors.push_back(make_diagnostic(path, {}, std::string("JSON 数值超出范围：") + e.what(),
                                                 std::string("JSON number out of range: ") + e.what()));
    return result;
  }
  auto file_error = [&](const std::string& zh, const std::string& en) {
    result.file_errors.push_back(make_diagnostic(path, {1, 1}, zh, en));
  };
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != std::string(kFormatTag)) {
    file_error("不是 Ankang 题库文件：缺少 \"format\": \"ankang-questions\"",
               "not an Ankang question file: \"format\": \"ankang-questions\" is missing");
    return result;
  }
  if (!doc.contains("version") || doc["version"] != kVersion) {
    file_error("不支持的版本（应为 1）", "unsupported version (expected 1)");
    return result;
  }
  for (const auto& [key, value] : doc.items())
    if (key != "format" && key != "version" && key != "questions")
      file_error("未知字段 \"" + key + "\"", "unknown field \"" + key + "\"");
  if (!doc.contains("questions") || !doc["questions"].is_array()) {
    file_error("缺少 \"questions\" 数组", "the \"questions\" array is missing");
    return result;
  }
  auto offsets = question_offsets(text);
  const auto& questions = doc["questions"];
  for (std::size_t i = 0; i < questions.size(); ++i) {
    SourcePos pos = i < offsets.size() ? lines.at(offsets[i]) : SourcePos{};
    QuestionReader reader(path, path, pos);
    auto q = reader.read(questions[i]);
    auto errors = reader.take_errors();
    auto source = questions[i].dump();
    if (errors.empty())
      add_record(result, path, pos, std::move(q), source);
    else
      reject_record(result, pos, source, std::move(errors));
  }
  return result;
}

std::string write_json(const std::vector<Question>& questions) {
  ordered_json list = ordered_json::array();
  for (const auto& q : questions) {
    ordered_json o;
    if (!q.id.empty()) o["id"] = q.id;
    o["type"] = type_code(q.type);
    o["stem"] = q.stem;
    if (!q.options.empty()) o["options"] = q.options;
    if (auto answer = answer_json(q); !answer.is_null()) o["answer"] = answer;
    if (!q.pairs.empty()) {
      o["pairs"] = ordered_json::array();
      for (const auto& p : q.pairs) o["pairs"].push_back({p.left, p.right});
    }
    if (!q.image.empty()) o["image"] = image_to_data_uri(q.image);
    if (!q.regions.empty()) {
      o["regions"] = ordered_json::array();
      for (const auto& r : q.regions) o["regions"].push_back({r.x, r.y, r.width, r.height});
    }
    if (!q.explanation.empty()) o["explanation"] = q.explanation;
    if (!q.basis.empty()) {
      o["basis"] = {{"law", q.basis.law}};
      if (!q.basis.article.empty()) o["basis"]["article"] = q.basis.article;
    }
    if (!q.category.empty()) o["category"] = join_category(q.category);
    if (!q.tags.empty()) o["tags"] = q.tags;
    o["difficulty"] = q.difficulty;
    if (!q.source.empty()) o["source"] = q.source;
    if (q.status == QuestionStatus::retired) o["status"] = "retired";
    list.push_back(std::move(o));
  }
  ordered_json doc{{"format", kFormatTag}, {"version", kVersion}, {"questions", std::move(list)}};
  return doc.dump(2) + "\n";
}

std::optional<Text> json_cannot_carry(const Question& q) {
  // JSON carries every field, but an image must be one the reader accepts back.
  if (!q.image.empty() && q.image.mime != "image/png" && q.image.mime != "image/jpeg")
    return Text{"图片不是 PNG 或 JPEG", "the picture is not a PNG or JPEG"};
  return std::nullopt;
}

}  // namespace ankang::bank::detail
