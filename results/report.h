// What the organiser files: the 参赛企业汇总表 (per organising unit, per
// enterprise, with totals), the annual summary figures and the
// organisation-award ranking. Read from the store's aggregates only.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "results/store.h"

namespace ankang::results {

struct SummaryRow {
  std::string unit;
  std::string name;  // enterprise name; "合计" / "总计" on total rows
  std::string uscc;
  std::string affiliation;  // code; empty for an unregistered enterprise
  bool registered = true;
  std::int64_t headcount = 0;
  std::int64_t participants = 0;
  double participation = 0;  // participants / headcount, 0..1
  std::int64_t teams = 0;    // teams with at least one participant
  std::int64_t attempts = 0;
  double mean_score = 0;     // mean of every attempt's score (out of 100)
  double pass_rate = 0;      // share of participants whose best score reaches the pass mark, 0..1
  double best_score = 0;
  std::string top_team;      // highest mean of its members' best scores
};

struct UnitBlock {
  std::string unit;
  std::string affiliation;
  std::vector<SummaryRow> enterprises;
  SummaryRow total;
};

struct SummaryTable {
  int year = 0;
  double pass_mark = 60;
  std::vector<UnitBlock> units;  // the units of the year's registrations, by affiliation and name
  SummaryRow overall;            // 总计 of the registered enterprises only
  // Enterprises with participants in the year but no registration for it,
  // named by USCC (and by name when another year registered them): listed
  // apart under 未登记企业, outside the 总计 (kUnregisteredNote says so).
  UnitBlock unregistered;
  // 重复报名 (a city's store, from the units' roll-ups): each enterprise is
  // counted once above, under the registration listed first.
  std::vector<DuplicateRegistration> duplicates;
};

SummaryTable summary_table(OrganiserStore& store, int year, double pass_mark = 60);

// The note under a table that lists unregistered enterprises apart.
inline constexpr const char* kUnregisteredNote =
    "注：总计只计本年度已报名的企业。以下企业有职工参赛但未报名本年度竞赛，另列于此，不计入总计和参与率；请核实其报名后重新生成。";

// The years the store holds results of (answers or team standings), newest first.
std::vector<int> result_years(OrganiserStore& store);
// Attempts per score band of a year: band b holds scores in [10b, 10b + 10),
// the top band 90–100 (a score of 100 included).
std::array<std::int64_t, 10> score_bands(OrganiserStore& store, int year);

// The notice's goal is growth year on year (逐年增长): who took part in the
// table's year against the year before, from the same aggregates.
struct YearOnYear {
  struct Figure {
    std::int64_t now = 0, before = 0;
    // (now - before) / before; nullopt when there is nothing to compare with.
    std::optional<double> growth() const;
  };
  Figure enterprises, workers, attempts;
  bool has_previous = false;  // the store holds results of the year before, or a baseline of it
  // The year before came from a baseline (an imported 参赛企业汇总表,
  // results/baseline.h) since the store has no results of it: its file name.
  std::string baseline_source;
  // Per organising unit of the table, matched by name with the year before.
  struct Unit {
    std::string unit;
    Figure enterprises, workers, attempts;
  };
  std::vector<Unit> units;
};
YearOnYear year_on_year(OrganiserStore& store, const SummaryTable& table);

// The table's columns, in order, in Chinese (what the city federation expects).
const std::vector<std::string>& summary_headers();

enum class AwardFormula { participation, top_n_sum, mobilised };
std::optional<AwardFormula> award_formula_from_name(std::string_view name);  // participation | top-n | mobilised

struct AwardEntry {
  std::string unit;
  double value = 0;  // the formula's figure
  int rank = 0;
  std::int64_t participants = 0;
  double participation = 0;
};
// Organising units ranked by the formula; ties broken by participants, then
// mean score (scoring::rank).
std::vector<AwardEntry> award_ranking(OrganiserStore& store, const SummaryTable& table, AwardFormula formula, int top_n = 10);

}  // namespace ankang::results
