// Papers, configs and a driver with a fake clock for the engine tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/contest.h"
#include "engine/view.h"

namespace ankang::testing {

// A single-choice question whose answer is option `correct` of four.
inline Question choice_question(int n, int correct = 1) {
  Question q;
  q.id = "q-" + std::to_string(n);
  q.type = QuestionType::single;
  q.stem = "第" + std::to_string(n) + "题";
  q.options = {"甲", "乙", "丙", "丁"};
  q.correct = {correct};
  q.explanation = "解析";
  q.category = {n % 2 ? "职业病防治" : "安全生产法"};
  return q;
}

inline std::vector<Question> paper(int n) {
  std::vector<Question> p;
  for (int i = 0; i < n; ++i) p.push_back(choice_question(i, i % 4));
  return p;
}

inline Response pick(int option) {
  Response r;
  r.choices = std::uint64_t{1} << option;
  return r;
}

inline RoundConfig round_of(RoundKind kind, int questions) {
  RoundConfig r;
  r.kind = kind;
  r.name = std::string(round_name_zh(kind));
  r.questions = questions;
  r.answer_ms = 10000;
  r.rules.points = 10;
  return r;
}

inline ContestConfig team_config(std::vector<RoundConfig> rounds) {
  ContestConfig c;
  c.id = "test";
  c.name = "测试";
  c.format = ContestFormat::team;
  c.rounds = std::move(rounds);
  c.ranking = {{"points", scoring::Order::higher_first},
               {"correct", scoring::Order::higher_first},
               {"sudden_death", scoring::Order::higher_first}};
  return c;
}

inline ContestConfig player_config(ContestFormat f, int questions) {
  ContestConfig c;
  c.id = "test";
  c.name = "测试";
  c.format = f;
  c.question_count = questions;
  c.rules.points = 10;
  c.pass_mark = 60;
  c.ranking = {{"points", scoring::Order::higher_first}, {"total_time_ms", scoring::Order::lower_first}};
  return c;
}

// Runs intents at fake times and keeps every event.
struct Driver {
  State s;
  std::vector<Event> events;   // all so far
  std::vector<Event> last;     // of the latest intent
  std::vector<TimedIntent> log;

  Driver(ContestConfig config, std::vector<Question> p, int competitors, std::uint64_t seed = 42) {
    auto setup = std::make_shared<Setup>();
    setup->config = std::move(config);
    setup->paper = std::move(p);
    setup->seed = seed;
    for (int i = 0; i < competitors; ++i) setup->names.push_back("队" + std::to_string(i));
    s = start_state(setup);
  }

  const std::vector<Event>& run(Millis at, Intent in) {
    last.clear();
    log.push_back({at, in});
    reduce(s, in, at, last);
    events.insert(events.end(), last.begin(), last.end());
    return last;
  }
  // An intent filled from what the actor's screen shows now.
  const std::vector<Event>& act(Millis at, IntentKind kind, int actor = -1, int value = 0) {
    Intent in = make_intent(s, kind, actor);
    in.value = value;
    return run(at, in);
  }
  const std::vector<Event>& answer(Millis at, int actor, Response r) {
    Intent in = make_intent(s, IntentKind::answer, actor);
    in.response = std::move(r);
    return run(at, in);
  }
  // The correct option of the question on screen.
  int right_option() const { return s.setup->paper[static_cast<std::size_t>(s.question)].correct[0]; }
  int right_option(int player) const {
    return s.setup->paper[static_cast<std::size_t>(s.competitors[static_cast<std::size_t>(player)].question)].correct[0];
  }
  const Competitor& c(int i) const { return s.competitors[static_cast<std::size_t>(i)]; }
};

inline bool has(const std::vector<Event>& events, EventKind kind) {
  for (const auto& e : events)
    if (e.kind == kind) return true;
  return false;
}

inline const Event* find(const std::vector<Event>& events, EventKind kind) {
  for (const auto& e : events)
    if (e.kind == kind) return &e;
  return nullptr;
}

}  // namespace ankang::testing
