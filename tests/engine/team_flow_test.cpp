// Team contest rounds and host controls, with a fake clock and fixed seeds.
#include <gtest/gtest.h>

#include "fixtures.h"

namespace ankang::testing {
namespace {

Intent tick() { return Intent{IntentKind::tick, -1, -1, -1, 0, {}, {}}; }

TEST(Compulsory, TeamsInTurnWithMemberRotation) {
  auto r = round_of(RoundKind::compulsory, 2);
  r.rotate_members = true;
  auto cfg = team_config({r});
  cfg.members_per_team = 3;
  Driver d(cfg, paper(6), 3);
  d.act(0, IntentKind::start);
  EXPECT_EQ(view(d.s, -1, 0).phase, Phase::round_intro);
  EXPECT_EQ(view(d.s, -1, 0).round_name, "必答题");
  std::vector<int> turns, members;
  for (int i = 0; i < 6; ++i) {
    d.act(1000 + i * 10000, IntentKind::next);
    turns.push_back(d.s.turn);
    members.push_back(d.s.member);
    const int t = d.s.turn;
    d.answer(2000 + i * 10000, t, pick(d.right_option()));
  }
  EXPECT_EQ(turns, (std::vector<int>{0, 1, 2, 0, 1, 2}));
  EXPECT_EQ(members, (std::vector<int>{0, 0, 0, 1, 1, 1}));
  for (int t = 0; t < 3; ++t) EXPECT_EQ(d.c(t).points, 20);
  const auto& end = d.act(70000, IntentKind::next);
  EXPECT_TRUE(has(end, EventKind::round_finished));
  EXPECT_TRUE(has(end, EventKind::finished));
}

TEST(Compulsory, OtherTeamsCannotAnswerAndTimeoutCosts) {
  auto r = round_of(RoundKind::compulsory, 1);
  r.rules.wrong_penalty = 5;
  Driver d(team_config({r}), paper(2), 2);
  d.act(0, IntentKind::start);
  d.act(0, IntentKind::next);
  EXPECT_EQ(d.answer(100, 1, pick(0))[0].reason, Reject::locked_out);
  const auto& ev = d.run(10001, tick());
  const Event* out = find(ev, EventKind::timed_out);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(out->at, 10000);
  EXPECT_EQ(d.c(0).points, -5);
  EXPECT_EQ(d.s.phase, Phase::resolved);
}

RoundConfig buzzer(int questions, Millis window, bool pass_on_wrong) {
  auto r = round_of(RoundKind::buzzer, questions);
  r.tie_window_ms = window;
  r.foul_penalty = 5;
  r.rules.wrong_penalty = 10;
  r.pass_on_wrong = pass_on_wrong;
  return r;
}

TEST(Buzzer, EarlyBuzzIsAFoulAndLocksTheTeamOut) {
  Driver d(team_config({buzzer(1, 0, true)}), paper(1), 3);
  d.act(0, IntentKind::start);
  d.act(100, IntentKind::next);
  EXPECT_EQ(d.s.phase, Phase::reading);
  const auto& foul = d.act(200, IntentKind::buzz, 1);
  ASSERT_TRUE(has(foul, EventKind::foul));
  EXPECT_EQ(d.c(1).points, -5);
  EXPECT_EQ(d.c(1).fouls, 1);
  d.act(300, IntentKind::open_buzzers);
  EXPECT_EQ(d.act(400, IntentKind::buzz, 1)[0].reason, Reject::locked_out);
  const auto& win = d.act(500, IntentKind::buzz, 2);
  const Event* res = find(win, EventKind::buzz_resolved);
  ASSERT_NE(res, nullptr);
  EXPECT_EQ(res->actor, 2);
  EXPECT_EQ(res->value, 1);
}

TEST(Buzzer, PressesInsideTheTieWindowAreDrawnBySeed) {
  std::vector<int> winners;
  for (std::uint64_t seed : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u}) {
    Driver d(team_config({buzzer(1, 100, false)}), paper(1), 4, seed);
    d.act(0, IntentKind::start);
    d.act(0, IntentKind::next);
    d.act(1000, IntentKind::open_buzzers);
    d.act(1500, IntentKind::buzz, 0);
    d.act(1550, IntentKind::buzz, 3);
    d.act(1600, IntentKind::buzz, 1);   // exactly at the window's edge: tied
    const auto& late = d.act(1601, IntentKind::buzz, 2);  // outside: the draw happens first
    const Event* res = find(late, EventKind::buzz_resolved);
    ASSERT_NE(res, nullptr);
    EXPECT_EQ(res->value, 3);
    EXPECT_EQ(res->at, 1600);
    EXPECT_EQ(late.back().reason, Reject::stale);
    EXPECT_NE(res->actor, 2);
    winners.push_back(res->actor);
    EXPECT_EQ(d.s.deadline, 1600 + 10000);
  }
  // Fair: over eight seeds, more than one tied team wins.
  std::sort(winners.begin(), winners.end());
  EXPECT_GT(std::unique(winners.begin(), winners.end()) - winners.begin(), 1);
}

TEST(Buzzer, WrongAnswerPassesToTheOthersAndAllWrongCloses) {
  Driver d(team_config({buzzer(1, 0, true)}), paper(1), 3);
  d.act(0, IntentKind::start);
  d.act(0, IntentKind::next);
  const int wrong = (d.right_option() + 1) % 4;
  d.act(1000, IntentKind::open_buzzers);
  for (int t : {0, 1, 2}) {
    d.act(2000 + t * 1000, IntentKind::buzz, t);
    EXPECT_EQ(d.s.turn, t);
    d.answer(2500 + t * 1000, t, pick(wrong));
  }
  EXPECT_EQ(d.s.phase, Phase::resolved);
  for (int t : {0, 1, 2}) EXPECT_EQ(d.c(t).points, -10);
  const View host = view(d.s, -1, 6000);
  EXPECT_TRUE(host.allows(IntentKind::reveal));
  d.act(6000, IntentKind::reveal);
  EXPECT_TRUE(view(d.s, -1, 6000).revealed);
}

TEST(Risk, StakesWinLoseAndDecline) {
  auto r = round_of(RoundKind::risk, 1);
  r.stakes = {10, 20, 30};
  Driver d(team_config({r}), paper(3), 3);
  d.act(0, IntentKind::start);
  d.act(0, IntentKind::next);
  EXPECT_EQ(d.act(100, IntentKind::choose_stake, 0, 25)[0].reason, Reject::bad_value);
  d.act(200, IntentKind::choose_stake, 0, 30);
  d.answer(300, 0, pick(d.right_option()));
  d.act(400, IntentKind::next);
  d.act(500, IntentKind::choose_stake, 1, 20);
  d.answer(600, 1, pick((d.right_option() + 1) % 4));
  d.act(700, IntentKind::next);
  const auto& decline = d.act(800, IntentKind::choose_stake, 2, 0);
  EXPECT_TRUE(has(decline, EventKind::question_closed));
  EXPECT_EQ(d.c(0).points, 30);
  EXPECT_EQ(d.c(1).points, -20);
  EXPECT_EQ(d.c(2).points, 0);
}

TEST(Speed, AsManyAsPossibleInTheTime) {
  auto r = round_of(RoundKind::speed, 5);
  r.duration_ms = 10000;
  Driver d(team_config({r}), paper(10), 2);
  d.act(0, IntentKind::start);
  d.act(0, IntentKind::next);
  d.answer(2000, 0, pick(d.right_option()));
  d.act(3000, IntentKind::pass, 0);
  d.answer(4000, 0, pick(d.right_option()));
  const auto& ev = d.answer(10500, 0, pick(d.right_option()));  // after the turn ended
  EXPECT_TRUE(has(ev, EventKind::timed_out));
  EXPECT_EQ(ev.back().reason, Reject::stale);
  EXPECT_EQ(d.c(0).points, 20);
  d.act(11000, IntentKind::next);
  EXPECT_EQ(d.s.turn, 1);
  for (int i = 0; i < 5; ++i) d.answer(12000 + i * 100, 1, pick(d.right_option()));
  EXPECT_EQ(d.c(1).points, 50);
  EXPECT_EQ(d.s.phase, Phase::resolved);  // the five questions ran out before the time
}

TEST(HostControls, PauseStopsTheClockAndJudgeCorrectUndoAreAudited) {
  auto r = round_of(RoundKind::compulsory, 1);
  Driver d(team_config({r}), paper(2), 2);
  d.act(0, IntentKind::start);
  d.act(0, IntentKind::next);  // team 0, deadline 10000
  d.act(4000, IntentKind::pause);
  EXPECT_EQ(d.act(5000, IntentKind::judge, 0, 1)[0].reason, Reject::paused);
  d.act(64000, IntentKind::resume);
  EXPECT_EQ(d.s.deadline, 70000);
  EXPECT_EQ(view(d.s, -1, 64000).remaining_ms, 6000);
  Intent judge = make_intent(d.s, IntentKind::judge, 0);
  judge.value = 0;
  judge.reason = "口述答案不完整";
  const auto& j = d.run(65000, judge);
  const Event* sc = find(j, EventKind::scored);
  ASSERT_NE(sc, nullptr);
  EXPECT_EQ(sc->intent, IntentKind::judge);
  EXPECT_EQ(sc->note, "口述答案不完整");
  EXPECT_EQ(d.c(0).points, 0);

  Intent fix = make_intent(d.s, IntentKind::correct, -1);
  fix.reason = "复核录像，答案正确";
  const auto& c = d.run(66000, fix);
  ASSERT_EQ(c[0].kind, EventKind::corrected);
  EXPECT_EQ(c[0].points, 10);
  EXPECT_EQ(c[0].note, "复核录像，答案正确");
  EXPECT_EQ(d.c(0).points, 10);
  EXPECT_EQ(d.c(0).correct, 1);

  Intent undo = make_intent(d.s, IntentKind::undo, -1);
  undo.reason = "误操作";
  EXPECT_EQ(d.run(67000, undo)[0].points, -10);
  EXPECT_EQ(d.c(0).points, 0);
  EXPECT_EQ(d.c(0).answered, 0);
  undo.attempt = d.s.attempt;
  EXPECT_EQ(d.run(68000, undo)[0].reason, Reject::nothing_to_undo);
}

TEST(Tiebreak, SuddenDeathUntilBrokenAndUndoReopensIt) {
  auto r = round_of(RoundKind::compulsory, 1);
  auto tb = round_of(RoundKind::tiebreak, 5);
  Driver d(team_config({r, tb}), paper(10), 3);
  d.act(0, IntentKind::start);
  for (int t = 0; t < 3; ++t) {
    d.act(1000 + t * 1000, IntentKind::next);
    d.answer(1500 + t * 1000, t, pick(t == 2 ? (d.right_option() + 1) % 4 : d.right_option()));
  }
  const auto& to_tb = d.act(5000, IntentKind::next);
  const Event* need = find(to_tb, EventKind::tiebreak_needed);
  ASSERT_NE(need, nullptr);
  EXPECT_EQ(need->value, 2);
  EXPECT_EQ(d.s.tied, 0b011u);

  // Both right: still tied, another question.
  d.act(6000, IntentKind::next);
  EXPECT_EQ(view(d.s, 2, 6000).allows(IntentKind::answer), false);
  d.answer(6500, 0, pick(d.right_option()));
  d.answer(6600, 1, pick(d.right_option()));
  EXPECT_FALSE(d.s.tiebreak_over);
  d.act(7000, IntentKind::next);
  d.answer(7500, 0, pick(d.right_option()));
  const auto& broke = d.answer(7600, 1, pick((d.right_option() + 1) % 4));
  EXPECT_TRUE(has(broke, EventKind::tie_broken));
  EXPECT_TRUE(has(d.act(8000, IntentKind::next), EventKind::finished));

  // The host corrects the deciding judgement (team 1 was right after all).
  Intent fix = make_intent(d.s, IntentKind::correct, -1);
  fix.reason = "答案也对";
  const auto& c = d.run(9000, fix);
  EXPECT_TRUE(has(c, EventKind::tiebreak_needed));  // tied again: play on
  EXPECT_EQ(d.s.phase, Phase::resolved);
  Intent undo = make_intent(d.s, IntentKind::undo, -1);
  const auto& u = d.run(9500, undo);
  EXPECT_TRUE(has(u, EventKind::tie_broken));  // team 1's answer taken back: 0 leads again
  EXPECT_EQ(d.c(0).sudden_death, 2);
  EXPECT_EQ(d.c(1).sudden_death, 1);
  EXPECT_TRUE(has(d.act(9600, IntentKind::next), EventKind::finished));
}

TEST(Tiebreak, AllTiedTeamsWrongPlaysOn) {
  auto tb = round_of(RoundKind::tiebreak, 2);
  Driver d(team_config({round_of(RoundKind::compulsory, 1), tb}), paper(10), 2);
  d.act(0, IntentKind::start);
  for (int t = 0; t < 2; ++t) {
    d.act(1000 + t * 1000, IntentKind::next);
    d.answer(1500 + t * 1000, t, pick(d.right_option()));
  }
  d.act(4000, IntentKind::next);
  for (int q = 0; q < 2; ++q) {
    d.act(5000 + q * 1000, IntentKind::next);
    d.answer(5100 + q * 1000, 0, pick((d.right_option() + 1) % 4));
    d.answer(5200 + q * 1000, 1, pick((d.right_option() + 1) % 4));
    EXPECT_FALSE(d.s.tiebreak_over);
  }
  // Out of tiebreak questions: the contest ends with the tie standing.
  EXPECT_TRUE(has(d.act(8000, IntentKind::next), EventKind::finished));
}

}  // namespace
}  // namespace ankang::testing

