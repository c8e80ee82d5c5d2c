// The first sheet of an XLSX workbook, row by row (libzip and pugixml).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "tables/row.h"

namespace ankang::tables {

// Calls on_row for each <row> of the first sheet in order, with the cells
// placed by their references (skipped columns are empty) and the row
// number. on_row returns false to stop. A cell whose reference cannot be
// read is left out and reported to on_problem. Returns the problem that
// keeps the whole file from being read (not a zip, damaged or missing
// parts), nullopt when the sheet was read.
std::optional<Problem> read_xlsx(std::span<const std::uint8_t> bytes, const std::function<bool(const Row&)>& on_row,
                                 const std::function<void(const Problem&)>& on_problem);

// "C12" -> column 3 (1-based), row 12; false when ref is not a cell reference.
bool parse_cell_ref(std::string_view ref, int& column, int& row);
// 3 -> "C", as Excel users name columns.
std::string column_name(int column);

}  // namespace ankang::tables
