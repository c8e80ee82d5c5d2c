// Practice, individual timed test and distributed team contest: every player
// works through the paper on their own screen, with their own clock.
#include <algorithm>

#include "engine/reduce_detail.h"
#include "scoring/points.h"

namespace ankang::detail {

namespace {

std::size_t paper_size(const Ctx& c) { return c.setup.paper.size(); }

AnswerRecord& record(Ctx& c, int player, int question) {
  return c.s.answers[static_cast<std::size_t>(player) * paper_size(c) + static_cast<std::size_t>(question)];
}

Card& card(Ctx& c, int player, int question) {
  return c.s.cards[static_cast<std::size_t>(player) * paper_size(c) + static_cast<std::size_t>(question)];
}

Event& emit_for(Ctx& c, EventKind kind, int player) {
  Event& e = c.emit(kind, player);
  const Competitor& p = c.s.competitors[static_cast<std::size_t>(player)];
  e.question = p.question;
  e.attempt = p.attempt;
  e.round = -1;
  e.total = p.points;
  return e;
}

// Practice: what comes next. A due card (oldest first), else a new question
// in paper order, else the card due soonest; -1 when nothing is eligible.
int pick_practice(Ctx& c, int player) {
  int due = -1, fresh = -1, soonest = -1;
  for (int q : c.s.eligible) {
    const Card& k = card(c, player, q);
    if (!k.seen) {
      if (fresh < 0) fresh = q;
      continue;
    }
    if (k.due <= c.now && (due < 0 || k.due < card(c, player, due).due)) due = q;
    if (soonest < 0 || k.due < card(c, player, soonest).due) soonest = q;
  }
  // Answering the same card twice in a row teaches nothing when another exists.
  const int current = c.s.competitors[static_cast<std::size_t>(player)].question;
  if (due >= 0) return due;
  if (fresh >= 0) return fresh;
  if (soonest == current && c.s.eligible.size() > 1) {
    int second = -1;
    for (int q : c.s.eligible)
      if (q != current && (second < 0 || card(c, player, q).due < card(c, player, second).due)) second = q;
    return second;
  }
  return soonest;
}

void submit(Ctx& c, int player, Millis at) {
  Competitor& p = c.s.competitors[static_cast<std::size_t>(player)];
  p.phase = Phase::finished;
  p.deadline = 0;
  ++p.attempt;
  p.passed = p.points >= c.setup.config.pass_mark;
  Event& e = emit_for(c, EventKind::submitted, player);
  e.at = at;
  e.value = p.correct;
  e.extra = p.passed ? 1 : 0;
}

void show(Ctx& c, int player, int question, Millis at) {
  Competitor& p = c.s.competitors[static_cast<std::size_t>(player)];
  p.question = question;
  p.phase = Phase::answering;
  p.shown_at = at;
  p.deadline = c.setup.config.question_ms > 0 && c.setup.config.format != ContestFormat::practice
                   ? at + c.setup.config.question_ms
                   : 0;
  ++p.position;
  ++p.attempt;
  Event& e = emit_for(c, EventKind::question_shown, player);
  e.at = at;
  e.value = p.position;
}

// Timed test: the next question in paper order, or hand in after the last.
void advance_paper(Ctx& c, int player, Millis at) {
  Competitor& p = c.s.competitors[static_cast<std::size_t>(player)];
  if (p.position >= static_cast<int>(paper_size(c)) || p.position >= c.setup.config.question_count)
    submit(c, player, at);
  else
    show(c, player, p.position, at);
}

void score(Ctx& c, int player, int credit, Millis at, bool timed_out) {
  Competitor& p = c.s.competitors[static_cast<std::size_t>(player)];
  const auto& cfg = c.setup.config;
  const Millis latency = at - p.shown_at;
  const int points = scoring::award(cfg.rules, credit, latency, cfg.question_ms, p.streak);
  const bool right = credit >= scoring::kFullCredit;
  p.points += points;
  p.correct += right ? 1 : 0;
  p.answered += timed_out ? 0 : 1;
  p.time_ms += latency;
  p.streak = right ? p.streak + 1 : 0;
  p.last_credit = credit;
  p.last_points = points;
  if (!c.s.answers.empty()) record(c, player, p.question) = {!timed_out, credit, points, latency};
  if (timed_out) emit_for(c, EventKind::timed_out, player).at = at;
  Event& e = emit_for(c, EventKind::scored, player);
  e.at = at;
  e.credit = credit;
  e.points = points;
  e.value = static_cast<int>(latency);
}

void practice_feedback(Ctx& c, int player, int credit, Millis latency) {
  Competitor& p = c.s.competitors[static_cast<std::size_t>(player)];
  Card& k = card(c, player, p.question);
  const bool was_mistake = k.in_mistakes;
  sm2_update(k, sm2_quality(credit, latency), c.now, c.setup.config.relearn_ms);
  Event& e = emit_for(c, EventKind::card_updated, player);
  e.value = k.interval_days;
  e.extra = static_cast<int>(std::min<Millis>(k.due - c.now, INT32_MAX));
  if (credit < scoring::kFullCredit && !was_mistake) {
    k.in_mistakes = true;
    emit_for(c, EventKind::mistake_added, player);
  } else if (credit >= scoring::kFullCredit && was_mistake) {
    k.in_mistakes = false;
    emit_for(c, EventKind::mistake_cleared, player);
  }
  p.phase = Phase::feedback;
  ++p.attempt;
}

// Fires the player's deadlines that fell before now, oldest first.
void advance(Ctx& c, int player) {
  Competitor& p = c.s.competitors[static_cast<std::size_t>(player)];
  while (p.phase == Phase::answering) {
    const bool question_due = p.deadline > 0 && p.deadline < c.now;
    const bool paper_due = p.paper_deadline > 0 && p.paper_deadline < c.now;
    if (paper_due && (!question_due || p.paper_deadline <= p.deadline)) {
      submit(c, player, p.paper_deadline);  // auto-submit
      return;
    }
    if (!question_due) return;
    const Millis at = p.deadline;
    score(c, player, 0, at, true);
    advance_paper(c, player, at);
  }
}

bool check_current(Ctx& c, const Intent& in, const Competitor& p) {
  if (in.attempt != p.attempt || (in.question >= 0 && in.question != p.question)) {
    c.reject(in, Reject::stale);
    return false;
  }
  return true;
}

}  // namespace

void reduce_players(Ctx& c, const Intent& in) {
  const int n = static_cast<int>(c.s.competitors.size());
  if (in.kind == IntentKind::tick) {
    if (in.actor >= 0 && in.actor < n) {
      advance(c, in.actor);
    } else {
      for (int i = 0; i < n; ++i) advance(c, i);
    }
    return;
  }
  if (in.actor < 0 || in.actor >= n) return c.reject(in, Reject::unknown_actor);
  const int who = in.actor;
  advance(c, who);
  Competitor& p = c.s.competitors[static_cast<std::size_t>(who)];
  const bool practice = c.setup.config.format == ContestFormat::practice;

  switch (in.kind) {
    case IntentKind::start: {
      if (p.phase != Phase::lobby) return c.reject(in, Reject::not_now);
      if (!check_current(c, in, p)) return;
      p.paper_deadline = !practice && c.setup.config.paper_ms > 0 ? c.now + c.setup.config.paper_ms : 0;
      emit_for(c, EventKind::started, who);
      if (practice) {
        const int q = pick_practice(c, who);
        if (q < 0) return submit(c, who, c.now);
        return show(c, who, q, c.now);
      }
      return advance_paper(c, who, c.now);
    }
    case IntentKind::answer: {
      if (p.phase != Phase::answering) return c.reject(in, p.phase == Phase::finished ? Reject::late : Reject::not_now);
      if (!check_current(c, in, p)) return;
      const Question& q = c.question(p.question);
      const int credit = scoring::credit_permille(grade(q, in.response), c.setup.config.rules.partial);
      const Millis latency = c.now - p.shown_at;
      score(c, who, credit, c.now, false);
      if (practice) return practice_feedback(c, who, credit, latency);
      return advance_paper(c, who, c.now);
    }
    case IntentKind::next: {
      if (!practice || p.phase != Phase::feedback) return c.reject(in, Reject::not_now);
      if (!check_current(c, in, p)) return;
      const int limit = c.setup.config.question_count;
      if (limit > 0 && p.position >= limit) return submit(c, who, c.now);
      return show(c, who, pick_practice(c, who), c.now);
    }
    case IntentKind::submit: {
      if (p.phase != Phase::answering && p.phase != Phase::feedback) return c.reject(in, Reject::not_now);
      if (!check_current(c, in, p)) return;
      return submit(c, who, c.now);
    }
    default:
      return c.reject(in, Reject::not_now);
  }
}

}  // namespace ankang::detail
