#include "question_bank/formats/spreadsheet_template.h"

#include <algorithm>
#include <charconv>

#include "question_bank/formats/format_detail.h"

namespace ankang::bank::detail {

namespace {

struct HeaderName {
  int field;
  std::string_view zh;
  std::string_view en;
};

// The order here is the order writers put the columns in (options go after the stem).
constexpr HeaderName kHeaders[] = {
    {0, "编号", "id"},           {1, "题型", "type"},        {2, "题干", "stem"},       {3, "答案", "answer"},
    {4, "解析", "explanation"},  {5, "依据", "basis"},       {6, "分类", "category"},   {7, "难度", "difficulty"},
    {8, "标签", "tags"},         {9, "来源", "source"},      {10, "状态", "status"},
};

// What other exam systems call the template's columns: their sheets are read as they are.
struct HeaderAlias {
  int field;
  std::string_view name;  // Chinese as written, English in lower case
};

constexpr HeaderAlias kHeaderAliases[] = {
    {1, "题目类型"}, {1, "试题类型"}, {1, "question type"}, {2, "题目"},     {2, "试题"},     {2, "问题"},
    {2, "题目内容"}, {2, "试题内容"}, {2, "question"}, {3, "正确答案"}, {3, "标准答案"},      {3, "correct answer"}, {4, "答案解析"}, {4, "试题解析"},
    {6, "知识点"},   {7, "难易程度"}, {7, "难易度"},
};

struct TypeWord {
  std::string_view word;
  QuestionType type;
};

constexpr TypeWord kTypeWords[] = {
    {"单选", QuestionType::single},     {"单选题", QuestionType::single},       {"多选", QuestionType::multiple},
    {"多选题", QuestionType::multiple}, {"判断", QuestionType::true_false},     {"判断题", QuestionType::true_false},
    {"填空", QuestionType::fill_blank}, {"填空题", QuestionType::fill_blank},   {"排序", QuestionType::ordering},
    {"排序题", QuestionType::ordering}, {"连线", QuestionType::matching},       {"连线题", QuestionType::matching},
};

constexpr std::string_view kTrueWords[] = {"对", "正确", "√", "✓", "T", "TRUE", "t", "true", "True"};
constexpr std::string_view kFalseWords[] = {"错", "错误", "×", "✗", "F", "FALSE", "f", "false", "False"};

constexpr std::string_view kLetterSeparators[] = {",", "，", "、", ";", "；", " "};
constexpr std::string_view kBlankSeparators[] = {"|", "｜"};
constexpr std::string_view kAlternativeSeparators[] = {";", "；"};
constexpr std::string_view kTagSeparators[] = {",", "，", ";", "；", "、", "|", "｜"};
constexpr std::string_view kPairArrows[] = {"->", "→"};

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "选项A", "option_a", "Option A", "OptionA", "A", "选项1" -> 0. A letter straight after
// "option" must be upper case, so "options" is not the column of option S.
std::optional<int> option_header(std::string_view h) {
  for (std::string_view prefix : {"选项", "option_", "option ", "option", ""}) {
    if (ascii_lower(h.substr(0, prefix.size())) != prefix) continue;
    auto rest = trim(h.substr(prefix.size()));
    if ((prefix == "option" || prefix.empty()) && !rest.empty() && rest[0] >= 'a' && rest[0] <= 'z') continue;
    int number = 0;  // "选项1" is option A, as some systems number them
    if (!prefix.empty() && std::from_chars(rest.data(), rest.data() + rest.size(), number).ptr == rest.data() + rest.size() &&
        !rest.empty() && number >= 1 && number <= 26)
      return number - 1;
    auto letter = take_option_letter(rest);
    if (letter && rest.empty()) return letter;
  }
  return std::nullopt;
}

// A header that looks like options but names no single one: "选项", "options", "选项内容".
bool names_all_options(std::string_view h) {
  return h.starts_with("选项") || ascii_lower(h).starts_with("option");
}

// "正确答案（多选用英文逗号分隔）" -> {"正确答案", "多选用英文逗号分隔"}: other systems explain
// a column in brackets after its name.
std::pair<std::string_view, std::string_view> split_header_note(std::string_view h) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}}) {
    auto at = h.find(open);
    if (at == std::string_view::npos || at == 0 || !h.ends_with(close)) continue;
    return {trim(h.substr(0, at)), trim(h.substr(at + open.size(), h.size() - at - open.size() - close.size()))};
  }
  return {h, {}};
}

