// Names of intents, events and phases; setup checks; start and replay.
#include <algorithm>
#include <array>

#include "engine/contest.h"
#include "engine/reduce_detail.h"

namespace ankang {

namespace {

constexpr std::array<std::string_view, 17> kIntents{
    "start", "tick", "pause", "resume", "next", "reveal", "open_buzzers", "buzz",
    "answer", "judge", "choose_stake", "pass", "submit", "correct", "undo", "designate", "lifeline"};

constexpr std::array<std::string_view, 29> kEvents{
    "started", "round_started", "question_shown", "buzzers_opened", "foul", "buzzed",
    "buzz_resolved", "stake_chosen", "scored", "timed_out", "passed", "question_closed",
    "revealed", "paused", "resumed", "corrected", "undone", "round_finished",
    "tiebreak_needed", "tie_broken", "card_updated", "mistake_added", "mistake_cleared",
    "submitted", "finished", "rejected", "designated", "awarded", "lifeline_used"};

constexpr std::array<std::string_view, 11> kRejects{
    "none", "not_now", "stale", "duplicate", "late", "unknown_actor", "bad_value",
    "locked_out", "nothing_to_undo", "paused", "none_left"};

constexpr std::array<std::string_view, 9> kPhases{
    "lobby", "round_intro", "reading", "buzzing", "choosing_stake", "answering",
    "feedback", "resolved", "finished"};

template <std::size_t N>
std::string_view name_at(const std::array<std::string_view, N>& names, std::size_t i) {
  return i < N ? names[i] : std::string_view("?");
}

bool is_team_format(const ContestConfig& c) { return c.format == ContestFormat::team; }

}  // namespace

std::string_view intent_code(IntentKind k) { return name_at(kIntents, static_cast<std::size_t>(k)); }
std::string_view event_code(EventKind k) { return name_at(kEvents, static_cast<std::size_t>(k)); }
std::string_view reject_code(Reject r) { return name_at(kRejects, static_cast<std::size_t>(r)); }
std::string_view phase_code(Phase p) { return name_at(kPhases, static_cast<std::size_t>(p)); }

std::optional<IntentKind> intent_from_code(std::string_view code) {
  for (std::size_t i = 0; i < kIntents.size(); ++i)
    if (kIntents[i] == code) return static_cast<IntentKind>(i);
  return std::nullopt;
}

std::vector<FieldProblem> validate(const Setup& setup) {
  std::vector<FieldProblem> out = validate(setup.config);
  auto add = [&](std::string field, std::string zh, std::string en) {
    out.push_back({std::move(field), {std::move(zh), std::move(en)}});
  };
  const auto& c = setup.config;
  const int n = static_cast<int>(setup.names.size());
  if (is_team_format(c)) {
    if (n < c.min_teams || n > c.max_teams || n > kMaxTeams)
      add("teams", "队伍数量 " + std::to_string(n) + " 不在 " + std::to_string(c.min_teams) + " 到 " +
                       std::to_string(c.max_teams) + " 之间",
          std::to_string(n) + " teams is outside " + std::to_string(c.min_teams) + ".." + std::to_string(c.max_teams));
  } else if (n < 1 || n > kMaxPlayers) {
    add("players", "参赛人数应在 1 到 4096 之间", "there must be 1..4096 players");
  } else if (c.format == ContestFormat::distributed && n % c.members_per_team != 0) {
    add("players", "参赛人数必须是每队人数的整数倍", "the player count must be a multiple of members_per_team");
  }
  const int needed = questions_needed(c, n);
  if (static_cast<int>(setup.paper.size()) < needed)
    add("paper", "试卷只有 " + std::to_string(setup.paper.size()) + " 题，至少需要 " + std::to_string(needed) + " 题",
        "the paper has " + std::to_string(setup.paper.size()) + " questions, " + std::to_string(needed) + " needed");
  for (std::size_t i = 0; i < setup.paper.size(); ++i)
    for (const auto& p : validate(setup.paper[i]))
      add("paper[" + std::to_string(i) + "]." + p.field, p.message.zh, p.message.en);
  if (!setup.cards.empty() && setup.cards.size() != setup.paper.size())
    add("cards", "复习卡片数量必须与试卷题数相同", "cards must hold one card per paper question");
  return out;
}

State start_state(std::shared_ptr<const Setup> setup) {
  State s;
  s.setup = std::move(setup);
  const Setup& su = *s.setup;
  s.rng.state = su.seed;
  const std::size_t n = su.names.size();
  s.competitors.resize(n);
  const int members = std::max(1, su.config.members_per_team);
  if (is_team_format(su.config))
    for (auto& team : s.competitors) team.points = su.config.start_points;
  for (std::size_t i = 0; i < n; ++i)
    s.competitors[i].team = su.config.format == ContestFormat::distributed ? static_cast<int>(i) / members
                                                                            : static_cast<int>(i);
  const std::size_t paper = su.paper.size();
  if (su.config.format == ContestFormat::timed_test || su.config.format == ContestFormat::distributed)
    s.answers.resize(n * paper);
  if (su.config.format == ContestFormat::practice) {
    s.cards.resize(n * paper);
    for (std::size_t i = 0; i < n && !su.cards.empty(); ++i)
      std::copy(su.cards.begin(), su.cards.end(), s.cards.begin() + static_cast<std::ptrdiff_t>(i * paper));
    for (std::size_t q = 0; q < paper; ++q) {
      const auto& cat = su.paper[q].category;
      bool in = su.config.categories.empty();
      for (const auto& wanted : su.config.categories) {
        const auto path = split_category(wanted);
        if (path.size() <= cat.size() && std::equal(path.begin(), path.end(), cat.begin())) in = true;
      }
      if (in) s.eligible.push_back(static_cast<int>(q));
    }
  }
  return s;
}

void reduce(State& s, const Intent& in, Millis now, std::vector<Event>& out) {
  if (now < s.clock) now = s.clock;  // a clock step backwards must not reopen a closed deadline
  s.clock = now;
  detail::Ctx c{s, *s.setup, now, out};
  if (is_team_format(s.setup->config))
    detail::reduce_team(c, in);
  else
    detail::reduce_players(c, in);
}

State replay(std::shared_ptr<const Setup> setup, const std::vector<TimedIntent>& log, std::vector<Event>* events) {
  State s = start_state(std::move(setup));
  std::vector<Event> scratch;
  for (const auto& t : log) {
    scratch.clear();
    reduce(s, t.intent, t.at, scratch);
    if (events) events->insert(events->end(), scratch.begin(), scratch.end());
  }
  return s;
}

bool finished(const State& s) {
  if (is_team_format(s.setup->config)) return s.phase == Phase::finished;
  for (const auto& p : s.competitors)
    if (p.phase != Phase::finished) return false;
  return true;
}

}  // namespace ankang
