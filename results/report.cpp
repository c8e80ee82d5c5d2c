#include "results/report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "results/baseline.h"
#include "scoring/ranking.h"

namespace ankang::results {

namespace {

struct TeamAcc {
  std::string name;
  int members = 0;
  double sum_best = 0;
};

// Running totals for one row (an enterprise, a unit, everything).
struct Acc {
  std::int64_t headcount = 0, participants = 0, attempts = 0, passed = 0;
  double sum_percent = 0, best = 0;
  std::map<std::int64_t, TeamAcc> teams;

  void add_worker(std::int64_t team_id, const std::string& team, std::int64_t n, double sum, double best_score, double pass_mark) {
    ++participants;
    attempts += n;
    sum_percent += sum;
    best = std::max(best, best_score);
    passed += best_score >= pass_mark;
    auto& t = teams[team_id];
    t.name = team;
    ++t.members;
    t.sum_best += best_score;
  }
  void add(const Acc& o) {
    headcount += o.headcount;
    participants += o.participants;
    attempts += o.attempts;
    passed += o.passed;
    sum_percent += o.sum_percent;
    best = std::max(best, o.best);
    for (const auto& [id, t] : o.teams) teams[id] = t;
  }
  void fill(SummaryRow& r) const {
    r.headcount = headcount;
    r.participants = participants;
    r.participation = headcount > 0 ? static_cast<double>(participants) / static_cast<double>(headcount) : 0;
    r.teams = static_cast<std::int64_t>(teams.size());
    r.attempts = attempts;
    r.mean_score = attempts > 0 ? sum_percent / static_cast<double>(attempts) : 0;
    r.pass_rate = participants > 0 ? static_cast<double>(passed) / static_cast<double>(participants) : 0;
    r.best_score = best;
    const TeamAcc* top = nullptr;
    for (const auto& [id, t] : teams)
      if (!top || t.sum_best / t.members > top->sum_best / top->members + 1e-9) top = &t;
    r.top_team = top ? top->name : "";
  }
};

int affiliation_order(const std::string& a) {
  if (a == "district") return 0;
  if (a == "industry") return 1;
  if (a == "federation") return 2;
  return 3;
}

}  // namespace

const std::vector<std::string>& summary_headers() {
  static const std::vector<std::string> headers = {"组织单位", "企业名称", "统一社会信用代码", "归属",   "职工人数",
                                                   "参赛人数", "参与率",   "班组数",           "答题人次", "平均分",
                                                   "合格率",   "最高分",   "最佳班组"};
  return headers;
}

std::vector<int> result_years(OrganiserStore& store) {
  std::set<int> years;
  auto s = store.db().prepare("SELECT DISTINCT year FROM score_histogram WHERE attempts > 0");
  while (s.step()) years.insert(static_cast<int>(s.int64(0)));
  for (const auto& t : store.team_results()) years.insert(china_year(t.started_at_ms));
  return {years.rbegin(), years.rend()};
}

std::array<std::int64_t, 10> score_bands(OrganiserStore& store, int year) {
  std::array<std::int64_t, 10> bands{};
  auto s = store.db().prepare("SELECT bucket, attempts FROM score_histogram WHERE year = ?");
  s.bind(1, std::int64_t{year});
  while (s.step()) bands[static_cast<std::size_t>(std::min<std::int64_t>(std::max<std::int64_t>(s.int64(0), 0), 9))] += s.int64(1);
  return bands;
}

SummaryTable summary_table(OrganiserStore& store, int year, double pass_mark) {
  SummaryTable table;
  table.year = year;
  table.pass_mark = pass_mark;

  std::map<std::string, SummaryRow> info;  // uscc -> identity columns
  std::map<std::string, Acc> acc;
  for (const auto& [uscc, e] : store.year_registrations(year)) {
    SummaryRow r;
    r.uscc = uscc;
    r.name = e.name;
    r.affiliation = e.affiliation;
    r.unit = e.unit;
    info[uscc] = r;
    acc[uscc].headcount = e.headcount;
  }
  auto workers = store.db().prepare(
      "SELECT w.uscc, w.team_id, t.name, y.attempts, y.sum_percent, y.best_percent "
      "FROM worker_year y JOIN workers w ON w.id = y.worker_id JOIN teams t ON t.id = w.team_id WHERE y.year = ?");
  workers.bind(1, std::int64_t{year});
  while (workers.step())
    acc[workers.text(0)].add_worker(workers.int64(1), workers.text(2), workers.int64(3), workers.real(4), workers.real(5), pass_mark);

  std::map<std::tuple<int, std::string>, UnitBlock> blocks;
  std::map<std::tuple<int, std::string>, Acc> unit_acc;
  Acc all, unregistered;
  for (auto& [uscc, a] : acc) {
    auto it = info.find(uscc);
    if (it == info.end()) {
      // Results without the year's registration: named by code, and by the
      // name another year registered it under, if any.
      SummaryRow row;
      row.uscc = uscc;
      row.registered = false;
      row.unit = "未登记企业";
      if (auto known = store.enterprise(uscc)) row.name = known->name;
      a.fill(row);
      table.unregistered.enterprises.push_back(row);
      unregistered.add(a);
      continue;
    }
    auto& row = it->second;
    a.fill(row);
    auto key = std::make_tuple(affiliation_order(row.affiliation), row.unit);
    auto& block = blocks[key];
    block.unit = row.unit;
    block.affiliation = row.affiliation;
    block.enterprises.push_back(row);
    unit_acc[key].add(a);
    all.add(a);
  }
  auto by_name = [](const SummaryRow& x, const SummaryRow& y) { return std::tie(x.name, x.uscc) < std::tie(y.name, y.uscc); };
  for (auto& [key, block] : blocks) {
    std::sort(block.enterprises.begin(), block.enterprises.end(), by_name);
    block.total.unit = block.unit;
    block.total.name = "合计";
    block.total.affiliation = block.affiliation;
    unit_acc[key].fill(block.total);
    table.units.push_back(std::move(block));
  }
  table.overall.name = "总计";
  all.fill(table.overall);
  auto& apart = table.unregistered;
  std::sort(apart.enterprises.begin(), apart.enterprises.end(),
            [](const SummaryRow& x, const SummaryRow& y) { return x.uscc < y.uscc; });
  apart.unit = "未登记企业";
  apart.total.unit = apart.unit;
  apart.total.name = "合计";
  apart.total.registered = false;
  unregistered.fill(apart.total);
  table.duplicates = store.duplicate_registrations();
  return table;
}

namespace {

// Registered enterprises with a participant, workers, attempts: the figures
// above 总计, which a baseline read from a filed table keeps too.
BaselineFigures taking_part(const UnitBlock& block) {
  BaselineFigures f{block.unit, 0, block.total.participants, block.total.attempts, block.total.headcount};
  for (const auto& r : block.enterprises) f.enterprises += r.participants > 0;
  return f;
}

BaselineFigures taking_part(const SummaryTable& t) {
  BaselineFigures f{"", 0, t.overall.participants, t.overall.attempts, t.overall.headcount};
  for (const auto& block : t.units) f.enterprises += taking_part(block).enterprises;
  return f;
}

}  // namespace

std::optional<double> YearOnYear::Figure::growth() const {
  if (before <= 0) return std::nullopt;
  return static_cast<double>(now - before) / static_cast<double>(before);
}

YearOnYear year_on_year(OrganiserStore& store, const SummaryTable& table) {
  const auto prev = summary_table(store, table.year - 1, table.pass_mark);
  auto before = taking_part(prev);
  std::map<std::string, BaselineFigures> units_before;
  YearOnYear y;
  // Results of the year before, registered or not: the store has that year.
  y.has_previous = before.attempts + prev.unregistered.total.attempts > 0;
  if (y.has_previous) {
    for (const auto& block : prev.units) units_before[block.unit] = taking_part(block);
  } else if (auto baseline = stored_baseline(store, table.year - 1)) {
    // No results of the year before in the store: the table filed then.
    y.has_previous = true;
    y.baseline_source = baseline->source;
    before = baseline->overall;
    for (const auto& f : baseline->units) units_before[f.unit] = f;
  }
  auto figures = [](const BaselineFigures& now, const BaselineFigures& then, YearOnYear::Figure& e, YearOnYear::Figure& w,
                    YearOnYear::Figure& a) {
    e = {now.enterprises, then.enterprises};
    w = {now.participants, then.participants};
    a = {now.attempts, then.attempts};
  };
  figures(taking_part(table), before, y.enterprises, y.workers, y.attempts);
  for (const auto& block : table.units) {
    auto& u = y.units.emplace_back();
    u.unit = block.unit;
    figures(taking_part(block), units_before[block.unit], u.enterprises, u.workers, u.attempts);
  }
  return y;
}

std::optional<AwardFormula> award_formula_from_name(std::string_view name) {
  if (name == "participation") return AwardFormula::participation;
  if (name == "top-n") return AwardFormula::top_n_sum;
  if (name == "mobilised" || name == "mobilized") return AwardFormula::mobilised;
  return std::nullopt;
}

std::vector<AwardEntry> award_ranking(OrganiserStore& store, const SummaryTable& table, AwardFormula formula, int top_n) {
  std::vector<AwardEntry> entries;
  std::vector<std::vector<std::int64_t>> rows;
  std::map<std::string, std::vector<double>> best_by_unit;
  if (formula == AwardFormula::top_n_sum) {
    const auto registered = store.year_registrations(table.year);
    auto s = store.db().prepare("SELECT w.uscc, y.best_percent FROM worker_year y JOIN workers w ON w.id = y.worker_id WHERE y.year = ?");
    s.bind(1, std::int64_t{table.year});
    while (s.step())
      if (auto it = registered.find(s.text(0)); it != registered.end()) best_by_unit[it->second.unit].push_back(s.real(1));
  }
  for (const auto& block : table.units) {
    AwardEntry e;
    e.unit = block.unit;
    e.participants = block.total.participants;
    e.participation = block.total.participation;
    switch (formula) {
      case AwardFormula::participation: e.value = block.total.participation; break;
      case AwardFormula::mobilised: e.value = static_cast<double>(block.total.participants); break;
      case AwardFormula::top_n_sum: {
        auto best = best_by_unit[block.unit];
        std::sort(best.rbegin(), best.rend());
        for (std::size_t i = 0; i < best.size() && i < static_cast<std::size_t>(std::max(0, top_n)); ++i) e.value += best[i];
        break;
      }
    }
    // Integers for the ranking: figures in thousandths.
    rows.push_back({std::llround(e.value * 1000), e.participants, std::llround(block.total.mean_score * 1000)});
    entries.push_back(e);
  }
  auto ranked = scoring::rank(rows, {scoring::Order::higher_first, scoring::Order::higher_first, scoring::Order::higher_first});
  std::vector<AwardEntry> out;
  for (const auto& r : ranked) {
    auto e = entries[static_cast<std::size_t>(r.entry)];
    e.rank = r.rank;
    out.push_back(e);
  }
  return out;
}

}  // namespace ankang::results