std::optional<int> header_field(std::string_view name) {
  auto lower = ascii_lower(name);
  for (const auto& n : kHeaders)
    if (n.zh == name || n.en == lower) return n.field;
  for (const auto& a : kHeaderAliases)
    if (a.name == name || a.name == lower) return a.field;
  return std::nullopt;
}

// The codes other systems put in the type column: "0单选1判断2多选" (also "0:单选, 1:判断")
// in the header's note, else that common one.
std::vector<std::pair<std::string, QuestionType>> type_codes(std::string_view note) {
  std::vector<std::pair<std::string, QuestionType>> codes;
  std::size_t i = 0;
  while (i < note.size()) {
    if (note[i] < '0' || note[i] > '9') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < note.size() && note[end] >= '0' && note[end] <= '9') ++end;
    std::string code(note.substr(i, end - i));
    for (std::string_view gap : {":", "：", "=", "-", "、", " "})
      if (note.substr(end).starts_with(gap)) end += gap.size();
    const TypeWord* longest = nullptr;
    for (const auto& w : kTypeWords)
      if (note.substr(end).starts_with(w.word) && (!longest || w.word.size() > longest->word.size())) longest = &w;
    if (longest) codes.emplace_back(code, longest->type), end += longest->word.size();
    i = end;
  }
  if (codes.empty()) codes = {{"0", QuestionType::single}, {"1", QuestionType::true_false}, {"2", QuestionType::multiple}};
  return codes;
}

// Difficulty in words, as other systems write it, on the 1–5 scale.
constexpr std::pair<std::string_view, int> kDifficultyWords[] = {
    {"易", 1}, {"容易", 1}, {"简单", 1}, {"较易", 2}, {"中", 3}, {"中等", 3}, {"一般", 3}, {"较难", 4}, {"难", 5}, {"困难", 5},
};

bool contains_any(std::string_view text, std::span<const std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(), [&](std::string_view n) { return text.find(n) != std::string_view::npos; });
}

// Collects the problems of one row, each at the column it is in.
class RowErrors {
 public:
  RowErrors(std::string_view file, int line) : file_(file), line_(line) {}
  void add(int column, std::string_view header, const std::string& zh, const std::string& en) {
    std::string h(header);
    list.push_back(make_diagnostic(file_, {line_, column + 1}, h + ": " + zh, h + ": " + en));
  }
  std::vector<Diagnostic> list;

 private:
  std::string_view file_;
  int line_;
};

}  // namespace

namespace {

// The template's column names and the other names it knows, for the message on a header it cannot read.
std::string known_headers(bool chinese) {
  std::string names;
  auto add = [&](std::string_view name) { names += (names.empty() ? "" : chinese ? "、" : ", ") + std::string(name); };
  for (const auto& n : kHeaders) {
    add(chinese ? n.zh : n.en);
    if (n.field == TemplateReader::stem) add(chinese ? "选项A…选项Z" : "option_a … option_z");
  }
  std::string aliases;
  for (const auto& a : kHeaderAliases)
    if ((static_cast<unsigned char>(a.name[0]) >= 0x80) == chinese)
      aliases += (aliases.empty() ? "" : chinese ? "、" : ", ") + std::string(a.name);
  return chinese ? "模板的列名：" + names + "（也认得：" + aliases + "）" : "the template's headers: " + names + " (also: " + aliases + ")";
}

}  // namespace

