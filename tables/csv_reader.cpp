#include "tables/csv_reader.h"

#include <cstring>

namespace ankang::tables {

bool CsvReader::next() {
  if (pos_ >= text_.size()) return false;
  std::size_t start = pos_;
  line_ = next_line_;
  count_ = 0;
  problem_.reset();
  unterminated_ = false;
  for (;;) {
    std::string& field = next_field();
    bool quoted = pos_ < text_.size() && text_[pos_] == '"';
    bool end_of_record = quoted ? read_quoted(field) : read_plain(field);
    if (end_of_record) break;
  }
  source_ = text_.substr(start, end_ - start);
  return true;
}

std::string& CsvReader::next_field() {
  if (count_ == fields_.size()) fields_.emplace_back();
  fields_[count_].clear();
  return fields_[count_++];
}

// After a field: a delimiter continues the record, a line break or the end finishes it.
bool CsvReader::finish_field() {
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

bool CsvReader::read_plain(std::string& field) {
  std::size_t end = pos_;
  while (end < text_.size() && text_[end] != delimiter_ && text_[end] != '\n' && text_[end] != '\r') ++end;
  field.assign(text_.data() + pos_, end - pos_);
  pos_ = end;
  return finish_field();
}

bool CsvReader::read_quoted(std::string& field) {
  std::size_t quote = pos_++;
  for (;;) {
    auto* found = static_cast<const char*>(std::memchr(text_.data() + pos_, '"', text_.size() - pos_));
    if (!found) {
      set_problem("引号没有闭合（从本字段开始直到文件末尾）", "unterminated quote (from this field to the end of the file)");
      unterminated_ = true;
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

void CsvReader::count_newlines(std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (text_[i] == '\n') ++next_line_;
}

void CsvReader::set_problem(const char* zh, const char* en) {
  if (!problem_) problem_ = Problem{line_, static_cast<int>(count_), zh, en};
}

}  // namespace ankang::tables
