#include "engine/config.h"

#include <algorithm>
#include <array>
#include <set>

namespace ankang {

namespace {

struct RoundNames {
  RoundKind kind;
  std::string_view code;
  std::string_view zh;
};

constexpr std::array<RoundNames, 6> kRounds{{
    {RoundKind::compulsory, "compulsory", "必答题"},
    {RoundKind::buzzer, "buzzer", "抢答题"},
    {RoundKind::risk, "risk", "风险题"},
    {RoundKind::speed, "speed", "限时速答"},
    {RoundKind::tiebreak, "tiebreak", "加赛题"},
    {RoundKind::audience, "audience", "互动题"},
}};

constexpr std::array<std::pair<ContestFormat, std::string_view>, 4> kFormats{{
    {ContestFormat::practice, "practice"},
    {ContestFormat::timed_test, "timed_test"},
    {ContestFormat::team, "team"},
    {ContestFormat::distributed, "distributed"},
}};

constexpr int kMaxStartPoints = 100000;
constexpr int kMaxLifelines = 10;

constexpr std::array<std::string_view, 4> kMetrics{"points", "correct", "total_time_ms", "sudden_death"};

class Problems {
 public:
  explicit Problems(std::vector<FieldProblem>& out) : out_(out) {}
  void add(std::string field, std::string zh, std::string en) {
    out_.push_back({std::move(field), {std::move(zh), std::move(en)}});
  }