std::optional<bool> truth_word(std::string_view word) {
  auto is = [&](const auto& words) { return std::find(std::begin(words), std::end(words), word) != std::end(words); };
  if (is(kTrueWords)) return true;
  if (is(kFalseWords)) return false;
  return std::nullopt;
}

std::optional<TemplateReader> TemplateReader::from_header(std::string_view file, const RowView& header, ParseResult& result) {
  TemplateReader reader(file);
  reader.column_.fill(-1);
  reader.header_cells_.assign(header.cells.begin(), header.cells.end());
  bool ok = true;
  for (std::size_t col = 0; col < header.cells.size(); ++col) {
    auto h = trim(header.cells[col]);
    if (h.empty()) continue;
    int c = static_cast<int>(col);
    SourcePos pos{header.line, c + 1};
    auto [name, note] = split_header_note(h);
    if (auto letter = option_header(name)) {
      reader.options_.emplace_back(*letter, c);
      continue;
    }
    auto field = header_field(name);
    if (!field && names_all_options(name)) {
      result.file_errors.push_back(make_diagnostic(
          file, pos, "列「" + std::string(h) + "」：每个选项要单独一列，列名为 选项A、选项B、选项C……",
          "column \"" + std::string(h) + "\": each option needs a column of its own, headed option_a, option_b, option_c …"));
      ok = false;
    } else if (!field) {
      result.file_errors.push_back(make_diagnostic(file, pos, "未知的列名「" + std::string(h) + "」",
                                                   "unknown column header \"" + std::string(h) + "\""));
      ok = false;
    } else if (reader.column_[*field] >= 0) {
      result.file_errors.push_back(make_diagnostic(file, pos, "列「" + std::string(h) + "」重复", "column \"" + std::string(h) + "\" appears twice"));
      ok = false;
    } else {
      reader.column_[*field] = c;
      if (*field == Field::type) reader.type_codes_ = type_codes(note);
    }
  }
  std::sort(reader.options_.begin(), reader.options_.end());
  for (std::size_t i = 1; i < reader.options_.size(); ++i)
    if (reader.options_[i].first == reader.options_[i - 1].first) {
      result.file_errors.push_back(make_diagnostic(file, {header.line, reader.options_[i].second + 1},
                                                   "选项列重复", "an option column appears twice"));
      ok = false;
    }
  for (int f : {Field::type, Field::stem})
    if (reader.column_[f] < 0) {
      result.file_errors.push_back(make_diagnostic(file, {header.line, 0},
                                                   "表头缺少「" + std::string(kHeaders[f].zh) + "」列",
                                                   "the header has no \"" + std::string(kHeaders[f].en) + "\" (" + std::string(kHeaders[f].zh) + ") column"));
      ok = false;
    }
  if (!ok) {
    std::string found_zh, found_en;
    for (std::size_t col = 0; col < header.cells.size(); ++col)
      if (auto h = trim(header.cells[col]); !h.empty()) {
        found_zh += (found_zh.empty() ? "" : "、") + std::string(h) + "（第" + std::to_string(col + 1) + "列）";
        found_en += (found_en.empty() ? "" : ", ") + std::string(h) + " (column " + std::to_string(col + 1) + ")";
      }
    result.file_errors.push_back(make_diagnostic(file, {header.line, 0},
                                                 "表头无法识别。表头的列：" + found_zh + "；" + known_headers(true),
                                                 "the header is not understood. Its columns: " + found_en + "; " + known_headers(false)));
    return std::nullopt;
  }
  return reader;
}

