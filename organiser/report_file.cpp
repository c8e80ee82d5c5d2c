#include "organiser/report_file.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>

#include "question_bank/bank.h"
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
    case ReportFormat::html:
      return results::annual_summary_html(store, table, options.award, options.top_n,
                                          options.bank_db.empty() ? results::StemLookup{} : question_stems(options.bank_db));
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

results::StemLookup question_stems(const std::string& bank_db) {
  std::error_code ec;
  if (bank_db.empty() || !std::filesystem::exists(bank_db, ec)) return {};
  try {
    auto bank = std::make_shared<bank::Bank>(bank::Bank::open(bank_db));
    return [bank](const std::string& id) {
      try {
        if (auto q = bank->get(id)) return q->stem;
      } catch (const std::exception&) {
      }
      return id;
    };
  } catch (const std::exception&) {
    return {};
  }
}

std::optional<Text> options_problem(const ReportOptions& options) {
  if (!(options.pass_mark >= 0 && options.pass_mark <= 100))
    return Text{"合格线应为 0 到 100 之间的分数（满分 100）", "the pass mark must be a score from 0 to 100 (out of 100)"};
  if (options.award == results::AwardFormula::top_n_sum && options.top_n < 1)
    return Text{"前 N 名的 N 应为大于 0 的整数", "N of the top-n formula must be a whole number above 0"};
  return std::nullopt;
}

std::optional<Text> year_problem(results::OrganiserStore& store, int year) {
  const auto years = results::result_years(store);
  if (std::find(years.begin(), years.end(), year) != years.end()) return std::nullopt;
  if (years.empty()) return Text{"成绩库中还没有任何成绩：请先导入成绩包", "the store holds no results yet: import score bundles first"};
  std::string list;
  for (int y : years) list += (list.empty() ? "" : "、") + std::to_string(y);
  std::string list_en;
  for (int y : years) list_en += (list_en.empty() ? "" : ", ") + std::to_string(y);
  return Text{std::to_string(year) + " 年没有成绩；成绩库中有成绩的年份：" + list,
              "no results in " + std::to_string(year) + "; the store has results of " + list_en};
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
