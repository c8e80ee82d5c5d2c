// CSV and TSV (RFC 4180 quoting) in the spreadsheet template.
#include <cstring>

#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/spreadsheet_template.h"
#include "question_bank/formats/text_encoding.h"

namespace ankang::bank::detail {

namespace {

// Splits text into records one at a time, reusing the field strings so a
// large file costs no allocation per row once the buffers have grown.
class CsvRecords {
 public:
  CsvRecords(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  struct Problem {
    int column = 0;
    Text message;
  };

  // Reads the next record; false at the end of the text.
  bool next() {
    if (pos_ >= text_.size()) return false;
    std::size_t start = pos_;
    line_ = next_line_;
    count_ = 0;
    problem_.reset();
    for (;;) {
      std::string& field = next_field();
      bool quoted = pos_ < text_.size() && text_[pos_] == '"';
      bool end_of_record = quoted ? read_quoted(field) : read_plain(field);
      if (end_of_record) break;
    }
    source_ = text_.substr(start, end_ - start);
    return true;
  }

  std::span<const std::string> fields() const { return {fields_.data(), count_}; }
  int line() const { return line_; }
  std::string_view source() const { return source_; }
  const std::optional<Problem>& problem() const { return problem_; }

 private:
  std::string& next_field() {
    if (count_ == fields_.size()) fields_.emplace_back();
    fields_[count_].clear();
    return fields_[count_++];
  }

  // After a field: a delimiter continues the record, a line break or the end finishes it.
  bool finish_field() {
    end_ = pos_;
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] == delimiter_) {
      ++pos_;
      return false;
    }
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++next_line_;
    return true;
  }

  bool read_plain(std::string& field) {
    std::size_t end = pos_;
    while (end < text_.size() && text_[end] != delimiter_ && text_[end] != '\n' && text_[end] != '\r') ++end;
    field.assign(text_.data() + pos_, end - pos_);
    pos_ = end;
    return finish_field();
  }

  bool read_quoted(std::string& field) {
    std::size_t quote = pos_++;
    for (;;) {
      auto* found = static_cast<const char*>(std::memchr(text_.data() + pos_, '"', text_.size() - pos_));
      if (!found) {
        set_problem("引号没有闭合（从本字段开始直到文件末尾）", "unterminated quote (from this field to the end of the file)");
        count_newlines(quote, text_.size());
        field.append(text_.substr(pos_));
        pos_ = text_.size();
        return finish_field();
      }
      auto at = static_cast<std::size_t>(found - text_.data());
      field.append(text_.data() + pos_, at - pos_);
      pos_ = at + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {  // "" is one quote
        field.push_back('"');
        ++pos_;
        continue;
      }
      break;
    }
    count_newlines(quote, pos_);
    if (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' && text_[pos_] != '\r') {
      set_problem("右引号后还有多余字符（字段中的引号应写成两个 \"\"）",
                  "text after the closing quote (a quote inside a field is written \"\")");
      while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' && text_[pos_] != '\r') field.push_back(text_[pos_++]);
    }
    return finish_field();
  }

  void count_newlines(std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
      if (text_[i] == '\n') ++next_line_;
  }

  void set_problem(const char* zh, const char* en) {
    if (!problem_) problem_ = Problem{static_cast<int>(count_), {zh, en}};
  }

  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0, end_ = 0;
  int line_ = 1, next_line_ = 1;
  std::vector<std::string> fields_;
  std::size_t count_ = 0;
  std::string_view source_;
  std::optional<Problem> problem_;
};

void append_field(std::string& out, std::string_view field, char delimiter) {
  bool quote = field.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

ParseResult parse_delimited(std::string_view path, std::span<const std::uint8_t> bytes, char delimiter) {
  ParseResult result;
  Diagnostic error;
  auto decoded = decode_text(path, bytes, error);
  if (!decoded) {
    result.file_errors.push_back(std::move(error));
    return result;
  }
  CsvRecords records(decoded->text, delimiter);
  std::optional<TemplateReader> reader;
  while (records.next()) {
    RowView row{records.fields(), records.line(), records.source()};
    if (const auto& problem = records.problem()) {
      auto d = make_diagnostic(path, {row.line, problem->column}, problem->message.zh, problem->message.en);
      if (!reader) {
        result.file_errors.push_back(std::move(d));
        return result;
      }
      reject_record(result, {row.line, 0}, row.source_text, {std::move(d)});
      continue;
    }
    if (reader) {
      reader->read_row(row, result);
      continue;
    }
    if (row.cells.size() == 1 && trim(row.cells[0]).empty()) continue;  // blank lines before the header
    reader = TemplateReader::from_header(path, row, result);
    if (!reader) return result;
  }
  if (!reader)
    result.file_errors.push_back(make_diagnostic(path, {}, "文件是空的：没有表头行", "the file is empty: no header row"));
  return result;
}

std::string write_delimited(const std::vector<Question>& questions, char delimiter) {
  std::string out = "\xEF\xBB\xBF";  // so that Excel reads it as UTF-8
  int options = template_option_columns(questions);
  auto write_row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += delimiter;
      append_field(out, cells[i], delimiter);
    }
    out += "\r\n";
  };
  write_row(template_header(options));
  for (const auto& q : questions) write_row(template_row(q, options));
  return out;
}

std::string rejects_csv(const std::vector<RejectedRecord>& rejected, bool chinese) {
  std::string out = "\xEF\xBB\xBF";
  auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      append_field(out, cells[i], ',');
    }
    out += "\r\n";
  };
  row(chinese ? std::vector<std::string>{"文件", "行", "列", "原因", "原文"}
              : std::vector<std::string>{"file", "line", "column", "reason", "source"});
  for (const auto& r : rejected) {
    std::string file, reasons;
    int column = 0;
    for (const auto& d : r.reasons) {
      if (file.empty()) file = d.file;
      if (column == 0) column = d.pos.column;
      if (!reasons.empty()) reasons += "\n";
      reasons += chinese ? d.message.zh : d.message.en;
    }
    row({file, r.pos.line > 0 ? std::to_string(r.pos.line) : "", column > 0 ? std::to_string(column) : "", reasons,
         r.source_text});
  }
  return out;
}

}  // namespace ankang::bank::detail