void TemplateReader::read_row(const RowView& row, ParseResult& result) const {
  if (std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trim(c).empty(); })) return;
  auto cell = [&](int field) -> std::string_view {
    int col = column_[field];
    return col >= 0 && static_cast<std::size_t>(col) < row.cells.size() ? trim(row.cells[col]) : std::string_view();
  };
  RowErrors errors(file_, row.line);
  auto error = [&](int field, const std::string& zh, const std::string& en) {
    int col = column_[field];
    errors.add(col, col >= 0 ? trim(header_cells_[col]) : kHeaders[field].zh, zh, en);
  };

  Question q;
  q.id = cell(Field::id);
  q.stem = cell(Field::stem);
  auto type_text = cell(Field::type);
  auto word = std::find_if(std::begin(kTypeWords), std::end(kTypeWords), [&](const TypeWord& w) { return w.word == type_text; });
  auto coded = std::find_if(type_codes_.begin(), type_codes_.end(), [&](const auto& c) { return c.first == type_text; });
  if (word != std::end(kTypeWords))
    q.type = word->type;
  else if (coded != type_codes_.end())
    q.type = coded->second;
  else if (auto code = type_from_code(ascii_lower(type_text)); code && *code != QuestionType::hotspot)
    q.type = *code;
  else if (type_text == "找隐患" || ascii_lower(type_text) == "hotspot")
    error(Field::type, "表格不能携带图片，找隐患题请用 JSON 格式导入", "a spreadsheet cannot carry the picture of a hotspot question; use JSON");
  else
    error(Field::type, "未知题型「" + std::string(type_text) + "」（可用：单选、多选、判断、填空、排序、连线）",
          "unknown type \"" + std::string(type_text) + "\" (use single, multiple, true_false, fill_blank, ordering, matching)");

  // Options up to the last non-empty one, so a blank in the middle is reported, not skipped.
  std::vector<std::pair<std::string_view, int>> options;
  for (auto [index, col] : options_) {
    auto text = static_cast<std::size_t>(col) < row.cells.size() ? trim(row.cells[col]) : std::string_view();
    if (index != static_cast<int>(options.size())) {
      if (!text.empty())
        errors.add(col, trim(header_cells_[col]), "前面缺少选项" + option_letter(static_cast<int>(options.size())) + "列",
                   "the column for option " + option_letter(static_cast<int>(options.size())) + " is missing before it");
      continue;
    }
    options.emplace_back(text, col);
  }
  while (!options.empty() && options.back().first.empty()) options.pop_back();

  auto answer = cell(Field::answer);
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
    case QuestionType::ordering: {
      for (auto [text, col] : options) q.options.emplace_back(text);
      std::vector<int> letters;
      for (auto& piece : split_any(answer, kLetterSeparators)) {
        std::string_view rest = piece;
        while (!rest.empty()) {
          auto letter = take_option_letter(rest);
          if (!letter) {
            error(Field::answer, "「" + std::string(answer) + "」不是选项字母", "\"" + std::string(answer) + "\" is not option letters");
            letters.clear();
            rest = {};
            break;
          }
          letters.push_back(*letter);
        }
      }
      if (q.type != QuestionType::ordering) {
        std::sort(letters.begin(), letters.end());
        q.correct = std::move(letters);
        break;
      }
      if (letters.empty()) break;  // an ordering without an answer lists its items in order
      auto sorted = letters;
      std::sort(sorted.begin(), sorted.end());
      bool permutation = sorted.size() == q.options.size();
      for (std::size_t i = 0; permutation && i < sorted.size(); ++i) permutation = sorted[i] == static_cast<int>(i);
      if (!permutation) {
        error(Field::answer, "排序题的答案必须恰好用到每个选项字母一次", "an ordering answer must use every option letter exactly once");
        break;
      }
      std::vector<std::string> ordered;
      for (int i : letters) ordered.push_back(q.options[i]);
      q.options = std::move(ordered);
      break;
    }
    case QuestionType::true_false: {
      if (auto truth = truth_word(answer))
        q.truth = *truth;
      else
        error(Field::answer, "判断题答案「" + std::string(answer) + "」无法识别（可用：对/错、正确/错误、√/×、T/F）",
              "true/false answer \"" + std::string(answer) + "\" not understood (use 对/错, 正确/错误, √/×, T/F)");
      break;
    }
    case QuestionType::fill_blank:
      if (answer.starts_with('#')) {
        auto text = answer.substr(1);
        auto colon = text.find(':');
        NumericAnswer n;
        auto parse = [](std::string_view s, double& v) {
          s = trim(s);
          auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
          return ec == std::errc() && end == s.data() + s.size() && !s.empty();
        };
        if (parse(text.substr(0, colon), n.value) && (colon == std::string_view::npos || parse(text.substr(colon + 1), n.tolerance)))
          q.numeric = n;
        else
          error(Field::answer, "数值答案应写作 #数值 或 #数值:容差，如 #35:0.5", "a numeric answer is #value or #value:tolerance, e.g. #35:0.5");
      } else {
        for (auto& blank : split_any(answer, kBlankSeparators)) q.blanks.push_back(split_any(blank, kAlternativeSeparators));
      }
      break;
    case QuestionType::matching:
      for (auto [text, col] : options) {
        std::size_t at = std::string_view::npos, len = 0;
        for (auto arrow : kPairArrows)
          if (auto f = text.find(arrow); f != std::string_view::npos && f < at) at = f, len = arrow.size();
        if (at == std::string_view::npos) {
          errors.add(col, trim(header_cells_[col]), "连线题的每个选项写作「左项 -> 右项」", "each matching option is written \"left -> right\"");
          continue;
        }
        q.pairs.push_back({std::string(trim(text.substr(0, at))), std::string(trim(text.substr(at + len)))});
      }
      if (!answer.empty()) error(Field::answer, "连线题不填答案（配对写在选项中）", "a matching question has no answer (the pairs are in the options)");
      break;
    case QuestionType::hotspot:
      break;
  }

  q.explanation = cell(Field::explanation);
  if (auto basis = cell(Field::basis); !basis.empty()) {
    auto close = basis.find("》");
    if (close == std::string_view::npos) {
      q.basis.law = basis;
    } else {
      q.basis.law = trim(basis.substr(0, close + std::string_view("》").size()));
      q.basis.article = trim(basis.substr(close + std::string_view("》").size()));
    }
  }
  q.category = split_category(cell(Field::category));
  auto d = cell(Field::difficulty);
  auto d_word = std::find_if(std::begin(kDifficultyWords), std::end(kDifficultyWords), [&](const auto& w) { return w.first == d; });
  if (d_word != std::end(kDifficultyWords)) {
    q.difficulty = d_word->second;
  } else if (!d.empty()) {
    auto [end, ec] = std::from_chars(d.data(), d.data() + d.size(), q.difficulty);
    if (ec != std::errc() || end != d.data() + d.size() || q.difficulty < 1 || q.difficulty > 5)
      error(Field::difficulty, "难度必须是 1 到 5 的整数或 易、较易、中、较难、难", "difficulty must be an integer from 1 to 5 or 易, 较易, 中, 较难, 难");
  }
  q.tags = split_any(cell(Field::tags), kTagSeparators);
  q.source = cell(Field::source);
  if (auto s = cell(Field::status); s == "停用" || ascii_lower(s) == "retired")
    q.status = QuestionStatus::retired;
  else if (!s.empty() && s != "在用" && ascii_lower(s) != "active")
    error(Field::status, "状态只能是「在用」或「停用」", "status must be active (在用) or retired (停用)");

  if (!errors.list.empty()) return reject_record(result, {row.line, 0}, row.source_text, std::move(errors.list));
  int first_option = options_.empty() ? 0 : options_.front().second + 1;
  add_record(result, file_, {row.line, 0}, std::move(q), row.source_text, [&](std::string_view field) {
    if (field == "options" || field == "pairs") return first_option;
    for (const auto& h : kHeaders)
      if (h.en == field) return column_[h.field] + 1;
    return 0;
  });
}

