// What the spreadsheet readers hand out: one row at a time, and located problems.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace ankang::tables {

// One row: cells[i] is column i + 1. `line` is where a CSV record starts (a
// quoted field may span lines) or the XLSX row number; `source_text` is the text
// of the record (XLSX: the cells joined by tabs) for reports.
struct Row {
  std::span<const std::string> cells;
  int line = 0;
  std::string_view source_text;
};

// A problem with the file; line and column are 1-based, 0 when not known.
struct Problem {
  int line = 0;
  int column = 0;
  std::string zh;
  std::string en;
};

}  // namespace ankang::tables
