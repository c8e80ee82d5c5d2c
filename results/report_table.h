// The 参赛企业汇总表 as files: CSV (UTF-8 with BOM, so Excel reads the
// Chinese) and XLSX (libxlsxwriter: numbers as numbers, rates as percentages).
#pragma once

#include <string>

#include "results/report.h"

namespace ankang::results {

std::string summary_csv(const SummaryTable& table);
// Writes the workbook at path; throws ResultsError when it cannot.
void write_summary_xlsx(const SummaryTable& table, const std::string& path);

}  // namespace ankang::results
