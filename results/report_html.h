// The annual summary (年度竞赛活动总结 figures): one self-contained HTML file
// with inline SVG charts, printable on A4.
#pragma once

#include <functional>
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

// A question's stem by its id (from a question bank); the store itself knows
// a question only by id and category.
using StemLookup = std::function<std::string(const std::string& question_id)>;

// stem: when given, the item statistics name each question by its stem
// (and the first 8 characters of its id); without it, by the id alone.
std::string annual_summary_html(OrganiserStore& store, const SummaryTable& table, AwardFormula formula, int top_n,
                                const StemLookup& stem = {});

}  // namespace ankang::results
