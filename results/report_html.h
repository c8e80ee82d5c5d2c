// The annual summary (年度竞赛活动总结 figures): one self-contained HTML file
// with inline SVG charts, printable on A4.
#pragma once

#include <string>

#include "results/report.h"

namespace ankang::results {

struct ItemStatistic {
  std::string question_id;
  std::string category;
  std::int64_t answers = 0;
  double facility = 0;        // mean correctness, 0..1
  double discrimination = 0;  // correlation of correctness with the attempt score, -1..1
  std::string flag;           // "", "过易", "过难", "误导"
};
// Questions answered at least min_answers times in the year, worst flagged first.
std::vector<ItemStatistic> item_statistics(OrganiserStore& store, int year, std::int64_t min_answers = 20);

std::string annual_summary_html(OrganiserStore& store, const SummaryTable& table, AwardFormula formula, int top_n);

}  // namespace ankang::results