int template_option_columns(const std::vector<Question>& questions) {
  std::size_t most = 4;
  for (const auto& q : questions) most = std::max({most, q.options.size(), q.pairs.size()});
  return static_cast<int>(most);
}

std::vector<std::string> template_header(int option_columns) {
  std::vector<std::string> h{"编号", "题型", "题干"};
  for (int i = 0; i < option_columns; ++i) h.push_back("选项" + option_letter(i));
  for (int f = TemplateReader::answer; f < TemplateReader::field_count; ++f) h.emplace_back(kHeaders[f].zh);
  return h;
}

std::vector<std::string> template_row(const Question& q, int option_columns) {
  std::vector<std::string> row{q.id, std::string(type_name_zh(q.type)), q.stem};
  std::string answer;
  for (int i = 0; i < option_columns; ++i) {
    std::string cell;
    if (q.type == QuestionType::matching && static_cast<std::size_t>(i) < q.pairs.size())
      cell = q.pairs[i].left + " -> " + q.pairs[i].right;
    else if (static_cast<std::size_t>(i) < q.options.size())
      cell = q.options[i];
    row.push_back(std::move(cell));
  }
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
      for (int i : q.correct) answer += option_letter(i);
      break;
    case QuestionType::ordering:  // written in the correct order, so the answer is A, B, C...
      for (std::size_t i = 0; i < q.options.size(); ++i) answer += option_letter(static_cast<int>(i));
      break;
    case QuestionType::true_false:
      answer = q.truth ? "对" : "错";
      break;
    case QuestionType::fill_blank:
      if (q.numeric) {
        answer = "#" + number_text(q.numeric->value);
        if (q.numeric->tolerance != 0) answer += ":" + number_text(q.numeric->tolerance);
      } else {
        for (std::size_t b = 0; b < q.blanks.size(); ++b) {
          if (b > 0) answer += "|";
          for (std::size_t a = 0; a < q.blanks[b].size(); ++a) answer += (a > 0 ? ";" : "") + q.blanks[b][a];
        }
      }
      break;
    case QuestionType::matching:
    case QuestionType::hotspot:
      break;
  }
  row.push_back(std::move(answer));
  row.push_back(q.explanation);
  row.push_back(q.basis.law + q.basis.article);
  row.push_back(join_category(q.category));
  row.push_back(std::to_string(q.difficulty));
  std::string tags;
  for (const auto& t : q.tags) tags += (tags.empty() ? "" : ",") + t;
  row.push_back(std::move(tags));
  row.push_back(q.source);
  row.push_back(q.status == QuestionStatus::retired ? "停用" : "");
  return row;
}

