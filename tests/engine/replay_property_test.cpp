// Property: any intent log — sensible, random or hostile — replays to exactly
// the same state and events, also after a trip through the JSON Lines log.
#include <gtest/gtest.h>

#include "engine/simulate.h"
#include "engine_io/config_json.h"
#include "engine_io/log_io.h"
#include "mixed_paper.h"

namespace ankang::testing {
namespace {

constexpr IntentKind kAll[] = {IntentKind::start, IntentKind::tick, IntentKind::pause, IntentKind::resume,
                               IntentKind::next, IntentKind::reveal, IntentKind::open_buzzers, IntentKind::buzz,
                               IntentKind::answer, IntentKind::judge, IntentKind::choose_stake, IntentKind::pass,
                               IntentKind::submit, IntentKind::correct, IntentKind::undo, IntentKind::designate,
                               IntentKind::lifeline};

ContestConfig config_for(ContestFormat f) {
  if (f != ContestFormat::team) {
    auto c = player_config(f, 12);
    c.question_ms = 3000;
    c.paper_ms = f == ContestFormat::practice ? 0 : 30000;
    if (f == ContestFormat::distributed) c.members_per_team = 2;
    return c;
  }
  auto buzz = round_of(RoundKind::buzzer, 4);
  buzz.tie_window_ms = 300;
  buzz.pass_on_wrong = true;
  buzz.foul_penalty = 5;
  auto risk = round_of(RoundKind::risk, 1);
  risk.stakes = {10, 20};
  risk.stake_difficulty = {{1, 2}, {3, 4, 5}};
  risk.designate = true;
  auto speed = round_of(RoundKind::speed, 3);
  speed.duration_ms = 4000;
  auto tb = round_of(RoundKind::tiebreak, 3);
  tb.answer_ms = 2000;
  auto comp = round_of(RoundKind::compulsory, 1);
  comp.answer_ms = 2000;
  auto crowd = round_of(RoundKind::audience, 2);
  crowd.answer_ms = 3000;
  auto team = team_config({comp, buzz, crowd, risk, speed, tb});
  team.start_points = 100;
  team.lifelines = 2;
  team.lifeline_ms = 1000;
  return team;
}

// Random intents, mostly aimed at the current question so they get somewhere.
std::vector<TimedIntent> random_log(const std::shared_ptr<const Setup>& setup, std::uint64_t seed, int count) {
  Prng rng{seed};
  State s = start_state(setup);
  std::vector<TimedIntent> log;
  std::vector<Event> scratch;
  const int n = static_cast<int>(setup->names.size());
  Millis t = 0;
  for (int i = 0; i < count; ++i) {
    t += rng.between(0, 1500);
    const IntentKind kind = kAll[rng.below(std::size(kAll))];
    const int actor = static_cast<int>(rng.between(-1, n));  // n: an unknown actor
    Intent in = make_intent(s, kind, std::min(actor, n - 1));
    in.actor = actor;
    if (rng.below(8) == 0) in.attempt += static_cast<int>(rng.between(-2, 2));  // stale taps
    in.value = static_cast<int>(rng.between(0, 25));
    if (in.question >= 0 && rng.below(2) == 0) {
      const Question& q = setup->paper[static_cast<std::size_t>(in.question)];
      in.response = rng.below(2) ? correct_response(q) : wrong_response(q);
    } else {
      in.response.choices = rng.below(16);
    }
    if (rng.below(4) == 0) in.reason = "理由" + std::to_string(i);
    scratch.clear();
    reduce(s, in, t, scratch);
    log.push_back({t, std::move(in)});
  }
  return log;
}

class ReplayProperty : public ::testing::TestWithParam<ContestFormat> {};

TEST_P(ReplayProperty, RandomLogsReplayExactlyAndSurviveTheLogFile) {
  auto setup = std::make_shared<ankang::Setup>();
  setup->config = config_for(GetParam());
  setup->paper = mixed_paper(60);
  setup->seed = 99;
  for (int i = 0; i < 4; ++i) setup->names.push_back("P" + std::to_string(i));
  ASSERT_TRUE(validate(*setup).empty());

  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    const auto log = random_log(setup, seed, 400);
    std::vector<Event> first, second;
    const State a = replay(setup, log, &first);
    const State b = replay(setup, log, &second);
    ASSERT_EQ(a, b) << "seed " << seed;
    ASSERT_EQ(first, second) << "seed " << seed;

    std::string text = io::log_header_line(*setup);
    for (const auto& t : log) text += io::log_intent_line(t);
    const auto read = io::read_log("random.log", text);
    ASSERT_EQ(read.intents, log) << "seed " << seed;
    std::vector<Event> third;
    const State c = replay(std::make_shared<ankang::Setup>(read.setup), read.intents, &third);
    ASSERT_EQ(third, first) << "seed " << seed;
    ASSERT_EQ(c.competitors, a.competitors) << "seed " << seed;
  }
}

TEST_P(ReplayProperty, SimulatedContestsFinishAndReplay) {
  auto setup = std::make_shared<ankang::Setup>();
  setup->config = config_for(GetParam());
  setup->paper = mixed_paper(60);
  for (int i = 0; i < 4; ++i) setup->names.push_back("P" + std::to_string(i));
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    setup->seed = seed;
    SimOptions opt;
    opt.seed = seed * 7;
    const Simulation sim = simulate(setup, opt);
    EXPECT_TRUE(finished(sim.state)) << "seed " << seed;
    EXPECT_EQ(replay(setup, sim.log, nullptr), sim.state) << "seed " << seed;
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, ReplayProperty,
                         ::testing::Values(ContestFormat::team, ContestFormat::timed_test, ContestFormat::practice,
                                           ContestFormat::distributed));

}  // namespace
}  // namespace ankang::testing
