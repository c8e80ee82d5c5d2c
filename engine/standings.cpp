#include "engine/standings.h"

#include "scoring/ranking.h"

namespace ankang {

namespace {

std::int64_t metric(const Standing& s, const std::string& name) {
  if (name == "points") return s.points;
  if (name == "correct") return s.correct;
  if (name == "total_time_ms") return s.time_ms;
  return s.sudden_death;
}

std::vector<Standing> ranked(std::vector<Standing> rows, const std::vector<scoring::TieBreak>& chain) {
  std::vector<std::vector<std::int64_t>> keys;
  std::vector<scoring::Order> orders;
  for (const auto& link : chain) orders.push_back(link.order);
  for (const auto& r : rows) {
    auto& k = keys.emplace_back();
    for (const auto& link : chain) k.push_back(metric(r, link.metric));
  }
  std::vector<Standing> out;
  for (const auto& r : scoring::rank(keys, orders)) {
    out.push_back(rows[static_cast<std::size_t>(r.entry)]);
    out.back().rank = r.rank;
  }
  return out;
}

Standing row_of(const State& s, int i) {
  const Competitor& c = s.competitors[static_cast<std::size_t>(i)];
  Standing r;
  r.index = i;
  r.name = s.setup->names[static_cast<std::size_t>(i)];
  r.points = c.points;
  r.correct = c.correct;
  r.time_ms = c.time_ms;
  r.sudden_death = c.sudden_death;
  r.fouls = c.fouls;
  r.passed = c.passed;
  return r;
}

}  // namespace

std::vector<Standing> player_standings(const State& s) {
  std::vector<Standing> rows;
  for (int i = 0; i < static_cast<int>(s.competitors.size()); ++i) rows.push_back(row_of(s, i));
  return ranked(std::move(rows), s.setup->config.ranking);
}

std::vector<Standing> standings(const State& s) {
  const auto& cfg = s.setup->config;
  if (cfg.format != ContestFormat::distributed) return player_standings(s);
  // Distributed: a team is its members combined by the config's rule.
  const int members = std::max(1, cfg.members_per_team);
  const int teams = static_cast<int>(s.competitors.size()) / members;
  std::vector<Standing> rows;
  for (int t = 0; t < teams; ++t) {
    Standing r;
    r.index = t;
    const auto& names = s.setup->team_names;
    r.name = static_cast<std::size_t>(t) < names.size() ? names[static_cast<std::size_t>(t)]
                                                        : "第" + std::to_string(t + 1) + "队";
    std::vector<std::int64_t> points, correct, time;
    for (int m = 0; m < members; ++m) {
      const int i = t * members + m;
      const Competitor& c = s.competitors[static_cast<std::size_t>(i)];
      r.members.push_back(i);
      points.push_back(c.points);
      correct.push_back(c.correct);
      time.push_back(c.time_ms);
    }
    r.points = scoring::combine(points, cfg.combine, cfg.best_n);
    r.correct = static_cast<int>(scoring::combine(correct, cfg.combine, cfg.best_n));
    r.time_ms = scoring::combine(time, scoring::Combine::sum, 0);
    rows.push_back(std::move(r));
  }
  return ranked(std::move(rows), cfg.ranking);
}

}  // namespace ankang