std::optional<Text> template_cannot_carry(const Question& q) {
  if (q.type == QuestionType::hotspot || !q.image.empty())
    return Text{"表格不能携带图片（找隐患题请导出为 JSON）", "a spreadsheet cannot carry a picture (export hotspot questions as JSON)"};
  if (q.options.size() > 26 || q.pairs.size() > 26) return Text{"选项超过 26 个", "more than 26 options"};
  for (const auto& blank : q.blanks)
    for (const auto& a : blank)
      if (contains_any(a, kBlankSeparators) || contains_any(a, kAlternativeSeparators) || a.starts_with('#'))
        return Text{"填空答案中含有分隔符 | ; 或以 # 开头", "a fill-in answer holds a separator | ; or starts with #"};
  for (const auto& t : q.tags)
    if (contains_any(t, kTagSeparators)) return Text{"标签中含有分隔符", "a tag holds a separator"};
  for (const auto& p : q.pairs)
    if (contains_any(p.left, kPairArrows)) return Text{"连线左项中含有 ->", "the left side of a pair holds ->"};
  if (q.basis.law.find("》") != q.basis.law.size() - std::string_view("》").size() && !q.basis.article.empty())
    return Text{"依据的法规名不以》结尾，无法与条款分开", "the law name does not end with 》, so it cannot be told apart from the article"};
  return std::nullopt;
}

}  // namespace ankang::bank::detail
