// The rows of a table file an organiser hands over: an enterprise list or a
// contest roster, as CSV (UTF-8, BOM, GBK/GB18030, UTF-16) or XLSX.
#pragma once

#include <string>
#include <vector>

#include "results/table_file.h"

namespace ankang::organiser {

// Throws results::ResultsError naming the file (and, for text that cannot
// be decoded, the line and column) when it cannot be read.
std::vector<results::Row> read_table_file(const std::string& path);

}  // namespace ankang::organiser
