#include "kiosk/host.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "embed/embedded_file.h"
#include "engine/standings.h"
#include "engine_io/config_json.h"
#include "question_bank/bank.h"
#include "ui/screens.h"
#include "ui/strings.h"

namespace ankang_kiosk_contest { std::span<const ankang::EmbeddedFile> files(); }

namespace ankang::kiosk {

namespace {

bool any(const std::vector<Event>& events, std::size_t from, EventKind kind) {
  return std::any_of(events.begin() + static_cast<std::ptrdiff_t>(from), events.end(),
                     [&](const Event& e) { return e.kind == kind; });
}

// The team that answers now: the turn, or in a tie-break the first tied team
// still to answer.
int answering_team(const View& v) {
  if (v.turn >= 0) return v.turn;
  for (int i = 0; i < 32; ++i)
    if ((v.may_buzz >> i) & 1u) return i;
  return -1;
}

// The round's full time on the timer bar.
Millis round_limit(const ContestConfig& c, const View& v) {
  if (v.round < 0 || v.round >= static_cast<int>(c.rounds.size())) return 0;
  const RoundConfig& r = c.rounds[static_cast<std::size_t>(v.round)];
  return std::max(r.kind == RoundKind::speed ? r.duration_ms : r.answer_ms, v.remaining_ms);
}

}  // namespace

const ContestConfig& host_config() {
  static const ContestConfig config = [] {
    const auto& f = ankang_kiosk_contest::files().front();
    const io::LoadedConfig loaded = io::parse_config(f.text());
    if (!loaded.ok()) throw std::runtime_error(io::describe_problems(f.path, loaded.problems, true));
    return loaded.config;
  }();
  return config;
}

bool Host::start(std::vector<Question> paper, std::vector<std::string> teams, std::uint64_t seed, std::string& why,
                 const HostStart& how) {
  auto setup = std::make_shared<Setup>();
  setup->config = how.config ? *how.config : host_config();
  const int needed = questions_needed(setup->config, static_cast<int>(teams.size()));
  // A tie-break, when one is played, takes its questions after the others.
  const auto& rounds = setup->config.rounds;
  const int spare = !rounds.empty() && rounds.back().kind == RoundKind::tiebreak ? rounds.back().questions : 0;
  if (static_cast<int>(paper.size()) < needed) {
    why = ui::format(ui::S::bank_too_small, static_cast<int>(paper.size()), needed);
    return false;
  }
  paper.resize(std::min(paper.size(), static_cast<std::size_t>(needed + spare)));
  setup->paper = std::move(paper);
  setup->seed = seed;
  setup->names = std::move(teams);
  const auto problems = validate(*setup);
  if (!problems.empty()) {
    why = problems.front().field + ": " + ui::tr(problems.front().message);
    return false;
  }
  contest_ = 0;
  if (store_) {
    std::vector<std::string> ids;
    for (const Question& q : setup->paper) ids.push_back(q.id);
    try {
      contest_ = store_->begin_host_contest(bank::new_uuid(), how.contest_id, io::config_to_json(setup->config).dump(),
                                            ids, setup->names, how.enterprise_uscc, seed, how.unix_ms);
    } catch (const StoreError& e) {
      why = ui::tr(e.text());
      return false;
    }
  }
  // The contest's clock starts at 0 now.
  started_unix_ms_ = how.unix_ms;
  offset_ = -how.now;
  state_ = std::make_unique<State>(start_state(setup));
  events_.clear();
  fixing_ = ui::Act::host_exit;
  run(make_intent(*state_, IntentKind::start, -1), state_->clock);
  if (!error_.empty()) {
    why = take_error();
    state_.reset();
    return false;
  }
  return true;
}

bool Host::resume(const HostRow& row, std::vector<Question> paper, Millis now, std::string& why) {
  const io::LoadedConfig loaded = io::parse_config(row.config_json);
  if (!loaded.ok() || paper.size() != row.question_ids.size()) {
    why = ui::tr(ui::S::host_cannot_resume_gone);
    return false;
  }
  auto setup = std::make_shared<Setup>();
  setup->config = loaded.config;
  setup->paper = std::move(paper);
  setup->seed = row.seed;
  setup->names = row.teams;
  if (!validate(*setup).empty()) {
    why = ui::tr(ui::S::host_cannot_resume);
    return false;
  }
  events_.clear();
  state_ = std::make_unique<State>(replay(setup, row.log, &events_));
  contest_ = row.id;
  started_unix_ms_ = row.started_at_ms;
  offset_ = std::max(row.clock_ms, state_->clock) - now;
  fixing_ = ui::Act::host_exit;
  return true;
}

void Host::stop(std::int64_t now_unix_ms) {
  if (state_ && store_ && contest_ && !finished(*state_)) {
    try {
      store_->abandon_host(contest_, now_unix_ms);
    } catch (const StoreError& e) {
      error_ = ui::tr(e.text());
    }
  }
  state_.reset();
  contest_ = 0;
}

void Host::checkpoint(Millis now) {
  if (!state_ || !store_ || !contest_ || finished(*state_)) return;
  try {
    store_->checkpoint_host(contest_, clock(now));
  } catch (const StoreError& e) {
    error_ = ui::tr(e.text());
  }
}

Cue Host::run(const Intent& in, Millis now) {
  if (!state_) return Cue::none;
  const std::size_t from = events_.size();
  const Millis at = std::max(clock(now), state_->clock);
  // A copy, so an intent the store refuses leaves no trace (as Session does).
  next_ = *state_;
  std::vector<Event> last;
  reduce(next_, in, at, last);
  // What changed nothing (a tick between timeouts, a refused buzz) need not
  // be kept: the log replays to the same state without it.
  const bool changed = std::any_of(last.begin(), last.end(), [](const Event& e) { return e.kind != EventKind::rejected; });
  if (changed && store_ && contest_) {
    std::vector<HostTeamResult> results;
    if (finished(next_))
      for (const Standing& s : standings(next_)) {
        const Competitor& c = next_.competitors[static_cast<std::size_t>(s.index)];
        results.push_back({s.name, s.rank, static_cast<int>(s.points), c.correct, c.fouls});
      }
    try {
      store_->record_host(contest_, {at, in}, finished(next_) ? &results : nullptr, started_unix_ms_ + at);
    } catch (const StoreError& e) {
      error_ = ui::tr(e.text());
      return Cue::none;
    }
  }
  std::swap(*state_, next_);
  events_.insert(events_.end(), last.begin(), last.end());
  if (any(events_, from, EventKind::timed_out)) return Cue::time_up;
  if (any(events_, from, EventKind::buzz_resolved) || any(events_, from, EventKind::foul)) return Cue::buzz;
  for (std::size_t i = from; i < events_.size(); ++i)
    if (events_[i].kind == EventKind::scored) return events_[i].credit >= 1000 ? Cue::right : Cue::wrong;
  return Cue::none;
}

Cue Host::control(ui::Act act, Millis now, int value) {
  if (!state_) return Cue::none;
  const View v = ankang::view(*state_, -1, std::max(clock(now), state_->clock));
  auto send = [&](IntentKind k, int actor = -1, int val = 0, std::string reason = {}) {
    if (!v.allows(k)) return Cue::none;
    Intent in = make_intent(*state_, k, actor);
    in.value = val;
    in.reason = std::move(reason);
    return run(in, now);
  };
  switch (act) {
    case ui::Act::host_start_timer: return send(IntentKind::open_buzzers);
    case ui::Act::host_reveal: return send(IntentKind::reveal);
    // The team answers aloud; the host judges for it.
    case ui::Act::host_right: return send(IntentKind::judge, answering_team(v), 1);
    case ui::Act::host_wrong: return send(IntentKind::judge, answering_team(v), 0);
    case ui::Act::host_pass: {
      // Speed round: the team skips; the engine takes it as the team's intent.
      Intent in = make_intent(*state_, IntentKind::pass, v.turn);
      return v.round_kind == RoundKind::speed && v.phase == Phase::answering ? run(in, now) : Cue::none;
    }
    case ui::Act::host_stake: return send(IntentKind::choose_stake, v.turn, value);
    case ui::Act::host_next:
    case ui::Act::host_next_round: return send(IntentKind::next);
    case ui::Act::host_pause: return v.paused ? send(IntentKind::resume) : send(IntentKind::pause);
    case ui::Act::host_correct:
    case ui::Act::host_undo:
      if (v.allows(act == ui::Act::host_correct ? IntentKind::correct : IntentKind::undo)) fixing_ = act;
      return Cue::none;
    case ui::Act::host_reason: {
      const ui::Act fix = fixing_;
      fixing_ = ui::Act::host_exit;
      const auto reasons = ui::fix_reasons();
      if (fix == ui::Act::host_exit || value < 0 || value >= static_cast<int>(reasons.size())) return Cue::none;
      return send(fix == ui::Act::host_correct ? IntentKind::correct : IntentKind::undo, -1, 0,
                  ui::tr(reasons[static_cast<std::size_t>(value)], ui::Lang::zh));
    }
    case ui::Act::host_cancel_fix: fixing_ = ui::Act::host_exit; return Cue::none;
    default: return Cue::none;
  }
}

Cue Host::buzz(int team, Millis at) {
  if (!state_ || team < 0 || team >= static_cast<int>(state_->competitors.size())) return Cue::none;
  return run(make_intent(*state_, IntentKind::buzz, team), at);
}

Cue Host::tick(Millis now) {
  if (!state_ || clock(now) <= state_->clock) return Cue::none;
  return run(Intent{IntentKind::tick, -1, -1, -1, 0, {}, {}}, now);
}

bool Host::timer_running(Millis now) const {
  if (!state_) return false;
  const View v = ankang::view(*state_, -1, clock(now));
  return !v.paused && (v.remaining_ms > 0 || v.phase == Phase::buzzing);
}

ui::HostView Host::view(Millis now) const {
  ui::HostView hv;
  if (!state_) return hv;
  const View v = ankang::view(*state_, -1, std::max(clock(now), state_->clock));
  hv.round_name = std::string(v.round_name);
  hv.question_number = v.position;
  hv.question_total = v.total_questions;
  hv.question = v.q;
  hv.revealed = v.revealed;
  if (v.q) hv.correct_answer = ui::answer_text(*v.q);
  hv.limit_ms = v.remaining_ms >= 0 ? static_cast<int>(round_limit(state_->setup->config, v)) : 0;
  hv.remaining_ms = static_cast<int>(std::max<Millis>(0, v.remaining_ms));
  hv.timer_running = v.remaining_ms > 0 && !v.paused;
  hv.paused = v.paused;
  hv.finished = v.phase == Phase::finished;
  hv.member = v.member;
  hv.turn = v.phase == Phase::answering || v.phase == Phase::choosing_stake ? answering_team(v) : -1;
  if (v.phase == Phase::choosing_stake) hv.stakes.assign(v.stakes.begin(), v.stakes.end());
  hv.stake = v.stake;
  hv.can_open = v.allows(IntentKind::open_buzzers);
  hv.can_reveal = v.allows(IntentKind::reveal);
  hv.can_judge = v.allows(IntentKind::judge);
  hv.can_pass = v.round_kind == RoundKind::speed && v.phase == Phase::answering && !v.paused;
  hv.can_next = v.allows(IntentKind::next);
  hv.can_pause = v.allows(IntentKind::pause) || v.allows(IntentKind::resume);
  hv.can_correct = v.allows(IntentKind::correct);
  hv.can_undo = v.allows(IntentKind::undo);
  hv.fixing = fixing_ == ui::Act::host_correct ? 1 : fixing_ == ui::Act::host_undo ? 2 : 0;
  for (std::size_t i = 0; i < state_->competitors.size(); ++i) {
    ui::HostTeam t;
    t.name = state_->setup->names[i];
    t.score = state_->competitors[i].points;
    t.buzzed = v.round_kind == RoundKind::buzzer && v.turn == static_cast<int>(i) &&
               (v.phase == Phase::answering || v.phase == Phase::resolved);
    hv.teams.push_back(t);
  }
  // The latest foul of each team on this question.
  for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
    if (it->kind == EventKind::question_shown) break;
    if (it->kind == EventKind::foul && it->actor >= 0 && it->actor < static_cast<int>(hv.teams.size()))
      hv.teams[static_cast<std::size_t>(it->actor)].foul = true;
  }
  return hv;
}

}  // namespace ankang::kiosk