namespace ankang::testing {
namespace {

TEST(EdgeCases, TeamAnswerInTheDeadlineMillisecondCountsOneLaterIsStale) {
  auto r = round_of(RoundKind::compulsory, 1);
  Driver d(team_config({r}), paper(2), 2);
  d.act(0, IntentKind::start);
  d.act(1000, IntentKind::next);  // deadline 11000
  Intent late = make_intent(d.s, IntentKind::answer, 0);
  late.response = pick(d.right_option());
  const auto& on_time = d.answer(11000, 0, pick(d.right_option()));
  EXPECT_TRUE(has(on_time, EventKind::scored));
  EXPECT_FALSE(has(on_time, EventKind::timed_out));
  EXPECT_EQ(d.c(0).points, 10);

  d.act(12000, IntentKind::next);  // team 1, deadline 22000
  Intent one_late = make_intent(d.s, IntentKind::answer, 1);
  one_late.response = pick(d.right_option());
  const auto& ev = d.run(22001, one_late);
  EXPECT_TRUE(has(ev, EventKind::timed_out));
  EXPECT_EQ(ev.back().reason, Reject::stale);
  EXPECT_EQ(d.c(1).points, 0);
}

TEST(EdgeCases, ViewsSayWhoMayDoWhat) {
  auto buzz = round_of(RoundKind::buzzer, 1);
  Driver d(team_config({buzz}), paper(1), 3);
  EXPECT_TRUE(view(d.s, -1, 0).allows(IntentKind::start));
  EXPECT_FALSE(view(d.s, 0, 0).allows(IntentKind::start));
  d.act(0, IntentKind::start);
  d.act(0, IntentKind::next);
  d.act(10, IntentKind::open_buzzers);
  EXPECT_EQ(view(d.s, -1, 10).may_buzz, 0b111u);
  EXPECT_TRUE(view(d.s, 1, 10).allows(IntentKind::buzz));
  d.act(20, IntentKind::buzz, 1);
  const View host = view(d.s, -1, 5020);
  EXPECT_EQ(host.turn, 1);
  EXPECT_EQ(host.remaining_ms, 5000);
  EXPECT_TRUE(host.allows(IntentKind::judge));
  EXPECT_TRUE(view(d.s, 1, 20).allows(IntentKind::answer));
  EXPECT_FALSE(view(d.s, 2, 20).allows(IntentKind::answer));
  EXPECT_EQ(view(d.s, 40, 20).allowed, 0u);  // no such team
  EXPECT_EQ(view(d.s, -1, 20).q->id, "q-0");
}

}  // namespace
}  // namespace ankang::testing
