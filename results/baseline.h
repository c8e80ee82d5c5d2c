// Last year's 参赛企业汇总表 as it was filed (the CSV or XLSX `ankang
// report` writes, or a copy a person re-saved in Excel), kept in the store
// as the baseline of the growth year on year (逐年增长) when the store holds
// no results of that year: per organising unit and overall, the enterprises
// taking part, participants, attempts and headcount.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/question.h"
#include "results/table_file.h"

namespace ankang::results {

class OrganiserStore;

struct BaselineFigures {
  std::string unit;               // 组织单位; empty for the overall figures
  std::int64_t enterprises = 0;   // enterprises with at least one participant
  std::int64_t participants = 0;  // 参赛人数
  std::int64_t attempts = 0;      // 答题人次
  std::int64_t headcount = 0;     // 职工人数 (0 when the table has no such column)
  bool operator==(const BaselineFigures&) const = default;
};

struct Baseline {
  int year = 0;
  std::string source;  // the file it came from, as named when imported
  BaselineFigures overall;
  std::vector<BaselineFigures> units;  // in the table's order
};

// A problem with the table, located: FILE:LINE:COLUMN: field: reason.
struct BaselineProblem {
  int line = 0;    // 0: the file as a whole
  int column = 0;  // 0: the row as a whole
  Text field;      // the column's header, e.g. {"参赛人数", "participants"}; empty when none
  Text message;
};

struct BaselineRead {
  Baseline baseline;
  std::vector<BaselineProblem> problems;  // none: the baseline may be imported
};

// Reads the table's rows. Its header row (the columns of summary_headers();
// 组织单位, 企业名称, 参赛人数 and 答题人次 are needed) may follow title rows,
// whose year, if one names it, must be `year`. Enterprise rows, then a 合计
// row per unit, a 总计 row; a unit cell left empty (merged cells) is the
// unit of the row above; numbers may be text, with thousands separators or
// full-width digits; rates and scores are not read. 合计 and 总计 must agree
// with the enterprise rows. Anything after the 总计 row is left out.
BaselineRead read_baseline(const std::vector<Row>& rows, int year);
// The same from a file's bytes: XLSX (first sheet) when the name ends in
// .xlsx, else CSV in UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16.
BaselineRead read_baseline_file(std::span<const std::uint8_t> bytes, const std::string& name, int year);
// The same from a path (at most 64 MiB); a file that cannot be read is a problem of line 0.
BaselineRead read_baseline_file(const std::string& path, int year);

// "FILE:LINE:COLUMN: field: reason" in one language.
std::string format_baseline_problem(const std::string& file, const BaselineProblem& p, bool chinese);

struct BaselineOutcome {
  enum class Status { imported, replaced, already_imported, refused };
  Status status = Status::refused;
  Text reason;              // why it was refused
  std::vector<Text> notes;  // e.g. the store has results of that year, which the growth uses instead
};

// Stores the figures for their year in one transaction. The same figures
// again (from any file): already_imported, nothing changes. Other figures
// for a year that has a baseline: refused, unless `replace`.
BaselineOutcome import_baseline(OrganiserStore& store, const Baseline& baseline, bool replace = false);
std::optional<Baseline> stored_baseline(OrganiserStore& store, int year);
std::vector<int> baseline_years(OrganiserStore& store);

}  // namespace ankang::results
