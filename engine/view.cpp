#include "engine/view.h"

#include <algorithm>

namespace ankang {

namespace {

constexpr std::uint32_t allow(IntentKind k) { return std::uint32_t{1} << static_cast<int>(k); }

Millis remaining(Millis deadline, Millis now) { return deadline > 0 ? std::max<Millis>(0, deadline - now) : -1; }

View player_view(const State& s, int actor, Millis now) {
  const Setup& su = *s.setup;
  View v;
  v.format = su.config.format;
  const int who = std::clamp(actor, 0, static_cast<int>(s.competitors.size()) - 1);
  const Competitor& p = s.competitors[static_cast<std::size_t>(who)];
  v.phase = p.phase;
  v.attempt = p.attempt;
  v.question = p.phase == Phase::answering || p.phase == Phase::feedback ? p.question : -1;
  if (v.question >= 0) v.q = &su.paper[static_cast<std::size_t>(v.question)];
  v.turn = who;
  v.remaining_ms = p.phase == Phase::answering ? remaining(p.deadline, now) : -1;
  v.paper_remaining_ms = p.phase == Phase::answering ? remaining(p.paper_deadline, now) : -1;
  v.position = p.position;
  v.total_questions = su.config.format == ContestFormat::practice
                          ? su.config.question_count
                          : std::min(su.config.question_count, static_cast<int>(su.paper.size()));
  v.revealed = p.phase == Phase::feedback;
  v.points = p.points;
  v.correct = p.correct;
  v.last_credit = p.last_credit;
  v.last_points = p.last_points;
  v.passed = p.passed;
  switch (p.phase) {
    case Phase::lobby:
      v.allowed = allow(IntentKind::start);
      break;
    case Phase::answering:
      v.allowed = allow(IntentKind::answer) | allow(IntentKind::submit) | allow(IntentKind::tick);
      break;
    case Phase::feedback:
      v.allowed = allow(IntentKind::next) | allow(IntentKind::submit);
      break;
    default:
      break;
  }
  return v;
}

View team_view(const State& s, int actor, Millis now) {
  const Setup& su = *s.setup;
  View v;
  v.format = su.config.format;
  v.phase = s.phase;
  v.paused = s.paused;
  v.round = s.round;
  v.attempt = s.attempt;
  v.turn = s.turn;
  v.member = s.member;
  v.revealed = s.revealed;
  v.stake = s.stake;
  v.designator = s.designator;
  const bool in_round = s.round >= 0 && s.round < static_cast<int>(su.config.rounds.size());
  const RoundConfig* r = in_round ? &su.config.rounds[static_cast<std::size_t>(s.round)] : nullptr;
  if (r) {
    v.round_kind = r->kind;
    v.round_name = r->name;
    v.stakes = r->stakes;
    v.position = s.round_asked;
    const int teams = static_cast<int>(s.competitors.size());
    switch (r->kind) {
      case RoundKind::compulsory:
      case RoundKind::risk:
        v.total_questions = r->questions * teams;
        break;
      case RoundKind::buzzer:
      case RoundKind::tiebreak:
      case RoundKind::audience:
        v.total_questions = r->questions;
        break;
      case RoundKind::speed:
        v.position = s.turn_count;
        v.total_questions = r->questions;
        break;
    }
  }
  const bool on_screen = s.phase == Phase::reading || s.phase == Phase::buzzing || s.phase == Phase::answering ||
                         s.phase == Phase::choosing_stake || s.phase == Phase::resolved;
  v.question = on_screen ? s.question : -1;
  if (v.question >= 0) v.q = &su.paper[static_cast<std::size_t>(v.question)];
  v.remaining_ms = s.phase == Phase::answering && !s.paused ? remaining(s.deadline, now) : -1;
  if (s.paused && s.deadline > 0) v.remaining_ms = std::max<Millis>(0, s.deadline - s.paused_at);
  const int shown = actor >= 0 ? actor : s.turn;
  if (shown >= 0 && shown < static_cast<int>(s.competitors.size())) {
    v.points = s.competitors[static_cast<std::size_t>(shown)].points;
    v.correct = s.competitors[static_cast<std::size_t>(shown)].correct;
    v.lifelines_left = su.config.lifelines - s.competitors[static_cast<std::size_t>(shown)].lifelines_used;
  }
  const std::uint32_t all = (std::uint32_t{1} << s.competitors.size()) - 1;
  if (s.phase == Phase::reading || s.phase == Phase::buzzing) v.may_buzz = all & ~s.tried & ~s.buzzed;
  if (r && r->kind == RoundKind::tiebreak) v.may_buzz = s.tied & ~s.answered_mask;

  const bool host = actor < 0;
  if (actor >= static_cast<int>(s.competitors.size())) return v;  // no such team: nothing allowed
  if (s.paused) {
    if (host) v.allowed = allow(IntentKind::resume) | allow(IntentKind::correct) | allow(IntentKind::undo);
    return v;
  }
  const bool fixable = s.last.valid;
  std::uint32_t a = allow(IntentKind::tick);
  switch (s.phase) {
    case Phase::lobby:
      if (host) a |= allow(IntentKind::start);
      break;
    case Phase::round_intro:
      if (host) a |= allow(IntentKind::next) | allow(IntentKind::pause);
      break;
    case Phase::reading:
      if (host) a |= allow(IntentKind::open_buzzers) | allow(IntentKind::next) | allow(IntentKind::pause);
      else if (v.may_buzz & (std::uint32_t{1} << actor)) a |= allow(IntentKind::buzz);  // a foul, but possible
      break;
    case Phase::buzzing:
      if (host) a |= allow(IntentKind::pause) | (s.buzzed == 0 ? allow(IntentKind::next) : 0);
      else if (v.may_buzz & (std::uint32_t{1} << actor)) a |= allow(IntentKind::buzz);
      break;
    case Phase::choosing_stake:
      if (host || actor == s.turn) a |= allow(IntentKind::choose_stake);
      if (host) a |= allow(IntentKind::pause);
      break;
    case Phase::answering: {
      const bool tb = r && r->kind == RoundKind::tiebreak;
      const bool mine = tb ? (v.may_buzz >> std::max(actor, 0)) & 1u : actor == s.turn;
      const bool audience = r && r->kind == RoundKind::audience;
      if (host) a |= (audience ? allow(IntentKind::next) : allow(IntentKind::judge)) | allow(IntentKind::pause);
      if (!host && mine) a |= allow(IntentKind::answer);
      if (!host && mine && !tb && v.lifelines_left > 0 && !(s.helped & (std::uint32_t{1} << actor)))
        a |= allow(IntentKind::lifeline);
      if (!host && mine && r && r->kind == RoundKind::speed) a |= allow(IntentKind::pass);
      if (!host && mine && r && r->kind == RoundKind::risk && r->designate && s.designator < 0)
        a |= allow(IntentKind::designate);
      break;
    }
    case Phase::resolved:
      if (host) a |= allow(IntentKind::next) | allow(IntentKind::pause) | (s.revealed ? 0 : allow(IntentKind::reveal));
      break;
    default:
      break;
  }
  if (host && fixable) a |= allow(IntentKind::correct) | allow(IntentKind::undo);
  if (host && fixable && s.last.foul) a &= ~allow(IntentKind::correct);
  v.allowed = a;
  return v;
}

}  // namespace

View view(const State& s, int actor, Millis now) {
  if (s.setup->config.format == ContestFormat::team) return team_view(s, actor, now);
  return player_view(s, actor, now);
}

Intent make_intent(const State& s, IntentKind kind, int actor) {
  const View v = view(s, actor, s.clock);
  Intent in;
  in.kind = kind;
  in.actor = actor;
  in.question = v.question;
  in.attempt = v.attempt;
  return in;
}

}  // namespace ankang
