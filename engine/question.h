// The question model shared by the bank, the importers, the engine and the UI.
// Pure data: std only (see docs/ARCHITECTURE.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ankang {

enum class QuestionType {
  single,      // 单选题: exactly one correct option
  multiple,    // 多选题: two or more correct options
  true_false,  // 判断题
  fill_blank,  // 填空题: accepted texts per blank, or a number with a tolerance
  matching,    // 连线题: pairs left -> right
  ordering,    // 排序题: items in their correct order
  hotspot,     // 找隐患: tap the target regions of a picture
};

// Stable code names ("single", "multiple", "true_false", "fill_blank",
// "matching", "ordering", "hotspot") used in files, SQL and JSON.
std::string_view type_code(QuestionType type);
std::optional<QuestionType> type_from_code(std::string_view code);
// The Chinese name shown to users (单选题 …).
std::string_view type_name_zh(QuestionType type);

enum class QuestionStatus { active, retired };

struct NumericAnswer {
  double value = 0;
  double tolerance = 0;  // accepted: |x - value| <= tolerance
  bool operator==(const NumericAnswer&) const = default;
};

struct MatchPair {
  std::string left;
  std::string right;
  bool operator==(const MatchPair&) const = default;
};

// A rectangle in image pixels: the hazard a worker must tap.
struct Region {
  int x = 0, y = 0, width = 0, height = 0;
  bool contains(int px, int py) const {
    return px >= x && py >= y && px < x + width && py < y + height;
  }
  bool operator==(const Region&) const = default;
};

struct Image {
  std::string mime;               // "image/png" or "image/jpeg"
  std::vector<std::uint8_t> bytes;  // kept in the bank, never a loose path
  int width = 0, height = 0;
  bool empty() const { return bytes.empty(); }
  bool operator==(const Image&) const = default;
};

struct LegalBasis {
  std::string law;      // e.g. 《中华人民共和国安全生产法》
  std::string article;  // e.g. 第二十八条; empty when no single article applies
  bool empty() const { return law.empty(); }
  bool operator==(const LegalBasis&) const = default;
};

struct Question {
  std::string id;  // UUID, stable for life
  QuestionType type = QuestionType::single;
  std::string stem;

  // single / multiple: the options in display order; ordering: the items in
  // their correct order (the UI shuffles them).
  std::vector<std::string> options;
  // single / multiple: indices into options of the correct ones, ascending.
  std::vector<int> correct;
  // true_false
  bool truth = false;
  // fill_blank: for each blank, the accepted answers (compared after
  // normalising full-width/half-width, case and spaces)...
  std::vector<std::vector<std::string>> blanks;
  // ...or a single number with a tolerance.
  std::optional<NumericAnswer> numeric;
  // matching
  std::vector<MatchPair> pairs;
  // hotspot (the picture is optional for other types)
  Image image;
  std::vector<Region> regions;

  std::string explanation;
  LegalBasis basis;
  std::vector<std::string> category;  // path from the root: {"职业病防治", "粉尘"}
  std::vector<std::string> tags;      // industries etc.
  int difficulty = 3;                 // 1 (easy) .. 5 (hard)
  std::string source;
  QuestionStatus status = QuestionStatus::active;
  std::int64_t created_at = 0;  // unix seconds
  std::int64_t updated_at = 0;

  bool operator==(const Question&) const = default;
};

// "职业病防治/粉尘" <-> {"职业病防治", "粉尘"}
std::string join_category(const std::vector<std::string>& path);
std::vector<std::string> split_category(std::string_view text);

// A message in both languages; whoever prints it picks one by locale.
struct Text {
  std::string zh;
  std::string en;
};

// One problem with one field (named as in the JSON format, e.g. "options").
struct FieldProblem {
  std::string field;
  Text message;
};

// What is wrong with a question; empty when the engine can run it.
std::vector<FieldProblem> validate(const Question& q);

// A field of a question ("stem", "options", "answer" ...) as the question
// template heads its column: 题干 / stem. An unknown field is itself.
Text field_label(std::string_view field);

}  // namespace ankang
