#include "engine/question.h"

#include <algorithm>
#include <utility>
#include <array>
#include <set>

namespace ankang {

namespace {

struct TypeNames {
  QuestionType type;
  std::string_view code;
  std::string_view zh;
};

constexpr std::array<TypeNames, 7> kTypes{{
    {QuestionType::single, "single", "单选题"},
    {QuestionType::multiple, "multiple", "多选题"},
    {QuestionType::true_false, "true_false", "判断题"},
    {QuestionType::fill_blank, "fill_blank", "填空题"},
    {QuestionType::matching, "matching", "连线题"},
    {QuestionType::ordering, "ordering", "排序题"},
    {QuestionType::hotspot, "hotspot", "找隐患"},
}};

const TypeNames& names_of(QuestionType type) {
  return kTypes[static_cast<std::size_t>(type)];
}

bool has_duplicates(const std::vector<std::string>& texts) {
  std::set<std::string> seen(texts.begin(), texts.end());
  return seen.size() != texts.size();
}

bool any_empty(const std::vector<std::string>& texts) {
  return std::any_of(texts.begin(), texts.end(), [](const std::string& t) { return t.empty(); });
}

class Problems {
 public:
  void add(std::string field, std::string zh, std::string en) {
    list_.push_back({std::move(field), {std::move(zh), std::move(en)}});
  }
  std::vector<FieldProblem> take() { return std::move(list_); }

 private:
  std::vector<FieldProblem> list_;
};

void check_options(const Question& q, Problems& p, std::size_t min_correct, std::size_t max_correct) {
  if (q.options.size() < 2) p.add("options", "至少需要两个选项", "needs at least two options");
  if (any_empty(q.options)) p.add("options", "选项不能为空", "an option is empty");
  if (has_duplicates(q.options)) p.add("options", "选项重复", "two options have the same text");
  if (q.correct.size() < min_correct || q.correct.size() > max_correct) {
    if (max_correct == 1)
      p.add("answer", "单选题必须恰好有一个正确答案", "a single-choice question needs exactly one correct option");
    else
      p.add("answer", "多选题至少需要一个正确答案", "a multiple-choice question needs at least one correct option");
  }
  for (int i : q.correct) {
    if (i < 0 || static_cast<std::size_t>(i) >= q.options.size()) {
      p.add("answer", "答案指向不存在的选项", "the answer names an option that does not exist");
      break;
    }
  }
  if (!std::is_sorted(q.correct.begin(), q.correct.end()) ||
      std::adjacent_find(q.correct.begin(), q.correct.end()) != q.correct.end())
    p.add("answer", "答案中有重复的选项", "the answer repeats an option");
}

}  // namespace

std::string_view type_code(QuestionType type) { return names_of(type).code; }
std::string_view type_name_zh(QuestionType type) { return names_of(type).zh; }

std::optional<QuestionType> type_from_code(std::string_view code) {
  for (const auto& t : kTypes)
    if (t.code == code) return t.type;
  return std::nullopt;
}

std::string join_category(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& part : path) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

std::vector<std::string> split_category(std::string_view text) {
  std::vector<std::string> parts;
  while (!text.empty()) {
    auto slash = text.find('/');
    auto part = text.substr(0, slash);
    if (!part.empty()) parts.emplace_back(part);
    if (slash == std::string_view::npos) break;
    text.remove_prefix(slash + 1);
  }
  return parts;
}

std::vector<FieldProblem> validate(const Question& q) {
  Problems p;
  if (q.stem.empty()) p.add("stem", "题干不能为空", "the stem is empty");
  if (q.difficulty < 1 || q.difficulty > 5)
    p.add("difficulty", "难度必须在 1 到 5 之间", "difficulty must be between 1 and 5");
  switch (q.type) {
    case QuestionType::single:
      check_options(q, p, 1, 1);
      break;
    case QuestionType::multiple:
      check_options(q, p, 1, q.options.size());
      break;
    case QuestionType::true_false:
      break;
    case QuestionType::fill_blank:
      if (q.numeric) {
        if (q.numeric->tolerance < 0) p.add("answer", "容差不能为负数", "the tolerance is negative");
      } else if (q.blanks.empty()) {
        p.add("answer", "填空题没有答案", "a fill-in question has no answer");
      } else {
        for (const auto& accepted : q.blanks)
          if (accepted.empty() || any_empty(accepted)) {
            p.add("answer", "填空题的某个空没有答案", "a blank has no accepted answer");
            break;
          }
      }
      break;
    case QuestionType::matching: {
      if (q.pairs.size() < 2) p.add("pairs", "连线题至少需要两对", "a matching question needs at least two pairs");
      std::vector<std::string> lefts, rights;
      for (const auto& pair : q.pairs) {
        lefts.push_back(pair.left);
        rights.push_back(pair.right);
      }
      if (any_empty(lefts) || any_empty(rights)) p.add("pairs", "连线项不能为空", "a pair has an empty side");
      if (has_duplicates(lefts)) p.add("pairs", "连线题左侧有重复项", "two pairs have the same left side");
      break;
    }
    case QuestionType::ordering:
      if (q.options.size() < 2) p.add("options", "排序题至少需要两项", "an ordering question needs at least two items");
      if (any_empty(q.options)) p.add("options", "排序项不能为空", "an item is empty");
      if (has_duplicates(q.options)) p.add("options", "排序项重复", "two items have the same text");
      break;
    case QuestionType::hotspot:
      if (q.image.empty() || q.image.width <= 0 || q.image.height <= 0)
        p.add("image", "找隐患题需要一张图片", "a hotspot question needs a picture");
      if (q.regions.empty()) p.add("regions", "找隐患题至少需要一个目标区域", "a hotspot question needs at least one region");
      for (const auto& r : q.regions) {
        if (r.width <= 0 || r.height <= 0 || r.x < 0 || r.y < 0 ||
            (q.image.width > 0 && r.x + r.width > q.image.width) ||
            (q.image.height > 0 && r.y + r.height > q.image.height)) {
          p.add("regions", "目标区域超出图片范围", "a region lies outside the picture");
          break;
        }
      }
      break;
  }
  return p.take();
}

Text field_label(std::string_view field) {
  static constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
      {"id", "编号"},          {"type", "题型"},      {"stem", "题干"},        {"options", "选项"},
      {"answer", "答案"},      {"blanks", "填空答案"}, {"pairs", "连线配对"},   {"items", "排序项"},
      {"explanation", "解析"}, {"basis", "依据"},      {"category", "分类"},    {"difficulty", "难度"},
      {"tags", "标签"},        {"source", "来源"},     {"status", "状态"},      {"image", "图片"},
      {"regions", "热区"},     {"tolerance", "允许误差"}};
  const std::string_view base = field.substr(0, field.find_first_of("[."));
  for (const auto& [name, zh] : kLabels)
    if (name == base) return {std::string(zh) + std::string(field.substr(base.size())), std::string(field)};
  return {std::string(field), std::string(field)};
}

}  // namespace ankang