 private:
  std::vector<FieldProblem>& out_;
};

void check_rules(const scoring::PointRules& r, const std::string& at, Problems& p) {
  if (r.points < 0) p.add(at + "points", "分值不能为负数", "points must not be negative");
  if (r.wrong_penalty < 0) p.add(at + "wrong_penalty", "扣分应写为正数", "wrong_penalty is written as a positive number");
  if (r.bonus_max < 0) p.add(at + "bonus_max", "时间奖励不能为负数", "bonus_max must not be negative");
  if (r.streak_bonus < 0) p.add(at + "streak_bonus", "连对奖励不能为负数", "streak_bonus must not be negative");
  if (r.streak_from < 1) p.add(at + "streak_from", "连对奖励起点至少为 1", "streak_from must be at least 1");
}

// A difficulty list: each 1..5, none twice.
void check_difficulties(const std::vector<int>& levels, const std::string& field, Problems& p) {
  std::set<int> seen;
  for (int d : levels) {
    if (d < 1 || d > 5) p.add(field, "难度应在 1 到 5 之间（写的是 " + std::to_string(d) + "）",
                              "a difficulty must be between 1 and 5 (it is " + std::to_string(d) + ")");
    else if (!seen.insert(d).second) p.add(field, "难度 " + std::to_string(d) + " 重复", "difficulty " + std::to_string(d) + " appears twice");
  }
}

void check_source(const RoundConfig& r, const std::string& at, Problems& p) {
  std::set<std::string> categories;
  for (std::size_t i = 0; i < r.categories.size(); ++i) {
    const std::string field = at + "categories[" + std::to_string(i) + "]";
    if (split_category(r.categories[i]).empty()) p.add(field, "分类不能为空", "a category must not be empty");
    else if (!categories.insert(join_category(split_category(r.categories[i]))).second)
      p.add(field, "分类“" + r.categories[i] + "”重复", "the category '" + r.categories[i] + "' appears twice");
  }
  std::set<QuestionType> types;
  for (std::size_t i = 0; i < r.types.size(); ++i)
    if (!types.insert(r.types[i]).second)
      p.add(at + "types[" + std::to_string(i) + "]", "题型“" + std::string(type_name_zh(r.types[i])) + "”重复",
            "the type " + std::string(type_code(r.types[i])) + " appears twice");
  check_difficulties(r.difficulty, at + "difficulty", p);
}

void check_round(const RoundConfig& r, const std::string& at, Problems& p) {
  if (r.name.empty()) p.add(at + "name", "轮次名称不能为空", "the round has no name");
  if (r.questions < 1) p.add(at + "questions", "题目数量至少为 1", "questions must be at least 1");
  if (r.answer_ms < 0) p.add(at + "answer_ms", "答题时间不能为负数", "answer_ms must not be negative");
  check_rules(r.rules, at, p);
  if (r.tie_window_ms < 0 || r.tie_window_ms > 2000)
    p.add(at + "tie_window_ms", "并列判定窗口应在 0 到 2000 毫秒之间", "tie_window_ms must be between 0 and 2000");
  if (r.foul_penalty < 0) p.add(at + "foul_penalty", "犯规扣分应写为正数", "foul_penalty is written as a positive number");
  if (r.kind == RoundKind::risk) {
    if (r.stakes.empty()) p.add(at + "stakes", "风险题需要至少一个分值档位", "a risk round needs at least one stake");
    std::set<int> seen;
    for (int s : r.stakes) {
      if (s <= 0) p.add(at + "stakes", "风险分值必须为正数", "stakes must be positive");
      if (!seen.insert(s).second) p.add(at + "stakes", "风险分值重复", "a stake appears twice");
    }
  }
  if (!r.stake_difficulty.empty()) {
    const std::string field = at + "stake_difficulty";
    if (r.kind != RoundKind::risk)
      p.add(field, "只有风险题有按分值的难度", "only a risk round has stake_difficulty");
    else if (r.stake_difficulty.size() != r.stakes.size())
      p.add(field, "应为每个分值档位（共 " + std::to_string(r.stakes.size()) + " 个）各写一组难度",
            "needs one list of difficulties for each of the " + std::to_string(r.stakes.size()) + " stakes");
    else if (r.stakes.size() > static_cast<std::size_t>(kMaxStakes))
      p.add(field, "按难度出题时分值档位最多 " + std::to_string(kMaxStakes) + " 个",
            "at most " + std::to_string(kMaxStakes) + " stakes can be tied to difficulty");
    for (std::size_t i = 0; i < r.stake_difficulty.size(); ++i) {
      const std::string item = field + "[" + std::to_string(i) + "]";
      if (r.stake_difficulty[i].empty()) p.add(item, "难度不能为空", "the list of difficulties is empty");
      check_difficulties(r.stake_difficulty[i], item, p);
    }
    if (!r.difficulty.empty())
      p.add(at + "difficulty", "风险题按分值定难度时不再写 difficulty", "a risk round with stake_difficulty has no difficulty");
  }
  if (r.designate && r.kind != RoundKind::risk)
    p.add(at + "designate", "只有风险题可以指定其他队答题", "only a risk round has designate");
  if (r.kind == RoundKind::speed && r.duration_ms <= 0)
    p.add(at + "duration_ms", "限时速答需要正的时长", "a speed round needs a positive duration_ms");
  if (r.kind == RoundKind::tiebreak && r.places < 1)
    p.add(at + "places", "加赛名次至少为 1", "places must be at least 1");
  check_source(r, at, p);
}

}  // namespace

std::string_view format_code(ContestFormat f) {
  for (const auto& [k, code] : kFormats)
    if (k == f) return code;
  return {};
}
std::optional<ContestFormat> format_from_code(std::string_view code) {
  for (const auto& [k, c] : kFormats)
    if (c == code) return k;
  return std::nullopt;
}
std::string_view round_code(RoundKind k) { return kRounds[static_cast<std::size_t>(k)].code; }
std::string_view round_name_zh(RoundKind k) { return kRounds[static_cast<std::size_t>(k)].zh; }
std::optional<RoundKind> round_from_code(std::string_view code) {
  for (const auto& r : kRounds)
    if (r.code == code) return r.kind;
  return std::nullopt;
}

std::vector<FieldProblem> validate(const ContestConfig& c) {
  std::vector<FieldProblem> out;
  Problems p(out);
  if (c.id.empty()) p.add("id", "竞赛编号不能为空", "the contest has no id");
  if (c.name.empty()) p.add("name", "竞赛名称不能为空", "the contest has no name");
  check_rules(c.rules, "rules.", p);
  if (c.question_ms < 0) p.add("question_ms", "每题时限不能为负数", "question_ms must not be negative");
  if (c.paper_ms < 0) p.add("paper_ms", "试卷时限不能为负数", "paper_ms must not be negative");
  if (c.relearn_ms < 0) p.add("relearn_ms", "重学间隔不能为负数", "relearn_ms must not be negative");

  const bool team = c.format == ContestFormat::team;
  if (c.format == ContestFormat::practice) {
    if (c.question_count < 0) p.add("question_count", "题目数量不能为负数", "question_count must not be negative");
  } else if (!team && c.question_count < 1) {
    p.add("question_count", "题目数量至少为 1", "question_count must be at least 1");
  }
  if (c.pass_mark < 0) p.add("pass_mark", "及格分不能为负数", "pass_mark must not be negative");

  if (team || c.format == ContestFormat::distributed) {
    if (c.min_teams < 1 || c.max_teams > 12 || c.min_teams > c.max_teams)
      p.add("max_teams", "队伍数量应在 1 到 12 之间，且最少不超过最多", "teams must be within 1..12 and min_teams <= max_teams");
    if (c.members_per_team < 1) p.add("members_per_team", "每队人数至少为 1", "members_per_team must be at least 1");
  }
  if (c.format == ContestFormat::distributed && c.combine == scoring::Combine::best_n &&
      (c.best_n < 1 || c.best_n > c.members_per_team))
    p.add("best_n", "best_n 应在 1 到每队人数之间", "best_n must be between 1 and members_per_team");

  if (c.start_points < 0 || c.start_points > kMaxStartPoints)
    p.add("start_points", "起始分应在 0 到 " + std::to_string(kMaxStartPoints) + " 之间",
          "start_points must be between 0 and " + std::to_string(kMaxStartPoints));
  else if (!team && c.start_points != 0)
    p.add("start_points", "只有班组赛有起始分", "only a team contest has start_points");

  if (c.lifelines < 0 || c.lifelines > kMaxLifelines)
    p.add("lifelines", "求助次数应在 0 到 " + std::to_string(kMaxLifelines) + " 之间",
          "lifelines must be between 0 and " + std::to_string(kMaxLifelines));
  else if (!team && c.lifelines != 0)
    p.add("lifelines", "只有班组赛有求助", "only a team contest has lifelines");
  if (c.lifeline_ms < 0 || c.lifeline_ms > 600000)
    p.add("lifeline_ms", "求助加时应在 0 到 600000 毫秒之间", "lifeline_ms must be between 0 and 600000");
  else if (c.lifeline_ms > 0 && c.lifelines == 0)
    p.add("lifeline_ms", "没有求助次数（lifelines）时不能设置求助加时", "lifeline_ms needs lifelines");

  if (team) {
    if (c.rounds.empty()) p.add("rounds", "班组赛至少需要一轮", "a team contest needs at least one round");
    for (std::size_t i = 0; i < c.rounds.size(); ++i) {
      check_round(c.rounds[i], "rounds[" + std::to_string(i) + "].", p);
      if (c.rounds[i].kind == RoundKind::tiebreak && i + 1 != c.rounds.size())
        p.add("rounds[" + std::to_string(i) + "].kind", "加赛题必须是最后一轮", "the tiebreak must be the last round");
    }
  } else if (!c.rounds.empty()) {
    p.add("rounds", "只有班组赛有轮次", "only a team contest has rounds");
  }

  if (c.ranking.empty()) p.add("ranking", "排名规则不能为空", "the ranking chain is empty");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < c.ranking.size(); ++i) {
    const auto& m = c.ranking[i].metric;
    if (std::find(kMetrics.begin(), kMetrics.end(), m) == kMetrics.end())
      p.add("ranking[" + std::to_string(i) + "]",
            "未知的排名指标“" + m + "”（可用 points、correct、total_time_ms、sudden_death）",
            "unknown ranking metric \"" + m + "\" (points, correct, total_time_ms, sudden_death)");
    else if (!seen.insert(m).second)
      p.add("ranking[" + std::to_string(i) + "]", "排名指标重复", "a ranking metric appears twice");
  }
  return out;
}

int round_questions(const RoundConfig& r, int teams) {
  switch (r.kind) {
    case RoundKind::risk:
      // Tied to difficulty: every team might pick the same stake, so each
      // stake has a question for every turn.
      return r.questions * teams * std::max<int>(1, static_cast<int>(r.stake_difficulty.size()));
    case RoundKind::compulsory:
    case RoundKind::speed:
      return r.questions * teams;
    case RoundKind::buzzer:
    case RoundKind::tiebreak:
    case RoundKind::audience:
      return r.questions;
  }
  return 0;
}

int round_paper_start(const ContestConfig& c, int teams, int round) {
  int start = 0;
  for (int i = 0; i < round && i < static_cast<int>(c.rounds.size()); ++i)
    start += round_questions(c.rounds[static_cast<std::size_t>(i)], teams);
  return start;
}

int questions_needed(const ContestConfig& c, int teams) {
  if (c.format != ContestFormat::team) return c.format == ContestFormat::practice ? 1 : c.question_count;
  int n = 0;
  for (const auto& r : c.rounds)
    if (r.kind != RoundKind::tiebreak) n += round_questions(r, teams);
  return n;
}

}  // namespace ankang
