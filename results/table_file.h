// Rows of cells from a CSV text or the first sheet of an XLSX workbook, each
// cell with its 1-based line (XLSX: row) and column, for located messages.
// Used for the enterprise list; read by tables/, as the question files are.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ankang::results {

struct Cell {
  std::string text;
  int line = 0;
  int column = 0;
};
using Row = std::vector<Cell>;

// RFC 4180: commas, double quotes, "" for a quote, line breaks inside quotes.
// The text is UTF-8 (a BOM is skipped); every cell carries the line where
// its record starts. Blank lines are left out. Throws ResultsError on an
// unclosed quote.
std::vector<Row> read_csv_rows(std::string_view text);

// The first worksheet, rows with no text left out. Throws ResultsError for a
// file that is not a workbook, whose parts are damaged or too large, or
// with a cell reference that cannot be read.
std::vector<Row> read_xlsx_rows(std::span<const std::uint8_t> bytes);

}  // namespace ankang::results
