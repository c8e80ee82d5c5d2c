// Team contest with a host: rounds of 必答, 抢答, 风险, 限时速答, 互动 and 加赛.
#include <algorithm>
#include <bit>

#include "engine/reduce_detail.h"
#include "scoring/points.h"
#include "scoring/ranking.h"

namespace ankang::detail {

namespace {

int team_count(const Ctx& c) { return static_cast<int>(c.s.competitors.size()); }
const RoundConfig& round_cfg(const Ctx& c) { return c.setup.config.rounds[static_cast<std::size_t>(c.s.round)]; }
bool in_round(const Ctx& c) { return c.s.round >= 0 && c.s.round < static_cast<int>(c.setup.config.rounds.size()); }
Competitor& team(Ctx& c, int t) { return c.s.competitors[static_cast<std::size_t>(t)]; }

Event& emit_team(Ctx& c, EventKind kind, int t) {
  Event& e = c.emit(kind, t);
  if (t >= 0) e.total = team(c, t).points;
  return e;
}

std::int64_t metric(const Competitor& t, const std::string& name) {
  if (name == "points") return t.points;
  if (name == "correct") return t.correct;
  if (name == "total_time_ms") return t.time_ms;
  return t.sudden_death;
}

// Teams sharing a rank within the first `places` places (full chain).
std::uint32_t tied_teams(const Ctx& c, int places) {
  const auto& chain = c.setup.config.ranking;
  std::vector<std::vector<std::int64_t>> rows;
  std::vector<scoring::Order> orders;
  for (const auto& link : chain) orders.push_back(link.order);
  for (const auto& t : c.s.competitors) {
    auto& row = rows.emplace_back();
    for (const auto& link : chain) row.push_back(metric(t, link.metric));
  }
  const auto ranked = scoring::rank(rows, orders);
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    if (ranked[i].rank > places) continue;
    const bool with_prev = i > 0 && ranked[i - 1].rank == ranked[i].rank;
    const bool with_next = i + 1 < ranked.size() && ranked[i + 1].rank == ranked[i].rank;
    if (with_prev || with_next) mask |= bit(ranked[i].entry);
  }
  return mask;
}

int tiebreak_round(const Ctx& c) {
  const auto& rounds = c.setup.config.rounds;
  return !rounds.empty() && rounds.back().kind == RoundKind::tiebreak ? static_cast<int>(rounds.size()) - 1 : -1;
}

void finish(Ctx& c) {
  c.s.phase = Phase::finished;
  c.s.deadline = 0;
  ++c.s.attempt;
  c.emit(EventKind::finished);
}

void begin_round(Ctx& c, int r) {
  c.s.round = r;
  c.s.round_asked = 0;
  c.s.next_paper = round_paper_start(c.setup.config, team_count(c), r);
  c.s.stake_drawn = {};
  c.s.phase = Phase::round_intro;
  c.s.question = -1;
  c.s.turn = -1;
  c.s.revealed = false;
  ++c.s.attempt;
  c.emit(EventKind::round_started).value = static_cast<int>(round_cfg(c).kind);
}

// After the regular rounds (or an undo): play off ties if the config has a
// tiebreak round, else finish.
void enter_tiebreak_or_finish(Ctx& c) {
  const int tb = tiebreak_round(c);
  if (tb >= 0) {
    const std::uint32_t tied = tied_teams(c, c.setup.config.rounds[static_cast<std::size_t>(tb)].places);
    if (tied != 0) {
      c.s.tied = tied;
      c.s.tiebreak_over = false;
      begin_round(c, tb);
      c.emit(EventKind::tiebreak_needed).value = std::popcount(tied);
      return;
    }
  }
  finish(c);
}

void end_round(Ctx& c) {
  c.emit(EventKind::round_finished);
  const int next = c.s.round + 1;
  const int tb = tiebreak_round(c);
  if (next < static_cast<int>(c.setup.config.rounds.size()) && next != tb) return begin_round(c, next);
  if (c.s.round == tb) return finish(c);
  enter_tiebreak_or_finish(c);
}

// One past the last paper question of the current round's part.
int round_paper_end(const Ctx& c) {
  const int paper = static_cast<int>(c.setup.paper.size());
  if (round_cfg(c).kind == RoundKind::tiebreak) return paper;
  return std::min(paper, round_paper_start(c.setup.config, team_count(c), c.s.round + 1));
}

bool round_done(const Ctx& c) {
  const RoundConfig& r = round_cfg(c);
  const int teams = team_count(c);
  if (c.s.next_paper >= round_paper_end(c)) return true;
  switch (r.kind) {
    case RoundKind::compulsory:
    case RoundKind::risk:
      return c.s.round_asked >= r.questions * teams;
    case RoundKind::buzzer:
    case RoundKind::audience:
      return c.s.round_asked >= r.questions;
    case RoundKind::speed:
      return c.s.round_asked >= teams;
    case RoundKind::tiebreak:
      return c.s.tiebreak_over || c.s.round_asked >= r.questions;
  }
  return true;
}

void close_question(Ctx& c) {
  c.s.phase = Phase::resolved;
  c.s.deadline = 0;
  ++c.s.attempt;
  c.emit(EventKind::question_closed, c.s.turn);
}

// Puts the next paper question on screen for the current turn.
void show_paper_question(Ctx& c, int turn, int member) {
  c.s.question = c.s.next_paper++;
  c.s.turn = turn;
  c.s.member = member;
  c.s.shown_at = c.now;
  c.s.revealed = false;
  ++c.s.attempt;
  c.emit(EventKind::question_shown, turn).value = member;
}

// Risk tied to difficulty: the next unused question of the stake's part (the
// round's part of the paper holds one part per stake, in the stakes' order).
void show_stake_question(Ctx& c, int stake) {
  const RoundConfig& r = round_cfg(c);
  const auto level = static_cast<std::size_t>(std::find(r.stakes.begin(), r.stakes.end(), stake) - r.stakes.begin());
  const int per_stake = r.questions * team_count(c);
  c.s.question = round_paper_start(c.setup.config, team_count(c), c.s.round) +
                 static_cast<int>(level) * per_stake + c.s.stake_drawn[level]++;
  c.s.shown_at = c.now;
  c.emit(EventKind::question_shown, c.s.turn).value = -1;
}

// Speed round: the turn team's next question, or the end of its turn.
void speed_next(Ctx& c) {
  const bool paper_left = c.s.next_paper < round_paper_end(c);
  if (!paper_left || c.s.turn_count >= round_cfg(c).questions) return close_question(c);
  ++c.s.turn_count;
  show_paper_question(c, c.s.turn, -1);
}

void next_question(Ctx& c) {
  if (round_done(c)) return end_round(c);
  const RoundConfig& r = round_cfg(c);
  const int teams = team_count(c);
  const int asked = c.s.round_asked++;
  c.s.tried = 0;
  c.s.helped = 0;
  c.s.buzzed = 0;
  c.s.first_buzz_at = -1;
  c.s.stake = 0;
  c.s.designator = -1;
  c.s.answered_mask = 0;
  switch (r.kind) {
    case RoundKind::compulsory: {
      const int t = asked % teams;
      Competitor& who = team(c, t);
      const int member = r.rotate_members ? who.turns % std::max(1, c.setup.config.members_per_team) : -1;
      ++who.turns;
      show_paper_question(c, t, member);
      c.s.phase = Phase::answering;
      c.s.deadline = r.answer_ms > 0 ? c.now + r.answer_ms : 0;
      return;
    }
    case RoundKind::buzzer:
      show_paper_question(c, -1, -1);
      c.s.phase = Phase::reading;
      c.s.deadline = 0;
      return;
    case RoundKind::risk:
      if (r.stake_difficulty.empty()) {
        show_paper_question(c, asked % teams, -1);
      } else {
        // The question comes with the stake: none on screen yet.
        c.s.question = -1;
        c.s.turn = asked % teams;
        c.s.member = -1;
        c.s.revealed = false;
        ++c.s.attempt;
      }
      c.s.phase = Phase::choosing_stake;
      c.s.deadline = 0;
      return;
    case RoundKind::speed: {
      c.s.phase = Phase::answering;
      c.s.turn_end = c.now + r.duration_ms;
      c.s.deadline = c.s.turn_end;
      c.s.turn_count = 1;
      show_paper_question(c, asked, -1);
      return;
    }
    case RoundKind::audience:
      // On the big screen for the audience; no team answers, the host closes it.
      show_paper_question(c, -1, -1);
      c.s.phase = Phase::answering;
      c.s.deadline = r.answer_ms > 0 ? c.now + r.answer_ms : 0;
      return;
    case RoundKind::tiebreak:
      c.s.tied = tied_teams(c, r.places);
      show_paper_question(c, -1, -1);
      c.s.phase = Phase::answering;
      c.s.deadline = r.answer_ms > 0 ? c.now + r.answer_ms : 0;
      return;
  }
}

// Tiebreak: once every tied team has answered (or timed out).
void close_tiebreak_question(Ctx& c) {
  close_question(c);
  const std::uint32_t still = tied_teams(c, round_cfg(c).places);
  if (still == 0) {
    c.s.tiebreak_over = true;
    c.emit(EventKind::tie_broken);
  }
}

void reopen_buzzers(Ctx& c) {
  c.s.phase = Phase::buzzing;
  c.s.buzzed = 0;
  c.s.first_buzz_at = -1;
  c.s.opened_at = c.now;
  c.s.turn = -1;
  c.s.deadline = 0;
  ++c.s.attempt;
  c.emit(EventKind::buzzers_opened);
}

int entry_points(const ScoringEntry& e) { return e.right ? e.points_if_right : e.points_if_wrong; }

// Adds (sign 1) or takes back (sign -1) what a scoring entry gave its team
// (and, for a designated team's wrong answer, the team that designated it).
void apply(Ctx& c, const ScoringEntry& e, int sign) {
  Competitor& who = team(c, e.actor);
  who.points += sign * entry_points(e);
  if (e.designator >= 0 && !e.right) team(c, e.designator).points += sign * e.designator_if_wrong;
  if (e.foul) {
    who.fouls += sign;
    return;
  }
  who.correct += sign * (e.right ? 1 : 0);
  who.answered += sign;
  who.time_ms += sign * e.time_ms;
  if (e.sudden_death && e.right) who.sudden_death += sign;
}

// Scores team t's answer (or judgement, or timeout) with the given credit,
// then moves the round on.
void score(Ctx& c, int t, int credit, Millis at, bool timed_out, const Intent* by = nullptr) {
  const RoundConfig& r = round_cfg(c);
  Competitor& who = team(c, t);
  const Millis start = r.kind == RoundKind::speed ? c.s.shown_at : std::max(c.s.shown_at, c.s.opened_at);
  const Millis latency = std::max<Millis>(0, at - start);
  const bool right = credit >= scoring::kFullCredit;
  const Millis limit = r.kind == RoundKind::speed ? 0 : r.answer_ms;

  ScoringEntry& e = c.s.last;
  e = {};
  e.valid = true;
  e.actor = t;
  e.question = c.s.question;
  e.time_ms = latency;
  e.sudden_death = r.kind == RoundKind::tiebreak;
  if (r.kind == RoundKind::risk && c.s.designator >= 0) {
    e.points_if_right = c.s.stake;  // the designated team risks nothing
    e.designator = c.s.designator;
    e.designator_if_wrong = c.s.stake;
  } else if (r.kind == RoundKind::risk) {
    e.points_if_right = scoring::stake_points(c.s.stake, true);
    e.points_if_wrong = scoring::stake_points(c.s.stake, false);
  } else if (r.kind != RoundKind::tiebreak) {
    e.points_if_right = scoring::award(r.rules, scoring::kFullCredit, latency, limit, who.streak);
    e.points_if_wrong = scoring::award(r.rules, 0, latency, limit, who.streak);
  }
  int points = right ? e.points_if_right : e.points_if_wrong;
  if (!right && credit > 0 && r.kind != RoundKind::risk && r.kind != RoundKind::tiebreak)
    points = scoring::award(r.rules, credit, latency, limit, who.streak);  // partial credit
  e.right = right;
  // A partial answer is "not right"; a correction to right gives full points.
  e.points_if_wrong = right ? e.points_if_wrong : points;
  apply(c, e, 1);
  who.streak = right ? who.streak + 1 : 0;

  if (timed_out) emit_team(c, EventKind::timed_out, t).at = at;
  Event& ev = emit_team(c, EventKind::scored, t);
  ev.at = at;
  ev.credit = credit;
  ev.points = points;
  ev.value = static_cast<int>(latency);
  ev.extra = c.s.stake;
  if (by != nullptr && by->kind == IntentKind::judge) {
    ev.intent = IntentKind::judge;  // the host judged an oral answer
    ev.note = by->reason;
  }
  if (e.designator >= 0 && !right) {
    Event& won = emit_team(c, EventKind::awarded, e.designator);
    won.at = at;
    won.points = e.designator_if_wrong;
  }

  switch (r.kind) {
    case RoundKind::compulsory:
    case RoundKind::risk:
      return close_question(c);
    case RoundKind::buzzer: {
      const std::uint32_t all = (std::uint32_t{1} << team_count(c)) - 1;
      if (!right && r.pass_on_wrong && (c.s.tried & all) != all) return reopen_buzzers(c);
      return close_question(c);
    }
    case RoundKind::speed:
      return speed_next(c);
    case RoundKind::tiebreak:
      c.s.answered_mask |= bit(t);
      if ((c.s.answered_mask & c.s.tied) == c.s.tied) close_tiebreak_question(c);
      return;
    case RoundKind::audience:
      return close_question(c);  // not reached: no team answers an audience question
  }
}

void resolve_buzz(Ctx& c) {
  const RoundConfig& r = round_cfg(c);
  const Millis at = c.s.first_buzz_at + r.tie_window_ms;
  const int tied = std::popcount(c.s.buzzed);
  const int pick = tied > 1 ? static_cast<int>(c.s.rng.below(static_cast<std::uint64_t>(tied))) : 0;
  int winner = -1;
  for (int t = 0, seen = 0; t < team_count(c); ++t)
    if ((c.s.buzzed & bit(t)) && seen++ == pick) winner = t;
  c.s.turn = winner;
  c.s.tried |= bit(winner);
  c.s.phase = Phase::answering;
  c.s.opened_at = at;  // answering time runs from the resolution
  c.s.deadline = r.answer_ms > 0 ? at + r.answer_ms : 0;
  ++c.s.attempt;
  Event& e = emit_team(c, EventKind::buzz_resolved, winner);
  e.at = at;
  e.value = tied;
  e.extra = pick;
}

// Fires the timeouts and the buzzer tie window that fell before now.
void advance(Ctx& c) {
  if (c.s.paused || !in_round(c)) return;
  for (;;) {
    if (c.s.phase == Phase::buzzing && c.s.first_buzz_at >= 0 &&
        c.s.first_buzz_at + round_cfg(c).tie_window_ms < c.now) {
      resolve_buzz(c);
      continue;
    }
    if (c.s.phase != Phase::answering || c.s.deadline == 0 || c.s.deadline >= c.now) return;
    const RoundKind kind = round_cfg(c).kind;
    // What the timeout causes happens at the deadline, not when it is noticed.
    Ctx at_deadline{c.s, c.setup, c.s.deadline, c.out};
    if (kind == RoundKind::speed) {
      emit_team(at_deadline, EventKind::timed_out, c.s.turn);
      close_question(at_deadline);
    } else if (kind == RoundKind::audience) {
      close_question(at_deadline);
    } else if (kind == RoundKind::tiebreak) {
      for (int t = 0; t < team_count(c); ++t)
        if ((c.s.tied & bit(t)) && !(c.s.answered_mask & bit(t)) && c.s.phase == Phase::answering)
          score(at_deadline, t, 0, at_deadline.now, true);
    } else {
      score(at_deadline, c.s.turn, 0, at_deadline.now, true);
    }
  }
}

bool host_only(Ctx& c, const Intent& in) {
  if (in.actor != -1) {
    c.reject(in, Reject::unknown_actor);
    return false;
  }
  return true;
}

// After a correction or undo: the standings may now be tied, or no longer.
void recheck_ties(Ctx& c) {
  const int tb = tiebreak_round(c);
  if (tb < 0) return;
  const int places = c.setup.config.rounds[static_cast<std::size_t>(tb)].places;
  const std::uint32_t tied = tied_teams(c, places);
  if (c.s.phase == Phase::finished && tied != 0) {
    c.s.tied = tied;
    c.s.tiebreak_over = false;
    if (c.s.round != tb) return enter_tiebreak_or_finish(c);
    c.s.phase = Phase::resolved;
    ++c.s.attempt;
    c.emit(EventKind::tiebreak_needed).value = std::popcount(tied);
  } else if (c.s.round == tb && c.s.phase == Phase::resolved) {
    if (tied == 0 && !c.s.tiebreak_over) {
      c.s.tiebreak_over = true;
      c.emit(EventKind::tie_broken);
    } else if (tied != 0 && c.s.tiebreak_over) {
      c.s.tiebreak_over = false;
      c.emit(EventKind::tiebreak_needed).value = std::popcount(tied);
    }
  }
}

void host_fix(Ctx& c, const Intent& in) {
  ScoringEntry& e = c.s.last;
  if (!e.valid) return c.reject(in, Reject::nothing_to_undo);
  if (in.kind == IntentKind::correct && e.foul) return c.reject(in, Reject::not_now);
  const int before = team(c, e.actor).points;
  const int designator_before = e.designator >= 0 ? team(c, e.designator).points : 0;
  apply(c, e, -1);
  if (in.kind == IntentKind::correct) {
    e.right = !e.right;
    apply(c, e, 1);
  } else {
    e.valid = false;
  }
  const auto report = [&](int t, int was) {
    Event& ev = emit_team(c, in.kind == IntentKind::correct ? EventKind::corrected : EventKind::undone, t);
    ev.question = e.question;
    ev.points = team(c, t).points - was;
    ev.value = e.right ? 1 : 0;
    ev.intent = in.kind;
    ev.note = in.reason;
  };
  report(e.actor, before);
  // A designated answer moves the stake between two teams: both are told.
  if (e.designator >= 0) report(e.designator, designator_before);
  recheck_ties(c);
}

bool team_may_answer(const Ctx& c, int t) {
  if (c.s.phase != Phase::answering) return false;
  if (round_cfg(c).kind == RoundKind::tiebreak) return (c.s.tied & bit(t)) && !(c.s.answered_mask & bit(t));
  return t == c.s.turn;
}

void buzz(Ctx& c, const Intent& in) {
  const RoundConfig& r = round_cfg(c);
  const int t = in.actor;
  if (c.s.tried & bit(t)) return c.reject(in, Reject::locked_out);
  if (c.s.phase == Phase::reading) {
    // Early buzz: a foul, and no answering this question.
    c.s.tried |= bit(t);
    c.s.last = {};
    c.s.last.valid = true;
    c.s.last.actor = t;
    c.s.last.question = c.s.question;
    c.s.last.points_if_wrong = -r.foul_penalty;
    c.s.last.foul = true;
    apply(c, c.s.last, 1);
    Event& e = emit_team(c, EventKind::foul, t);
    e.points = -r.foul_penalty;
    return;
  }
  if (c.s.buzzed & bit(t)) return c.reject(in, Reject::duplicate);
  if (c.s.first_buzz_at < 0) c.s.first_buzz_at = c.now;
  c.s.buzzed |= bit(t);
  emit_team(c, EventKind::buzzed, t).value = static_cast<int>(c.now - c.s.opened_at);
  if (r.tie_window_ms == 0) resolve_buzz(c);
}

}  // namespace

