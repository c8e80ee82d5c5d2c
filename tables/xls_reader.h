// The first sheet of a legacy Excel .xls workbook (BIFF, read with libfreexl), row by row.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "tables/row.h"

namespace ankang::tables {

// As read_xlsx: on_row for each row of the first sheet in order (empty rows
// included, so row numbers are Excel's), on_row returns false to stop.
// libfreexl reads from a file, hence the path. Returns the problem that keeps
// the whole file from being read (not an .xls, encrypted, damaged), nullopt
// when the sheet was read.
std::optional<Problem> read_xls(const std::string& path, const std::function<bool(const Row&)>& on_row);

}  // namespace ankang::tables
