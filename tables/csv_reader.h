// CSV and TSV records (RFC 4180 quoting: "" for a quote, line breaks inside
// quotes) read one at a time from UTF-8 text.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tables/row.h"

namespace ankang::tables {

// Reuses its field strings, so a large file costs no allocation per record
// once the buffers have grown. The text must outlive the reader.
class CsvReader {
 public:
  CsvReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  // Reads the next record; false at the end of the text.
  bool next();

  // The record just read; valid until the next call to next().
  Row row() const { return {{fields_.data(), count_}, line_, source_}; }

  // The first quoting problem of the record (line and column of the field),
  // nullopt when there is none. The fields are still read as far as possible.
  const std::optional<Problem>& problem() const { return problem_; }
  // Whether that problem is a quote left open to the end of the text.
  bool unterminated_quote() const { return unterminated_; }

 private:
  std::string& next_field();
  bool finish_field();
  bool read_plain(std::string& field);
  bool read_quoted(std::string& field);
  void count_newlines(std::size_t from, std::size_t to);
  void set_problem(const char* zh, const char* en);

  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0, end_ = 0;
  int line_ = 1, next_line_ = 1;
  std::vector<std::string> fields_;
  std::size_t count_ = 0;
  std::string_view source_;
  std::optional<Problem> problem_;
  bool unterminated_ = false;
};

}  // namespace ankang::tables
