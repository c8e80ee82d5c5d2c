// Contest engine: replaying long intent logs (see docs/PERFORMANCE.md).
//
// Builds two logs with the seeded bots — a team contest with every round kind
// and a timed test taken by many players — then replays each several times and
// prints intents per second, with two baselines measured in the same run:
// copying the same log, and std::sort of as many 64-bit keys. A counting
// operator new reports the allocations made by reduce in steady state.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "engine/simulate.h"

namespace {

std::atomic<long long> g_allocations{0};

}  // namespace

void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

using namespace ankang;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::vector<Question> make_paper(int n) {
  std::vector<Question> paper;
  for (int i = 0; i < n; ++i) {
    Question q;
    q.id = "bench-" + std::to_string(i);
    q.stem = "题" + std::to_string(i);
    switch (i % 3) {
      case 0:
        q.type = QuestionType::single;
        q.options = {"甲", "乙", "丙", "丁"};
        q.correct = {i % 4};
        break;
      case 1:
        q.type = QuestionType::multiple;
        q.options = {"甲", "乙", "丙", "丁"};
        q.correct = {0, 2};
        break;
      default:
        q.type = QuestionType::true_false;
        q.truth = i % 2 == 0;
        break;
    }
    paper.push_back(std::move(q));
  }
  return paper;
}

RoundConfig round_of(RoundKind kind, int questions) {
  RoundConfig r;
  r.kind = kind;
  r.name = std::string(round_name_zh(kind));
  r.questions = questions;
  r.answer_ms = 20000;
  r.tie_window_ms = 200;
  r.foul_penalty = 5;
  r.pass_on_wrong = true;
  r.stakes = {10, 20, 30};
  r.duration_ms = 600000;
  return r;
}

std::shared_ptr<Setup> team_setup() {
  auto s = std::make_shared<Setup>();
  s->config.id = "bench-team";
  s->config.name = "bench";
  s->config.format = ContestFormat::team;
  s->config.rounds = {round_of(RoundKind::compulsory, 4000), round_of(RoundKind::buzzer, 30000),
                      round_of(RoundKind::risk, 2000), round_of(RoundKind::speed, 2000),
                      round_of(RoundKind::tiebreak, 50)};
  s->config.ranking = {{"points", scoring::Order::higher_first}, {"correct", scoring::Order::higher_first},
                       {"sudden_death", scoring::Order::higher_first}};
  for (int i = 0; i < 12; ++i) s->names.push_back("队" + std::to_string(i));
  s->paper = make_paper(questions_needed(s->config, 12) + 50);
  return s;
}

std::shared_ptr<Setup> test_setup() {
  auto s = std::make_shared<Setup>();
  s->config.id = "bench-test";
  s->config.name = "bench";
  s->config.format = ContestFormat::timed_test;
  s->config.question_count = 200;
  s->config.question_ms = 30000;
  for (int i = 0; i < 4096; ++i) s->names.push_back("P" + std::to_string(i));
  s->paper = make_paper(200);
  return s;
}

struct Result {
  double rate = 0;          // intents per second, best run
  long long allocations = 0;  // during the last replay, after the warm-up
};

Result replay_rate(const std::shared_ptr<Setup>& setup, const std::vector<TimedIntent>& log, int runs) {
  Result r;
  std::vector<Event> out;
  out.reserve(64);
  for (int run = 0; run < runs; ++run) {
    State s = start_state(setup);
    // Warm-up: the first intents let the event buffer reach its working size.
    const std::size_t warm = std::min<std::size_t>(log.size(), 1000);
    for (std::size_t i = 0; i < warm; ++i) {
      out.clear();
      reduce(s, log[i].intent, log[i].at, out);
    }
    const long long before = g_allocations.load();
    const auto t0 = Clock::now();
    for (std::size_t i = warm; i < log.size(); ++i) {
      out.clear();
      reduce(s, log[i].intent, log[i].at, out);
    }
    const double secs = seconds_since(t0);
    r.allocations = g_allocations.load() - before;
    r.rate = std::max(r.rate, static_cast<double>(log.size() - warm) / secs);
  }
  return r;
}

double copy_rate(const std::vector<TimedIntent>& log, int runs) {
  double best = 0;
  for (int run = 0; run < runs; ++run) {
    const auto t0 = Clock::now();
    std::vector<TimedIntent> copy = log;
    const double secs = seconds_since(t0);
    if (copy.size() != log.size()) std::abort();
    best = std::max(best, static_cast<double>(log.size()) / secs);
  }
  return best;
}

double sort_rate(std::size_t n, int runs) {
  double best = 0;
  Prng rng{12345};
  for (int run = 0; run < runs; ++run) {
    std::vector<std::uint64_t> keys(n);
    for (auto& k : keys) k = rng.next();
    const auto t0 = Clock::now();
    std::sort(keys.begin(), keys.end());
    best = std::max(best, static_cast<double>(n) / seconds_since(t0));
  }
  return best;
}

void report(const char* name, const std::shared_ptr<Setup>& setup, int runs) {
  auto t0 = Clock::now();
  SimOptions opt;
  opt.seed = 7;
  const Simulation sim = simulate(setup, opt);
  std::printf("%s: %zu intents simulated in %.2f s, finished=%s\n", name, sim.log.size(), seconds_since(t0),
              finished(sim.state) ? "yes" : "no");
  const Result replay = replay_rate(setup, sim.log, runs);
  const double copy = copy_rate(sim.log, runs);
  const double sort = sort_rate(sim.log.size(), runs);
  std::printf("  replay: %12.0f intents/s  (%lld allocations in steady state, %.4f per intent)\n", replay.rate,
              replay.allocations, static_cast<double>(replay.allocations) / static_cast<double>(sim.log.size()));
  std::printf("  copy the log:  %12.0f intents/s  replay/copy = %.2f\n", copy, replay.rate / copy);
  std::printf("  std::sort keys: %11.0f keys/s     replay/sort = %.2f\n", sort, replay.rate / sort);
  std::printf("  target 1,000,000 intents/s: %s\n", replay.rate >= 1e6 ? "met" : "NOT met");
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  report("team contest, 12 teams", team_setup(), runs);
  report("timed test, 4096 players", test_setup(), runs);
  return 0;
}
