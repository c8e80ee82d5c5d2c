// The organiser's reports as files, for `ankang report` and the console's
// 报表 page alike: the 参赛企业汇总表 as XLSX or CSV and the annual summary
// as HTML, each written all or nothing (a temporary, fsynced, renamed), so
// a full or pulled USB stick leaves no half-written report.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "results/report.h"
#include "results/report_html.h"

namespace ankang::organiser {

enum class ReportFormat { xlsx, csv, html };
// "xlsx" | "csv" | "html".
std::optional<ReportFormat> report_format_from_name(std::string_view name);

struct ReportOptions {
  int year = 0;
  double pass_mark = 60;  // score (out of 100) a participant must reach to pass
  results::AwardFormula award = results::AwardFormula::participation;
  int top_n = 10;         // N of the top-n award formula
  std::string bank_db;    // a question bank: the annual summary names questions by their stems
};

// Question stems from a question bank file, for the item statistics; a
// bank that is missing or cannot be read gives none (the ids stand).
results::StemLookup question_stems(const std::string& bank_db);

// What keeps the options from making a report, if anything: a pass mark
// outside 0-100 (a score out of 100), N of the top-n formula below 1.
std::optional<Text> options_problem(const ReportOptions& options);
// The store has no results of the year (a mistyped store or year would
// write a table of zeros): says so, naming the years it has.
std::optional<Text> year_problem(results::OrganiserStore& store, int year);

// The report's bytes (an XLSX is built in a temporary file and read back).
std::string report_bytes(results::OrganiserStore& store, const results::SummaryTable& table, const ReportOptions& options,
                         ReportFormat format);
// Writes one report at path, all or nothing; throws results::ResultsError
// naming the file when it cannot (folder not writable, disk full).
void write_report(results::OrganiserStore& store, const results::SummaryTable& table, const ReportOptions& options,
                  ReportFormat format, const std::string& path);
void write_report(results::OrganiserStore& store, const ReportOptions& options, ReportFormat format, const std::string& path);

// The file name a report gets in a folder: 2026年参赛企业汇总表.xlsx,
// 2026年参赛企业汇总表.csv, 2026年安康杯竞赛活动总结.html.
std::string report_file_name(int year, ReportFormat format);

// Writes each format into folder under report_file_name, from one summary
// table, adding each path to `written` once the file is complete. A file
// that cannot be written throws, leaving the ones before it complete and
// nothing of it.
void write_reports(results::OrganiserStore& store, const ReportOptions& options, const std::vector<ReportFormat>& formats,
                   const std::string& folder, std::vector<std::string>& written);

}  // namespace ankang::organiser
