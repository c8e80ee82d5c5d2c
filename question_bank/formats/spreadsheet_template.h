// The spreadsheet template shared by CSV, TSV and XLSX (docs/FORMATS.md,
// "Spreadsheet template"): a header row naming the columns, one question a row.
#pragma once

#include <array>
#include <functional>
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
  std::vector<std::string> header_cells_;      // as written, to name a column in messages
  std::vector<std::pair<std::string, QuestionType>> type_codes_;  // "0" -> single, as the type header's note says
};

// The header and rows a writer puts out; each row has as many cells as the header.
std::vector<std::string> template_header(int option_columns);
std::vector<std::string> template_row(const Question& q, int option_columns);
int template_option_columns(const std::vector<Question>& questions);
std::optional<Text> template_cannot_carry(const Question& q);

// A workbook's sheet (XLSX, XLS) in the template: the first non-empty row is
// the header, the rest are questions; reading stops at a header it cannot use.
std::function<bool(const RowView&)> sheet_row_reader(std::string_view path, std::optional<TemplateReader>& reader, ParseResult& result);
// After the last row: an empty sheet is reported, and each message names its cell ("单元格 F12").
void finish_sheet(std::string_view path, const std::optional<TemplateReader>& reader, ParseResult& result);
void name_cells(std::vector<Diagnostic>& diagnostics);

// A file in the temp folder, removed when this goes out of scope: for the
// libraries that read or write files, not bytes (libxlsxwriter, libfreexl).
class TempFile {
 public:
  explicit TempFile(std::string_view suffix);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace ankang::bank::detail
