// Rules of on-site contests: a starting score, per-round question sources,
// risk stakes tied to difficulty, designating another team, unscored audience
// rounds and lifelines. Each is played with a fake clock, then its log is
// written as a contest log, read back and replayed to the same standings.
#include <gtest/gtest.h>

#include "engine/standings.h"
#include "engine_io/log_io.h"
#include "fixtures.h"

namespace ankang::testing {
namespace {

// The driver's log, through the JSON Lines file, replayed: the same state,
// events and standings as played.
void expect_replays(const Driver& d) {
  std::string text = io::log_header_line(*d.s.setup);
  for (const auto& t : d.log) text += io::log_intent_line(t);
  const auto read = io::read_log("onsite.log", text);
  ASSERT_EQ(read.intents, d.log);
  std::vector<Event> events;
  const State again = replay(std::make_shared<Setup>(read.setup), read.intents, &events);
  EXPECT_EQ(events, d.events);
  EXPECT_EQ(again.competitors, d.s.competitors);
  EXPECT_EQ(standings(again), standings(d.s));
}

TEST(StartPoints, EveryTeamStartsWithThemAndLosesFromThem) {
  auto risk = round_of(RoundKind::risk, 1);
  risk.stakes = {10, 20, 30};
  auto cfg = team_config({risk});
  cfg.start_points = 100;
  Driver d(cfg, paper(3), 3);
  for (int t = 0; t < 3; ++t) EXPECT_EQ(d.c(t).points, 100);
  EXPECT_EQ(view(d.s, 1, 0).points, 100);
  d.act(0, IntentKind::start);
  d.act(100, IntentKind::next);
  d.act(200, IntentKind::choose_stake, 0, 30);
  d.answer(300, 0, pick((d.right_option() + 1) % 4));
  EXPECT_EQ(d.c(0).points, 70);
  const auto& undone = d.act(400, IntentKind::undo);
  ASSERT_TRUE(has(undone, EventKind::undone));
  EXPECT_EQ(d.c(0).points, 100);  // back to the start, not to 0
  d.act(500, IntentKind::next);
  d.act(600, IntentKind::choose_stake, 1, 20);
  d.answer(700, 1, pick(d.right_option()));
  d.act(800, IntentKind::next);
  d.act(900, IntentKind::choose_stake, 2, 0);
  EXPECT_EQ(d.c(1).points, 120);
  EXPECT_EQ(d.c(2).points, 100);
  const auto ranked = standings(d.s);
  EXPECT_EQ(ranked.front().index, 1);
  EXPECT_EQ(ranked.front().points, 120);
  expect_replays(d);
}

TEST(StartPoints, OnlyATeamContestHasThemAndTheyAreBounded) {
  auto cfg = team_config({round_of(RoundKind::compulsory, 1)});
  cfg.start_points = -1;
  ASSERT_FALSE(validate(cfg).empty());
  EXPECT_EQ(validate(cfg).front().field, "start_points");
  cfg.start_points = 100;
  EXPECT_TRUE(validate(cfg).empty());
  auto test = player_config(ContestFormat::timed_test, 5);
  test.start_points = 100;
  ASSERT_EQ(validate(test).size(), 1u);
  EXPECT_EQ(validate(test).front().field, "start_points");
  EXPECT_EQ(validate(test).front().message.zh, "只有班组赛有起始分");
}

}  // namespace
}  // namespace ankang::testing
