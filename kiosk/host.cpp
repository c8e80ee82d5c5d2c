#include "kiosk/host.h"

#include <algorithm>

#include "ui/screens.h"

namespace ankang::kiosk {

namespace {

bool any(const std::vector<Event>& events, std::size_t from, EventKind kind) {
  return std::any_of(events.begin() + static_cast<std::ptrdiff_t>(from), events.end(),
                     [&](const Event& e) { return e.kind == kind; });
}

// One buzzer round of ten questions: 20 s to answer, a foul for buzzing
// before 请抢答, a wrong answer passes to the other teams.
ContestConfig host_config(int questions) {
  ContestConfig c;
  c.id = "kiosk-host";
  c.name = "班组竞赛";
  c.format = ContestFormat::team;
  RoundConfig r;
  r.kind = RoundKind::buzzer;
  r.name = std::string(round_name_zh(RoundKind::buzzer));
  r.questions = questions;
  r.answer_ms = 20000;
  r.rules.points = 10;
  r.rules.wrong_penalty = 10;
  r.foul_penalty = 5;
  r.tie_window_ms = 20;
  r.pass_on_wrong = true;
  c.rounds = {r};
  c.min_teams = 2;
  return c;
}

}  // namespace

bool Host::start(std::vector<Question> paper, std::vector<std::string> teams, std::uint64_t seed, std::string& why) {
  const int questions = std::min<int>(10, static_cast<int>(paper.size()));
  auto setup = std::make_shared<Setup>();
  setup->config = host_config(questions);
  paper.resize(static_cast<std::size_t>(questions));
  setup->paper = std::move(paper);
  setup->seed = seed;
  setup->names = std::move(teams);
  const auto problems = validate(*setup);
  if (!problems.empty()) {
    why = problems.front().field + ": " + problems.front().message.zh;
    return false;
  }
  state_ = std::make_unique<State>(start_state(setup));
  events_.clear();
  run(make_intent(*state_, IntentKind::start, -1), state_->clock);
  return true;
}

Cue Host::run(const Intent& in, Millis now) {
  if (!state_) return Cue::none;
  const std::size_t from = events_.size();
  reduce(*state_, in, std::max(now, state_->clock), events_);
  if (any(events_, from, EventKind::timed_out)) return Cue::time_up;
  if (any(events_, from, EventKind::buzz_resolved) || any(events_, from, EventKind::foul)) return Cue::buzz;
  for (std::size_t i = from; i < events_.size(); ++i)
    if (events_[i].kind == EventKind::scored) return events_[i].credit >= 1000 ? Cue::right : Cue::wrong;
  return Cue::none;
}

Cue Host::control(ui::Act act, Millis now) {
  if (!state_) return Cue::none;
  const View v = ankang::view(*state_, -1, now);
  auto send = [&](IntentKind k, int value = 0) {
    Intent in = make_intent(*state_, k, -1);
    in.value = value;
    return run(in, now);
  };
  switch (act) {
    case ui::Act::host_start_timer:
      return v.allows(IntentKind::open_buzzers) ? send(IntentKind::open_buzzers) : Cue::none;
    case ui::Act::host_reveal: return send(IntentKind::reveal);
    case ui::Act::host_right: return send(IntentKind::judge, 1);
    case ui::Act::host_wrong: return send(IntentKind::judge, 0);
    case ui::Act::host_next:
    case ui::Act::host_next_round: return send(IntentKind::next);
    default: return Cue::none;
  }
}

Cue Host::buzz(int team, Millis at) {
  if (!state_ || team < 0 || team >= static_cast<int>(state_->competitors.size())) return Cue::none;
  return run(make_intent(*state_, IntentKind::buzz, team), at);
}

Cue Host::tick(Millis now) {
  if (!state_ || now <= state_->clock) return Cue::none;
  return run(Intent{IntentKind::tick, -1, -1, -1, 0, {}, {}}, now);
}

bool Host::timer_running(Millis now) const {
  if (!state_) return false;
  const View v = ankang::view(*state_, -1, now);
  return v.remaining_ms > 0 || v.phase == Phase::buzzing;
}

ui::HostView Host::view(Millis now) const {
  ui::HostView hv;
  if (!state_) return hv;
  const View v = ankang::view(*state_, -1, now);
  hv.round_name = std::string(v.round_name);
  hv.question_number = v.position;
  hv.question_total = v.total_questions;
  hv.question = v.q;
  hv.revealed = v.revealed;
  if (v.q) hv.correct_answer = ui::answer_text(*v.q);
  hv.limit_ms = v.remaining_ms >= 0 ? static_cast<int>(state_->setup->config.rounds.at(0).answer_ms) : 0;
  hv.remaining_ms = static_cast<int>(std::max<Millis>(0, v.remaining_ms));
  hv.timer_running = v.remaining_ms > 0;
  // The latest foul of each team on this question, and who holds the turn.
  for (std::size_t i = 0; i < state_->competitors.size(); ++i) {
    ui::HostTeam t;
    t.name = state_->setup->names[i];
    t.score = state_->competitors[i].points;
    t.buzzed = v.turn == static_cast<int>(i) && (v.phase == Phase::answering || v.phase == Phase::resolved);
    hv.teams.push_back(t);
  }
  for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
    if (it->kind == EventKind::question_shown) break;
    if (it->kind == EventKind::foul && it->actor >= 0 && it->actor < static_cast<int>(hv.teams.size()))
      hv.teams[static_cast<std::size_t>(it->actor)].foul = true;
  }
  return hv;
}

}  // namespace ankang::kiosk