void reduce_team(Ctx& c, const Intent& in) {
  advance(c);
  if (in.kind == IntentKind::tick) return;
  const IntentKind k = in.kind;
  if (in.actor < -1 || in.actor >= team_count(c)) return c.reject(in, Reject::unknown_actor);
  if (in.attempt != c.s.attempt || (in.question >= 0 && in.question != c.s.question))
    return c.reject(in, Reject::stale);
  const bool fixing = k == IntentKind::resume || k == IntentKind::correct || k == IntentKind::undo;
  if (c.s.paused && !fixing) return c.reject(in, Reject::paused);

  switch (k) {
    case IntentKind::start: {
      if (!host_only(c, in)) return;
      if (c.s.phase != Phase::lobby) return c.reject(in, Reject::not_now);
      c.emit(EventKind::started).note = in.reason;
      return begin_round(c, 0);
    }
    case IntentKind::next: {
      if (!host_only(c, in)) return;
      const bool open_question = (c.s.phase == Phase::reading || c.s.phase == Phase::buzzing) && c.s.buzzed == 0;
      if (open_question) close_question(c);  // nobody buzzed: the host moves on
      // The audience has answered: closed, so the host can reveal it before moving on.
      if (in_round(c) && round_cfg(c).kind == RoundKind::audience && c.s.phase == Phase::answering)
        return close_question(c);
      if (c.s.phase != Phase::round_intro && c.s.phase != Phase::resolved) return c.reject(in, Reject::not_now);
      return next_question(c);
    }
    case IntentKind::reveal: {
      if (!host_only(c, in)) return;
      if (c.s.phase != Phase::resolved || c.s.revealed || c.s.question < 0) return c.reject(in, Reject::not_now);
      c.s.revealed = true;
      c.emit(EventKind::revealed).note = in.reason;
      return;
    }
    case IntentKind::open_buzzers: {
      if (!host_only(c, in)) return;
      if (c.s.phase != Phase::reading) return c.reject(in, Reject::not_now);
      return reopen_buzzers(c);
    }
    case IntentKind::pause: {
      if (!host_only(c, in)) return;
      if (c.s.phase == Phase::lobby || c.s.phase == Phase::finished) return c.reject(in, Reject::not_now);
      c.s.paused = true;
      c.s.paused_at = c.now;
      ++c.s.attempt;
      c.emit(EventKind::paused).note = in.reason;
      return;
    }
    case IntentKind::resume: {
      if (!host_only(c, in)) return;
      if (!c.s.paused) return c.reject(in, Reject::not_now);
      const Millis d = c.now - c.s.paused_at;
      // Deadlines stand still while paused.
      if (c.s.deadline > 0) c.s.deadline += d;
      if (c.s.turn_end > 0) c.s.turn_end += d;
      if (c.s.first_buzz_at >= 0) c.s.first_buzz_at += d;
      c.s.opened_at += d;
      c.s.shown_at += d;
      c.s.paused = false;
      ++c.s.attempt;
      c.emit(EventKind::resumed).note = in.reason;
      return;
    }
    case IntentKind::correct:
    case IntentKind::undo:
      if (!host_only(c, in)) return;
      return host_fix(c, in);
    case IntentKind::buzz:
      if (in.actor < 0) return c.reject(in, Reject::unknown_actor);
      if (!in_round(c) || round_cfg(c).kind != RoundKind::buzzer ||
          (c.s.phase != Phase::reading && c.s.phase != Phase::buzzing))
        return c.reject(in, Reject::not_now);
      return buzz(c, in);
    case IntentKind::answer:
    case IntentKind::judge: {
      if (in.actor < 0) return c.reject(in, Reject::unknown_actor);
      if (in_round(c) && round_cfg(c).kind == RoundKind::audience) return c.reject(in, Reject::not_now);  // nobody scores
      if (!team_may_answer(c, in.actor)) return c.reject(in, c.s.phase == Phase::answering ? Reject::locked_out : Reject::not_now);
      const RoundConfig& r = round_cfg(c);
      int credit = 0;
      if (k == IntentKind::judge)
        credit = in.value != 0 ? scoring::kFullCredit : 0;
      else
        credit = scoring::credit_permille(grade(c.question(c.s.question), in.response), r.rules.partial);
      return score(c, in.actor, credit, c.now, false, &in);
    }
    case IntentKind::choose_stake: {
      if (c.s.phase != Phase::choosing_stake) return c.reject(in, Reject::not_now);
      if (in.actor != c.s.turn) return c.reject(in, Reject::locked_out);
      const auto& stakes = round_cfg(c).stakes;
      if (in.value != 0 && std::find(stakes.begin(), stakes.end(), in.value) == stakes.end())
        return c.reject(in, Reject::bad_value);
      c.s.stake = in.value;
      emit_team(c, EventKind::stake_chosen, in.actor).value = in.value;
      if (in.value == 0) return close_question(c);  // declined: no risk, no points
      if (!round_cfg(c).stake_difficulty.empty()) show_stake_question(c, in.value);
      c.s.phase = Phase::answering;
      c.s.shown_at = c.now;
      c.s.deadline = round_cfg(c).answer_ms > 0 ? c.now + round_cfg(c).answer_ms : 0;
      ++c.s.attempt;
      return;
    }
    case IntentKind::designate: {
      if (!in_round(c)) return c.reject(in, Reject::not_now);
      const RoundConfig& r = round_cfg(c);
      if (r.kind != RoundKind::risk || !r.designate || c.s.phase != Phase::answering || c.s.designator >= 0)
        return c.reject(in, Reject::not_now);
      if (in.actor != c.s.turn) return c.reject(in, Reject::locked_out);
      if (in.value < 0 || in.value >= team_count(c) || in.value == in.actor) return c.reject(in, Reject::bad_value);
      c.s.designator = in.actor;
      c.s.turn = in.value;
      c.s.shown_at = c.now;  // the designated team's time starts now
      c.s.deadline = r.answer_ms > 0 ? c.now + r.answer_ms : 0;
      ++c.s.attempt;
      emit_team(c, EventKind::designated, in.actor).value = in.value;
      return;
    }
    case IntentKind::lifeline: {
      if (in.actor < 0) return c.reject(in, Reject::unknown_actor);
      if (!team_may_answer(c, in.actor) || c.setup.config.lifelines == 0 || round_cfg(c).kind == RoundKind::tiebreak)
        return c.reject(in, Reject::not_now);  // a tiebreak's time is shared by the tied teams
      Competitor& who = team(c, in.actor);
      if (c.s.helped & bit(in.actor)) return c.reject(in, Reject::duplicate);  // one per question
      if (who.lifelines_used >= c.setup.config.lifelines) return c.reject(in, Reject::none_left);
      ++who.lifelines_used;
      c.s.helped |= bit(in.actor);
      const Millis extra = c.s.deadline > 0 ? c.setup.config.lifeline_ms : 0;
      c.s.deadline += extra;
      if (round_cfg(c).kind == RoundKind::speed) c.s.turn_end += extra;
      Event& e = emit_team(c, EventKind::lifeline_used, in.actor);
      e.value = c.setup.config.lifelines - who.lifelines_used;
      e.extra = static_cast<int>(extra);
      return;
    }
    case IntentKind::pass: {
      if (c.s.phase != Phase::answering || round_cfg(c).kind != RoundKind::speed) return c.reject(in, Reject::not_now);
      if (in.actor != c.s.turn) return c.reject(in, Reject::locked_out);
      emit_team(c, EventKind::passed, in.actor);
      return speed_next(c);
    }
    default:
      return c.reject(in, Reject::not_now);
  }
}

}  // namespace ankang::detail
