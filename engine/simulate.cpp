#include "engine/simulate.h"

#include <algorithm>
#include <functional>
#include <queue>

#include "engine/view.h"

namespace ankang {

namespace {

class Sim {
 public:
  Sim(std::shared_ptr<const Setup> setup, const SimOptions& o) : opt_(o), s_(start_state(std::move(setup))) {
    rng_.state = o.seed;
  }

  Simulation run() {
    if (s_.setup->config.format == ContestFormat::team)
      run_team();
    else
      run_players();
    return {std::move(log_), std::move(s_)};
  }

 private:
  const SimOptions& opt_;
  State s_;
  Prng rng_;
  std::vector<TimedIntent> log_;
  std::vector<Event> scratch_;
  Millis t_ = 0;

  bool full() const { return static_cast<int>(log_.size()) >= opt_.max_intents; }

  void send(Millis at, Intent in) {
    scratch_.clear();
    reduce(s_, in, at, scratch_);
    log_.push_back({at, std::move(in)});
  }
  void send(Millis at, IntentKind kind, int actor = -1, int value = 0) {
    Intent in = make_intent(s_, kind, actor);
    in.value = value;
    send(at, std::move(in));
  }
  void answer(Millis at, int actor, const Question& q) {
    Intent in = make_intent(s_, IntentKind::answer, actor);
    const bool right = static_cast<int>(rng_.below(1000)) < opt_.accuracy;
    in.response = right ? correct_response(q) : wrong_response(q);
    send(at, std::move(in));
  }
  Millis think(Millis limit) {
    // Mostly in time, now and then a little too slow.
    const Millis hi = limit > 0 ? limit + limit / 10 : 15000;
    return rng_.between(800, std::max<Millis>(900, hi));
  }

  void run_team() {
    const int teams = static_cast<int>(s_.competitors.size());
    while (!finished(s_) && !full()) {
      const View v = view(s_, -1, t_);
      const RoundConfig* r = v.round >= 0 ? &s_.setup->config.rounds[static_cast<std::size_t>(v.round)] : nullptr;
      switch (v.phase) {
        case Phase::lobby:
          send(t_ += 1000, IntentKind::start);
          break;
        case Phase::round_intro:
          send(t_ += 3000, IntentKind::next);
          break;
        case Phase::reading:
          for (int team = 0; team < teams; ++team)
            if (rng_.below(100) < 5) send(t_ += rng_.between(100, 800), IntentKind::buzz, team);  // too eager
          send(t_ += 2000, IntentKind::open_buzzers);
          break;
        case Phase::buzzing: {
          std::vector<std::pair<Millis, int>> presses;
          for (int team = 0; team < teams; ++team)
            if ((v.may_buzz >> team) & 1u && rng_.below(100) < 80) presses.emplace_back(t_ + rng_.between(150, 1500), team);
          if (presses.empty()) {
            send(t_ += 5000, IntentKind::next);
            break;
          }
          std::sort(presses.begin(), presses.end());
          const int attempt = s_.attempt;
          for (const auto& [at, team] : presses) {
            Intent in{IntentKind::buzz, team, s_.question, attempt, 0, {}, {}};
            send(t_ = at, std::move(in));
          }
          send(t_ += r->tie_window_ms + 1, Intent{});  // a tick closes the tie window
          break;
        }
        case Phase::choosing_stake: {
          const auto n = static_cast<std::uint64_t>(r->stakes.size());
          const std::uint64_t pick = rng_.below(n + 1);  // n = decline
          send(t_ += 2000, IntentKind::choose_stake, v.turn, pick == n ? 0 : r->stakes[pick]);
          break;
        }
        case Phase::answering: {
          if (r->kind == RoundKind::audience) {
            send(t_ += 8000, IntentKind::next);  // the audience has answered; the host moves on
            break;
          }
          if (r->kind == RoundKind::tiebreak) {
            std::vector<std::pair<Millis, int>> answers;
            for (int team = 0; team < teams; ++team)
              if ((v.may_buzz >> team) & 1u) answers.emplace_back(t_ + think(r->answer_ms), team);
            std::sort(answers.begin(), answers.end());
            const Millis start = t_;
            for (const auto& [at, team] : answers) answer(t_ = std::max(t_, at), team, *v.q);
            if (s_.phase == Phase::answering) send(t_ = std::max(t_, start + r->answer_ms + 1), Intent{});
            break;
          }
          if (r->kind == RoundKind::risk && r->designate && v.designator < 0 && teams > 1 && rng_.below(3) == 0) {
            const int other = (v.turn + 1 + static_cast<int>(rng_.below(static_cast<std::uint64_t>(teams - 1)))) % teams;
            send(t_ += 1500, IntentKind::designate, v.turn, other);
            break;
          }
          if (view(s_, v.turn, t_).allows(IntentKind::lifeline) && rng_.below(8) == 0) {
            send(t_ += 1000, IntentKind::lifeline, v.turn);  // 求助: the answer follows
            break;
          }
          const Millis limit = r->kind == RoundKind::speed ? 5000 : r->answer_ms;
          if (r->kind == RoundKind::speed && rng_.below(10) == 0)
            send(t_ += 1500, IntentKind::pass, v.turn);
          else
            answer(t_ += think(limit), v.turn, *v.q);
          break;
        }
        case Phase::resolved:
          if (!v.revealed && v.q) send(t_ += 1000, IntentKind::reveal);
          send(t_ += 2000, IntentKind::next);
          break;
        default:
          send(t_ += 1000, Intent{});
          break;
      }
    }
  }

  void run_players() {
    const int n = static_cast<int>(s_.competitors.size());
    const auto& cfg = s_.setup->config;
    // Players act in time order (then by index): a min-heap of (time, player).
    using Slot = std::pair<Millis, int>;
    std::priority_queue<Slot, std::vector<Slot>, std::greater<>> queue;
    for (int i = 0; i < n; ++i) queue.push({static_cast<Millis>(i) * 37, i});
    // Open-ended practice stops after going through the paper twice.
    const int practice_cap = cfg.question_count > 0 ? cfg.question_count : 2 * static_cast<int>(s_.setup->paper.size());
    while (!queue.empty() && !full()) {
      const auto [when, who] = queue.top();
      queue.pop();
      if (s_.competitors[static_cast<std::size_t>(who)].phase == Phase::finished) continue;
      t_ = std::max(t_, when);
      Millis at = t_;
      const View v = view(s_, who, t_);
      switch (v.phase) {
        case Phase::lobby:
          send(t_, IntentKind::start, who);
          at = t_ + 500;
          break;
        case Phase::answering:
          answer(t_, who, *v.q);
          at = t_ + think(cfg.question_ms);
          break;
        case Phase::feedback:
          send(t_, v.position >= practice_cap ? IntentKind::submit : IntentKind::next, who);
          at = t_ + rng_.between(1000, 4000);
          break;
        default:
          at = t_ + 1000;
          send(t_, Intent{IntentKind::tick, who, -1, -1, 0, {}, {}});
          break;
      }
      queue.push({at, who});
    }
  }
};

}  // namespace

Simulation simulate(std::shared_ptr<const Setup> setup, const SimOptions& options) {
  return Sim(std::move(setup), options).run();
}

}  // namespace ankang
