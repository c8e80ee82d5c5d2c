// Numbered question banks as they circulate in plain text (and, through
// docx_format.cpp, in Word):
//   一、单选题（每题 2 分）
//   1. 安全生产月是几月？
//   A. 3月  B. 6月  C. 9月  D. 12月
//   答案：B
//   解析：……
//   二、判断题
//   1、发现火情应先报警。（ ）
//   【答案】√
// Answers follow each question or stand in a key at the end (参考答案
// 1.B 2.C …, by section when numbers start again in each). The type is the
// section's, or inferred from the options and the answer.
// [SECTION] Line marks  [SECTION] Drafts  [SECTION] Answer key  [SECTION] Reader  [SECTION] Writer
#include <algorithm>
#include <array>
#include <map>

#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/spreadsheet_template.h"

namespace ankang::bank::detail {

namespace {

// [SECTION] Line marks

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads up to six ASCII digits from the front of text.
std::optional<int> take_number(std::string_view& text) {
  std::size_t n = 0;
  while (n < text.size() && n < 6 && is_digit(text[n])) ++n;
  if (n == 0 || (n < text.size() && is_digit(text[n]))) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < n; ++i) value = value * 10 + (text[i] - '0');
  text.remove_prefix(n);
  return value;
}

bool take_any(std::string_view& text, std::initializer_list<std::string_view> marks) {
  for (auto mark : marks)
    if (text.starts_with(mark)) {
      text.remove_prefix(mark.size());
      return true;
    }
  return false;
}

// "1. 题干", "1、题干", "1．题干", "1）题干", "（1）题干", "(1) 题干" -> 1 and the stem.
// "1.5 米" is not a number mark: a decimal goes on after the dot.
std::optional<std::pair<int, std::string_view>> numbered_line(std::string_view line) {
  auto rest = line;
  bool bracketed = take_any(rest, {"（", "("});
  auto number = take_number(rest);
  if (!number) return std::nullopt;
  if (bracketed ? !take_any(rest, {"）", ")"}) : !take_any(rest, {".", "．", "、", "）", ")"})) return std::nullopt;
  if (!rest.empty() && is_digit(rest.front())) return std::nullopt;
  return std::pair{*number, trim(rest)};
}

// "A." "A．" "A、" "A）" "A)" "A:" "A：" at the front of text, the mark taken too.
std::optional<int> take_option_mark(std::string_view& text) {
  auto rest = text;
  auto letter = take_option_letter(rest);
  if (!letter || !take_any(rest, {".", "．", "、", "）", ")", ":", "："})) return std::nullopt;
  text = rest;
  return letter;
}

bool is_space_at(std::string_view text, std::size_t i) {
  return text[i] == ' ' || text[i] == '\t' || text.substr(i).starts_with("\xE3\x80\x80");
}

// "A. 甲  B. 乙" -> {甲, 乙} with their letters; nullopt when the line is no option line.
// A following option starts after a space with the next letter and a mark.
std::optional<std::vector<std::pair<int, std::string>>> option_line(std::string_view line) {
  auto rest = line;
  auto letter = take_option_mark(rest);
  if (!letter) return std::nullopt;
  std::vector<std::pair<int, std::string>> options;
  for (;;) {
    std::size_t cut = std::string_view::npos, next_start = 0;
    for (std::size_t i = 0; i + 1 < rest.size() && cut == std::string_view::npos; ++i) {
      if (!is_space_at(rest, i)) continue;
      auto after = trim(rest.substr(i));
      auto probe = after;
      if (auto next = take_option_mark(probe); next && *next == *letter + 1) {
        cut = i;
        next_start = rest.size() - after.size();
      }
    }
    options.emplace_back(*letter, std::string(trim(rest.substr(0, cut))));
    if (cut == std::string_view::npos) return options;
    rest = rest.substr(next_start);
    letter = take_option_mark(rest);
  }
}

// "答案：B", "【答案】B", "正确答案：B", "参考答案: B" -> "B".
std::optional<std::string_view> answer_line(std::string_view line) {
  auto rest = line;
  if (take_any(rest, {"【答案】", "【正确答案】", "【参考答案】", "[答案]"})) return trim(rest);
  if (!take_any(rest, {"正确答案", "参考答案", "标准答案", "答案"})) return std::nullopt;
  if (!take_any(rest, {"：", ":"})) return std::nullopt;
  return trim(rest);
}

// "解析：……", "【解析】……", "答案解析：……" -> "……".
std::optional<std::string_view> explanation_line(std::string_view line) {
  auto rest = line;
  if (take_any(rest, {"【解析】", "【答案解析】", "[解析]"})) return trim(rest);
  if (take_any(rest, {"答案解析", "试题解析", "解析"}) && take_any(rest, {"：", ":"})) return trim(rest);
  return std::nullopt;
}

struct SectionWord {
  std::string_view word;
  std::optional<QuestionType> type;  // nullopt: choice, single or multiple by the answer
};

constexpr SectionWord kSectionWords[] = {
    {"单选题", QuestionType::single},        {"单项选择题", QuestionType::single}, {"单选", QuestionType::single},
    {"单项选择", QuestionType::single},      {"多选题", QuestionType::multiple},   {"多项选择题", QuestionType::multiple},
    {"多选", QuestionType::multiple},        {"多项选择", QuestionType::multiple}, {"不定项选择题", QuestionType::multiple},
    {"判断题", QuestionType::true_false},    {"判断", QuestionType::true_false},   {"是非题", QuestionType::true_false},
    {"填空题", QuestionType::fill_blank},    {"填空", QuestionType::fill_blank},   {"选择题", std::nullopt},
};
constexpr std::string_view kKeyWords[] = {"参考答案", "答案", "标准答案", "答案部分", "答案与解析", "参考答案及解析"};

struct Heading {
  enum Kind { section, key, unknown } kind;
  std::optional<QuestionType> type;
  std::string_view word;  // the heading without its numeral and its note
};

// "一、单选题（每题 2 分，共 40 分）", "第二部分 判断题", "多选题：", "参考答案".
// A line with a Chinese numeral and 、 that names no known section is an unknown heading.
std::optional<Heading> heading_line(std::string_view line) {
  auto rest = line;
  bool numbered = false;
  if (take_any(rest, {"第"})) {
    while (take_any(rest, {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"})) numbered = true;
    if (!numbered || !take_any(rest, {"部分", "大题", "章", "节"})) return std::nullopt;
  } else {
    while (take_any(rest, {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"})) numbered = true;
    if (numbered && !take_any(rest, {"、", "．", ".", " "})) return std::nullopt;
  }
  rest = trim(rest);
  // A note in brackets goes; a colon only at the end ("答案：B" is an answer, not a heading).
  for (std::string_view open : {"（", "("})
    if (auto at = rest.find(open); at != std::string_view::npos) rest = trim(rest.substr(0, at));
  for (std::string_view colon : {"：", ":"})
    if (rest.ends_with(colon)) rest = trim(rest.substr(0, rest.size() - colon.size()));
  for (const auto& w : kSectionWords)
    if (rest == w.word) return Heading{Heading::section, w.type, rest};
  for (auto w : kKeyWords)
    if (rest == w) return Heading{Heading::key, std::nullopt, rest};
  if (numbered && !rest.empty() && rest.size() <= 30) return Heading{Heading::unknown, std::nullopt, rest};
  return std::nullopt;
}

// [SECTION] Drafts

// One question as read so far, finished once the answer key is known.
struct Draft {
  int line = 0;
  int number = 0;         // 0: not numbered
  int section = -1;       // index into Reader::sections_, -1 before any heading
  std::vector<int> lines;  // every line it spans, for the source text
  std::string stem;
  std::vector<std::string> options;
  std::optional<std::string> answer;
  int answer_line = 0;
  std::string explanation;
  std::vector<Diagnostic> errors;
};

struct Section {
  std::optional<QuestionType> type;
  std::string word;
  int occurrence = 0;  // how many sections of the same word came before
};

// [SECTION] Answer key

struct KeyEntry {
  int section = -1;  // index into the key's own sections, -1 before any
  int number = 0;
  std::string answer;
  int line = 0;
};

bool is_key_separator(std::string_view text, std::size_t i) {
  return is_space_at(text, i) || text[i] == ';' || text.substr(i).starts_with("；") || text[i] == ',' ||
         text.substr(i).starts_with("，");
}

std::string_view skip_key_separators(std::string_view text) {
  for (;;) {
    if (text.empty()) return text;
    if (text[0] == ' ' || text[0] == '\t' || text[0] == ';' || text[0] == ',') {
      text.remove_prefix(1);
    } else if (!take_any(text, {"\xE3\x80\x80", "；", "，"})) {
      return text;
    }
  }
}

// "1.B 2.AC 3-5 ACD 6、对" -> entries; nullopt when the line is not such a list.
std::optional<std::vector<KeyEntry>> key_entries(std::string_view line, int line_number, int section) {
  std::vector<KeyEntry> entries;
  auto rest = skip_key_separators(line);
  while (!rest.empty()) {
    auto first = take_number(rest);
    if (!first) return std::nullopt;
    int last = *first;
    if (take_any(rest, {"-", "～", "~", "—", "－"})) {
      auto to = take_number(rest);
      if (!to || *to < *first || *to - *first > 200) return std::nullopt;
      last = *to;
    }
    take_any(rest, {".", "．", "、", ":", "：", ")", "）", "-"});
    rest = trim(rest);
    std::size_t end = 0;
    while (end < rest.size() && !is_key_separator(rest, end)) ++end;
    auto answer = rest.substr(0, end);
    rest = skip_key_separators(rest.substr(end));
    if (answer.empty()) return std::nullopt;
    if (last == *first) {
      entries.push_back({section, *first, std::string(answer), line_number});
      continue;
    }
    // A range takes one letter or mark per question: "1-5 BCADA", "6-8 √×√".
    std::vector<std::string> pieces;
    for (std::size_t i = 0; i < answer.size();) {
      std::size_t len = 1;
      auto c = static_cast<unsigned char>(answer[i]);
      if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
      pieces.emplace_back(answer.substr(i, len));
      i += len;
    }
    if (static_cast<int>(pieces.size()) != last - *first + 1) return std::nullopt;
    for (int n = *first; n <= last; ++n) entries.push_back({section, n, pieces[n - *first], line_number});
  }
  return entries;
}

// [SECTION] Reader

constexpr std::string_view kBlankSeparators[] = {"；", ";", "|", "｜", "、"};
constexpr std::string_view kLetterSeparators[] = {",", "，", "、", " ", "\xE3\x80\x80"};

class Reader {
 public:
  explicit Reader(std::string_view path) : path_(path) {}

  void read(const std::vector<TextLine>& lines) {
    for (const auto& l : lines) read_line(l.number, trim(l.text));
    finish_draft();
    resolve_key();
    for (auto& d : drafts_) build(d);
  }

  ParseResult result;

 private:
  void error(int line, const std::string& zh, const std::string& en) {
    result.file_errors.push_back(make_diagnostic(path_, {line, 1}, zh, en));
  }
  void draft_error(Draft& d, int line, const std::string& zh, const std::string& en) {
    d.errors.push_back(make_diagnostic(path_, {line, 1}, zh, en));
  }
  Draft* current() { return open_ ? &drafts_.back() : nullptr; }

  void start_draft(int line, int number, std::string_view stem) {
    finish_draft();
    drafts_.push_back({});
    auto& d = drafts_.back();
    d.line = line;
    d.number = number;
    d.section = sections_.empty() ? -1 : static_cast<int>(sections_.size()) - 1;
    d.stem = stem;
    d.lines.push_back(line);
    open_ = true;
    in_explanation_ = false;
  }

  // An unnumbered first "question" with no options and no answer is the file's title.
  void finish_draft() {
    if (!open_) return;
    open_ = false;
    auto& d = drafts_.back();
    if (d.number == 0 && drafts_.size() == 1 && d.options.empty() && !d.answer && d.errors.empty()) {
      result.warnings.push_back(make_diagnostic(path_, {d.line, 1}, "第 " + std::to_string(d.line) + " 行不是题目，作为标题略过",
                                                "line " + std::to_string(d.line) + " is not a question; read as the title and left out"));
      drafts_.pop_back();
    }
  }

  void read_line(int number, std::string_view text) {
    if (text.empty()) {
      blank_since_answer_ = true;
      return;
    }
    source_[number] += std::string(source_[number].empty() ? "" : "\n") + std::string(text);
    if (in_key_) return read_key_line(number, text);
    if (auto h = heading_line(text)) return read_heading(number, *h);
    if (auto n = numbered_line(text)) return start_draft(number, n->first, n->second);
    auto* d = current();
    if (d) d->lines.push_back(number);
    if (auto a = answer_line(text)) {
      if (!d) return error(number, "答案行之前没有题目", "an answer line with no question before it");
      if (d->answer) return draft_error(*d, number, "一道题有两个答案行", "a second answer line for one question");
      d->answer = std::string(*a);
      d->answer_line = number;
      blank_since_answer_ = false;
      in_explanation_ = false;
      return;
    }
    if (auto e = explanation_line(text)) {
      if (!d) return error(number, "解析行之前没有题目", "an explanation line with no question before it");
      d->explanation = *e;
      in_explanation_ = true;
      blank_since_answer_ = false;
      return;
    }
    if (d && (d->answer || in_explanation_) && (blank_since_answer_ || !in_explanation_)) {
      d->lines.pop_back();
      return start_draft(number, 0, text);  // an unnumbered question after the last one's answer
    }
    if (d && in_explanation_) {
      d->explanation += "\n" + std::string(text);
      return;
    }
    if (auto options = option_line(text)) {
      if (!d) return error(number, "选项之前没有题目", "an option with no question before it");
      for (auto& [letter, option] : *options) {
        if (letter != static_cast<int>(d->options.size()))
          return draft_error(*d, number, "选项字母应为 " + option_letter(static_cast<int>(d->options.size())) + "，而不是 " + option_letter(letter),
                             "the option letter should be " + option_letter(static_cast<int>(d->options.size())) + ", not " + option_letter(letter));
        d->options.push_back(std::move(option));
      }
      return;
    }
    if (!d) return start_draft(number, 0, text);
    if (!d->options.empty())
      return draft_error(*d, number, "选项之后的这一行既不是选项，也不是答案或解析",
                         "this line after the options is neither an option nor an answer or explanation");
    d->stem += "\n" + std::string(text);
  }

  void read_heading(int number, const Heading& h) {
    finish_draft();
    if (h.kind == Heading::key) {
      in_key_ = true;
      key_line_ = number;
      return;
    }
    if (h.kind == Heading::unknown)
      error(number, "无法识别的题型标题「" + std::string(h.word) + "」（可用：单选题、多选题、判断题、填空题、参考答案）",
            "unknown section heading \"" + std::string(h.word) + "\" (use 单选题, 多选题, 判断题, 填空题 or 参考答案)");
    Section s{h.kind == Heading::section ? h.type : std::nullopt, std::string(h.word), 0};
    for (const auto& before : sections_) s.occurrence += before.word == s.word;
    sections_.push_back(std::move(s));
  }

  void read_key_line(int number, std::string_view text) {
    if (auto h = heading_line(text)) {
      // An unknown heading still opens a section, so its entries are not taken for the one before.
      if (h->kind != Heading::section)
        error(number, "答案表中无法识别的标题「" + std::string(h->word) + "」", "unknown heading \"" + std::string(h->word) + "\" in the answer key");
      Section s{h->type, std::string(h->word), 0};
      for (const auto& before : key_sections_) s.occurrence += before.word == s.word;
      key_sections_.push_back(std::move(s));
      return;
    }
    auto section = key_sections_.empty() ? -1 : static_cast<int>(key_sections_.size()) - 1;
    auto entries = key_entries(text, number, section);
    if (!entries)
      return error(number, "答案表中这一行无法识别（应写作 1.B 2.AC 3.对，或 1-5 BCADA）",
                   "this line of the answer key is not understood (write 1.B 2.AC 3.对, or 1-5 BCADA)");
    key_.insert(key_.end(), entries->begin(), entries->end());
  }

  // The body section a key section answers: the one with the same heading, in the same order.
  int body_section(int key_section) const {
    const auto& k = key_sections_[key_section];
    for (std::size_t i = 0; i < sections_.size(); ++i)
      if (sections_[i].word == k.word && sections_[i].occurrence == k.occurrence) return static_cast<int>(i);
    return -2;
  }

  void resolve_key() {
    if (key_.empty()) return;
    std::map<std::pair<int, int>, std::vector<Draft*>> by_number;  // (section or -1, number)
    bool by_section = !key_sections_.empty();
    for (auto& d : drafts_)
      if (d.number > 0) by_number[{by_section ? d.section : -1, d.number}].push_back(&d);
    if (!by_section)
      for (const auto& [at, drafts] : by_number)
        if (drafts.size() > 1)
          return error(key_line_, "题号 " + std::to_string(at.second) + " 在多个题型中出现，答案表要按题型分节（如“一、单选题”）",
                       "question number " + std::to_string(at.second) + " appears in more than one section; divide the answer key by section (e.g. 一、单选题)");
    std::map<std::pair<int, int>, int> seen;
    for (const auto& e : key_) {
      int section = -1;
      if (by_section) {
        if (e.section < 0) {
          error(e.line, "答案表在第一个题型标题之前有答案", "the answer key has answers before its first section heading");
          continue;
        }
        section = body_section(e.section);
      }
      auto where = by_section ? "在「" + key_sections_[e.section].word + "」中" : std::string();
      auto where_en = by_section ? " in \"" + key_sections_[e.section].word + "\"" : std::string();
      if (auto [it, fresh] = seen.try_emplace({e.section, e.number}, e.line); !fresh) {
        error(e.line, "答案表中题号 " + std::to_string(e.number) + " 出现两次（另见第 " + std::to_string(it->second) + " 行）",
              "the answer key has number " + std::to_string(e.number) + " twice (see also line " + std::to_string(it->second) + ")");
        continue;
      }
      auto found = by_number.find({section, e.number});
      if (found == by_number.end()) {
        error(e.line, "答案表中的题号 " + std::to_string(e.number) + " " + where + "没有对应的题目",
              "the answer key's number " + std::to_string(e.number) + where_en + " matches no question");
        continue;
      }
      auto& d = *found->second.front();
      if (d.answer && *d.answer != e.answer) {
        draft_error(d, e.line, "答案表的答案「" + e.answer + "」与题后的答案「" + *d.answer + "」不一致",
                    "the answer key says \"" + e.answer + "\" but the answer after the question says \"" + *d.answer + "\"");
        continue;
      }
      d.answer = e.answer;
      d.answer_line = e.line;
    }
  }

  std::optional<QuestionType> section_type(const Draft& d) const {
    return d.section >= 0 ? sections_[d.section].type : std::nullopt;
  }

  // Option letters of an answer ("AC", "A、C", "Ａ，Ｃ"); nullopt when it holds anything else.
  static std::optional<std::vector<int>> answer_letters(std::string_view answer) {
    std::vector<int> letters;
    for (auto& piece : split_any(answer, kLetterSeparators)) {
      std::string_view rest = piece;
      while (!rest.empty()) {
        auto letter = take_option_letter(rest);
        if (!letter) return std::nullopt;
        letters.push_back(*letter);
      }
    }
    if (letters.empty()) return std::nullopt;
    std::sort(letters.begin(), letters.end());
    letters.erase(std::unique(letters.begin(), letters.end()), letters.end());
    return letters;
  }

  void build(Draft& d) {
    std::string source;
    for (int line : d.lines) source += source_[line] + "\n";
    Question q;
    q.stem = d.stem;
    q.explanation = d.explanation;
    SourcePos pos{d.line, 1};
    auto type = section_type(d);
    if (!d.answer) {
      draft_error(d, d.line, "这道题没有答案（题后写“答案：B”，或在文末的参考答案中给出）",
                  "this question has no answer (write 答案：B after it, or give it in the answer key at the end)");
    } else if (!d.options.empty() && type != QuestionType::true_false && type != QuestionType::fill_blank) {
      auto letters = answer_letters(*d.answer);
      if (!letters) {
        draft_error(d, d.answer_line, "答案「" + *d.answer + "」不是选项字母", "the answer \"" + *d.answer + "\" is not option letters");
      } else if (letters->back() >= static_cast<int>(d.options.size())) {
        draft_error(d, d.answer_line,
                    "答案中的 " + option_letter(letters->back()) + " 没有对应的选项（只有 A–" + option_letter(static_cast<int>(d.options.size()) - 1) + "）",
                    "the answer names option " + option_letter(letters->back()) + ", which does not exist (only A–" +
                        option_letter(static_cast<int>(d.options.size()) - 1) + ")");
      } else {
        q.type = type.value_or(letters->size() > 1 ? QuestionType::multiple : QuestionType::single);
        q.options = d.options;
        q.correct = *letters;
      }
    } else if (!d.options.empty()) {
      draft_error(d, d.line, std::string(type_name_zh(*type)) + "不应有选项", "a " + std::string(type_code(*type)) + " question has no options");
    } else if (type == QuestionType::single || type == QuestionType::multiple) {
      draft_error(d, d.line, std::string(type_name_zh(*type)) + "没有选项（A. B. C. …）", "a choice question without options (A. B. C. …)");
    } else if (auto truth = truth_word(*d.answer); truth && type != QuestionType::fill_blank) {
      q.type = QuestionType::true_false;
      q.truth = *truth;
    } else if (type == QuestionType::true_false) {
      draft_error(d, d.answer_line, "判断题答案「" + *d.answer + "」无法识别（可用：对/错、正确/错误、√/×、T/F）",
                  "true/false answer \"" + *d.answer + "\" not understood (use 对/错, 正确/错误, √/×, T/F)");
    } else {
      q.type = QuestionType::fill_blank;
      for (auto& blank : split_any(*d.answer, kBlankSeparators)) q.blanks.push_back({blank});
    }
    if (!d.errors.empty()) return reject_record(result, pos, source, std::move(d.errors));
    add_record(result, path_, pos, std::move(q), source);
  }

  std::string_view path_;
  std::vector<Draft> drafts_;
  std::vector<Section> sections_;
  std::vector<Section> key_sections_;
  std::vector<KeyEntry> key_;
  std::map<int, std::string> source_;  // each line's text, by line number
  bool open_ = false;
  bool in_explanation_ = false;
  bool blank_since_answer_ = false;
  bool in_key_ = false;
  int key_line_ = 0;
};

}  // namespace

ParseResult parse_text_lines(std::string_view path, const std::vector<TextLine>& lines) {
  Reader reader(path);
  reader.read(lines);
  return std::move(reader.result);
}

ParseResult parse_text_bank(std::string_view path, std::string_view text) { return parse_text_lines(path, split_lines(text)); }

bool looks_like_text_bank(std::string_view text) {
  bool numbered = false, options = false, answers = false;
  int looked = 0;
  for (const auto& l : split_lines(text.substr(0, 64 * 1024))) {
    auto line = trim(l.text);
    if (line.empty()) continue;
    if (auto h = heading_line(line); h && h->kind == Heading::section) return true;
    numbered = numbered || numbered_line(line);
    options = options || option_line(line);
    answers = answers || answer_line(line);
    if (++looked > 400) break;
  }
  return numbered && options && answers;
}

// [SECTION] Writer

std::optional<Text> text_bank_cannot_carry(const Question& q) {
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
    case QuestionType::true_false:
      break;
    case QuestionType::fill_blank:
      if (q.numeric) return Text{"文本题库不能携带数值答案", "a text bank cannot carry a numeric answer"};
      for (const auto& accepted : q.blanks)
        if (accepted.size() != 1) return Text{"文本题库的每个空只能有一个答案", "a text bank holds one accepted answer per blank"};
      break;
    default:
      return Text{"文本题库不能携带" + std::string(type_name_zh(q.type)), "a text bank cannot carry " + std::string(type_code(q.type)) + " questions"};
  }
  if (!q.image.empty()) return Text{"文本题库不能携带图片", "a text bank cannot carry a picture"};
  if (q.options.size() > 26) return Text{"选项超过 26 个", "more than 26 options"};
  auto one_line = [](const std::string& s) { return s.find('\n') == std::string::npos && trim(s) == s && !s.empty(); };
  if (!one_line(q.stem) || numbered_line(q.stem) || heading_line(q.stem) || answer_line(q.stem) || explanation_line(q.stem))
    return Text{"题干有换行，或读来像题号、标题、答案", "the stem holds a line break or reads as a number, heading or answer"};
  for (const auto& o : q.options)
    if (!one_line(o)) return Text{"选项含换行、首尾空格或为空", "an option holds a line break, surrounding spaces or nothing"};
  if (q.explanation.find('\n') != std::string::npos) return Text{"解析有换行", "the explanation holds a line break"};
  return std::nullopt;
}

std::string write_text_bank(const std::vector<Question>& questions) {
  constexpr std::array<std::pair<QuestionType, std::string_view>, 4> kSections = {{
      {QuestionType::single, "单选题"}, {QuestionType::multiple, "多选题"}, {QuestionType::true_false, "判断题"}, {QuestionType::fill_blank, "填空题"},
  }};
  constexpr std::string_view kNumerals[] = {"一", "二", "三", "四"};
  std::string out;
  int written = 0;
  for (auto [type, word] : kSections) {
    int number = 0;
    for (const auto& q : questions) {
      if (q.type != type) continue;
      if (number == 0) {
        if (written > 0) out += "\n";
        out += std::string(kNumerals[written++]) + "、" + std::string(word) + "\n\n";
      }
      out += std::to_string(++number) + ". " + q.stem + "\n";
      for (std::size_t i = 0; i < q.options.size(); ++i) out += option_letter(static_cast<int>(i)) + ". " + q.options[i] + "\n";
      std::string answer;
      if (type == QuestionType::true_false) answer = q.truth ? "对" : "错";
      for (int c : q.correct) answer += option_letter(c);
      for (std::size_t i = 0; i < q.blanks.size(); ++i) answer += (i > 0 ? "；" : "") + q.blanks[i].front();
      out += "答案：" + answer + "\n";
      if (!q.explanation.empty()) out += "解析：" + q.explanation + "\n";
      out += "\n";
    }
  }
  return out;
}

}  // namespace ankang::bank::detail
