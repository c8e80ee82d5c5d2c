#include "organiser/report_file.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>

#include "results/codec.h"
#include "results/error.h"
#include "results/report_html.h"
#include "results/report_table.h"

namespace ankang::organiser {

namespace {

// libxlsxwriter writes the workbook to a path: a private temporary one,
// removed whatever happens.
std::string xlsx_bytes(const results::SummaryTable& table) {
  static int counter = 0;
  const auto tmp = std::filesystem::temp_directory_path() /
                   ("ankang-report-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".xlsx");
  struct Remove {
    std::filesystem::path p;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove(p, ec);
    }
  } remove{tmp};
  results::write_summary_xlsx(table, tmp.string());
  std::ifstream in(tmp, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof())
    throw results::ResultsError(tmp.string() + ": 无法读取临时工作簿", tmp.string() + ": cannot read the temporary workbook");
  return bytes;
}

}  // namespace

std::optional<ReportFormat> report_format_from_name(std::string_view name) {
  if (name == "xlsx") return ReportFormat::xlsx;
  if (name == "csv") return ReportFormat::csv;
  if (name == "html") return ReportFormat::html;
  return std::nullopt;
}

std::string report_bytes(results::OrganiserStore& store, const results::SummaryTable& table, const ReportOptions& options,
                         ReportFormat format) {
  switch (format) {
    case ReportFormat::xlsx: return xlsx_bytes(table);
    case ReportFormat::csv: return results::summary_csv(table);
    case ReportFormat::html: return results::annual_summary_html(store, table, options.award, options.top_n);
  }
  return {};
}

void write_report(results::OrganiserStore& store, const results::SummaryTable& table, const ReportOptions& options,
                  ReportFormat format, const std::string& path) {
  const auto bytes = report_bytes(store, table, options, format);
  results::write_file_atomic(path, std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

void write_report(results::OrganiserStore& store, const ReportOptions& options, ReportFormat format, const std::string& path) {
  const auto table = results::summary_table(store, options.year, options.pass_mark);
  write_report(store, table, options, format, path);
}

std::string report_file_name(int year, ReportFormat format) {
  const std::string y = std::to_string(year);
  switch (format) {
    case ReportFormat::xlsx: return y + "年参赛企业汇总表.xlsx";
    case ReportFormat::csv: return y + "年参赛企业汇总表.csv";
    case ReportFormat::html: return y + "年安康杯竞赛活动总结.html";
  }
  return y;
}

void write_reports(results::OrganiserStore& store, const ReportOptions& options, const std::vector<ReportFormat>& formats,
                   const std::string& folder, std::vector<std::string>& written) {
  const auto table = results::summary_table(store, options.year, options.pass_mark);
  for (auto f : formats) {
    const auto path = (std::filesystem::path(folder) / report_file_name(options.year, f)).string();
    write_report(store, table, options, f, path);
    written.push_back(path);
  }
}

}  // namespace ankang::organiser
