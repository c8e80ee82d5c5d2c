// The spreadsheet template shared by CSV, TSV and XLSX (docs/FORMATS.md,
// "Spreadsheet template"): a header row naming the columns, one question a row.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "question_bank/formats/format.h"
#include "tables/row.h"

namespace ankang::bank::detail {

// One data row: its cells in column order (column = index + 1), its line
// (CSV: where the record starts; XLSX: the row number) and its text for reports.
using RowView = tables::Row;

// A true/false answer word: 对/错, 正确/错误, √/×, T/F, true/false; nullopt for any other.
std::optional<bool> truth_word(std::string_view word);

class TemplateReader {
 public:
  // Maps the header cells to fields. Returns nullopt after adding file errors
  // to `result` when a header is unknown or there is no 题型/题干 column.
  static std::optional<TemplateReader> from_header(std::string_view file, const RowView& header, ParseResult& result);

  // Turns a row into a question (or a rejected record) in `result`. Empty rows are skipped.
  void read_row(const RowView& row, ParseResult& result) const;

  enum Field { id, type, stem, answer, explanation, basis, category, difficulty, tags, source, status, field_count };

 private:
  explicit TemplateReader(std::string_view file) : file_(file) {}

  std::string_view file_;
  std::array<int, field_count> column_{};      // 0-based column of each field, -1 when absent
  std::vector<std::pair<int, int>> options_;   // (option index, column), by option index
};

// The header and rows a writer puts out; each row has as many cells as the header.
std::vector<std::string> template_header(int option_columns);
std::vector<std::string> template_row(const Question& q, int option_columns);
int template_option_columns(const std::vector<Question>& questions);
std::optional<Text> template_cannot_carry(const Question& q);

}  // namespace ankang::bank::detail
