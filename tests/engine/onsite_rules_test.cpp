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

// Starts the contest and plays its first round, one compulsory question per
// team at 100 ms steps, each team answering right or wrong as given.
void start_with_compulsory(Driver& d, std::initializer_list<bool> right) {
  d.act(0, IntentKind::start);
  Millis t = 100;
  int team = 0;
  for (bool r : right) {
    d.act(t, IntentKind::next);
    d.answer(t + 100, team++, pick(r ? d.right_option() : (d.right_option() + 1) % 4));
    t += 200;
  }
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

TEST(RoundSources, EachRoundTakesItsOwnPartOfThePaper) {
  auto comp = round_of(RoundKind::compulsory, 1);
  auto speed = round_of(RoundKind::speed, 3);
  speed.duration_ms = 5000;
  auto buzz = round_of(RoundKind::buzzer, 1);
  const auto cfg = team_config({comp, speed, buzz});
  EXPECT_EQ(round_paper_start(cfg, 2, 0), 0);
  EXPECT_EQ(round_paper_start(cfg, 2, 1), 2);
  EXPECT_EQ(round_paper_start(cfg, 2, 2), 8);
  EXPECT_EQ(questions_needed(cfg, 2), 9);
  Driver d(cfg, paper(9), 2);
  start_with_compulsory(d, {true, true});
  d.act(500, IntentKind::next);  // the speed round
  d.act(600, IntentKind::next);
  EXPECT_EQ(d.s.question, 2);
  d.answer(700, 0, pick(d.right_option()));  // then team 0's time runs out
  d.run(6000, Intent{});
  d.act(6100, IntentKind::next);
  EXPECT_EQ(d.s.turn, 1);
  EXPECT_EQ(d.s.question, 4);  // team 1 goes on in the speed round's part
  d.run(12000, Intent{});
  d.act(12100, IntentKind::next);  // the buzzer round
  d.act(12200, IntentKind::next);
  EXPECT_EQ(d.s.question, 8);  // its own part, whatever the speed round left over
  EXPECT_EQ(view(d.s, -1, 12200).q->id, "q-8");
  d.act(12300, IntentKind::open_buzzers);
  d.act(12400, IntentKind::buzz, 1);
  d.answer(12500, 1, pick(d.right_option()));
  d.act(12600, IntentKind::next);
  EXPECT_TRUE(finished(d.s));
  EXPECT_EQ(d.c(0).points, 20);
  EXPECT_EQ(d.c(1).points, 20);
  expect_replays(d);
}

TEST(RoundSources, CategoriesTypesAndDifficultiesAreChecked) {
  auto r = round_of(RoundKind::compulsory, 1);
  r.categories = {"职业病防治", "", "职业病防治"};
  r.types = {QuestionType::single, QuestionType::single};
  r.difficulty = {0, 2, 2};
  std::vector<std::string> fields;
  for (const auto& p : validate(team_config({r}))) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"rounds[0].categories[1]", "rounds[0].categories[2]", "rounds[0].types[1]",
                                              "rounds[0].difficulty", "rounds[0].difficulty"}));
  r.categories = {"职业病防治/粉尘", "安全生产法"};
  r.types = {QuestionType::single, QuestionType::true_false};
  r.difficulty = {1, 2};
  EXPECT_TRUE(validate(team_config({r})).empty());
}

// A risk round whose stakes 10/20/30 are tied to easy/medium/hard questions:
// its part of the paper holds, per stake, a question for every turn.
RoundConfig tied_risk() {
  auto r = round_of(RoundKind::risk, 1);
  r.stakes = {10, 20, 30};
  r.stake_difficulty = {{1, 2}, {3}, {4, 5}};
  return r;
}

std::vector<Question> tied_paper(int teams) {
  std::vector<Question> p;
  for (int level = 0; level < 3; ++level)
    for (int t = 0; t < teams; ++t) {
      Question q = choice_question(level * 10 + t, t % 4);
      q.difficulty = level * 2 + 1;
      p.push_back(q);
    }
  return p;
}

TEST(RiskByDifficulty, ThePickedStakeDrawsItsQuestion) {
  const auto cfg = team_config({tied_risk()});
  EXPECT_EQ(questions_needed(cfg, 3), 9);
  Driver d(cfg, tied_paper(3), 3);
  d.act(0, IntentKind::start);
  d.act(100, IntentKind::next);
  EXPECT_EQ(d.s.phase, Phase::choosing_stake);
  EXPECT_EQ(view(d.s, -1, 100).q, nullptr);  // nothing to see before the stake
  EXPECT_EQ(d.act(150, IntentKind::choose_stake, 0, 15)[0].reason, Reject::bad_value);
  const auto& chosen = d.act(200, IntentKind::choose_stake, 0, 30);
  const Event* shown = find(chosen, EventKind::question_shown);
  ASSERT_NE(shown, nullptr);
  EXPECT_EQ(shown->question, 6);  // the first hard question
  EXPECT_EQ(view(d.s, 0, 200).q->difficulty, 5);
  d.answer(300, 0, pick(d.right_option()));
  d.act(400, IntentKind::next);
  d.act(500, IntentKind::choose_stake, 1, 30);
  EXPECT_EQ(d.s.question, 7);  // the next hard one, not the one team 0 had
  d.answer(600, 1, pick((d.right_option() + 1) % 4));
  d.act(700, IntentKind::next);
  d.act(800, IntentKind::choose_stake, 2, 10);
  EXPECT_EQ(d.s.question, 0);
  EXPECT_EQ(view(d.s, 2, 800).q->difficulty, 1);
  d.answer(900, 2, pick(d.right_option()));
  EXPECT_EQ(d.c(0).points, 30);
  EXPECT_EQ(d.c(1).points, -30);
  EXPECT_EQ(d.c(2).points, 10);
  d.act(1000, IntentKind::next);
  EXPECT_TRUE(finished(d.s));
  expect_replays(d);
}

TEST(RiskByDifficulty, DecliningUsesNoQuestion) {
  Driver d(team_config({tied_risk()}), tied_paper(2), 2);
  d.act(0, IntentKind::start);
  d.act(100, IntentKind::next);
  const auto& declined = d.act(200, IntentKind::choose_stake, 0, 0);
  EXPECT_TRUE(has(declined, EventKind::question_closed));
  EXPECT_FALSE(has(declined, EventKind::question_shown));
  EXPECT_EQ(d.act(300, IntentKind::reveal)[0].reason, Reject::not_now);  // nothing was shown
  d.act(400, IntentKind::next);
  d.act(500, IntentKind::choose_stake, 1, 10);
  EXPECT_EQ(d.s.question, 0);  // the easy question nobody used
  expect_replays(d);
}

TEST(RiskByDifficulty, EveryStakeNeedsItsDifficulties) {
  auto r = tied_risk();
  r.stake_difficulty = {{1}, {3}};
  EXPECT_EQ(validate(team_config({r})).front().field, "rounds[0].stake_difficulty");
  r.stake_difficulty = {{1}, {}, {4, 6}};
  std::vector<std::string> fields;
  for (const auto& p : validate(team_config({r}))) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"rounds[0].stake_difficulty[1]", "rounds[0].stake_difficulty[2]"}));
  auto buzz = round_of(RoundKind::buzzer, 1);
  buzz.stake_difficulty = {{1}};
  EXPECT_EQ(validate(team_config({buzz})).front().field, "rounds[0].stake_difficulty");
}

RoundConfig designating_risk() {
  auto r = round_of(RoundKind::risk, 1);
  r.stakes = {10, 20, 30};
  r.designate = true;
  return r;
}

TEST(RiskDesignate, RightTheDesignatedTeamGainsWrongTheDesignatingTeamGains) {
  auto cfg = team_config({designating_risk()});
  cfg.start_points = 100;
  Driver d(cfg, paper(3), 3);
  d.act(0, IntentKind::start);
  d.act(100, IntentKind::next);
  d.act(200, IntentKind::choose_stake, 0, 20);
  EXPECT_TRUE(view(d.s, 0, 200).allows(IntentKind::designate));
  EXPECT_FALSE(view(d.s, 1, 200).allows(IntentKind::designate));
  EXPECT_EQ(d.act(300, IntentKind::designate, 0, 0)[0].reason, Reject::bad_value);  // not itself
  EXPECT_EQ(d.act(300, IntentKind::designate, 1, 2)[0].reason, Reject::locked_out);  // not its turn
  const auto& named = d.act(400, IntentKind::designate, 0, 2);
  const Event* ev = find(named, EventKind::designated);
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->actor, 0);
  EXPECT_EQ(ev->value, 2);
  EXPECT_EQ(view(d.s, -1, 400).turn, 2);
  EXPECT_EQ(view(d.s, -1, 400).designator, 0);
  EXPECT_EQ(d.answer(500, 0, pick(d.right_option()))[0].reason, Reject::locked_out);  // it passed the question on
  EXPECT_EQ(d.act(500, IntentKind::designate, 2, 1)[0].reason, Reject::not_now);  // once per question
  d.answer(600, 2, pick(d.right_option()));
  EXPECT_EQ(d.c(2).points, 120);
  EXPECT_EQ(d.c(0).points, 100);

  d.act(700, IntentKind::next);
  d.act(800, IntentKind::choose_stake, 1, 30);
  d.act(900, IntentKind::designate, 1, 0);
  const auto& wrong = d.answer(1000, 0, pick((d.right_option() + 1) % 4));
  const Event* won = find(wrong, EventKind::awarded);
  ASSERT_NE(won, nullptr);
  EXPECT_EQ(won->actor, 1);
  EXPECT_EQ(won->points, 30);
  EXPECT_EQ(d.c(0).points, 100);  // the designated team loses nothing
  EXPECT_EQ(d.c(1).points, 130);
  EXPECT_EQ(d.c(0).answered, 1);  // the answer counts for the team that gave it

  // The host corrects the judgement: the stake moves to the designated team.
  const auto& fixed = d.act(1100, IntentKind::correct);
  std::vector<std::pair<int, int>> changes;
  for (const auto& e : fixed)
    if (e.kind == EventKind::corrected) changes.emplace_back(e.actor, e.points);
  EXPECT_EQ(changes, (std::vector<std::pair<int, int>>{{0, 30}, {1, -30}}));
  EXPECT_EQ(d.c(0).points, 130);
  EXPECT_EQ(d.c(1).points, 100);
  d.act(1200, IntentKind::undo);
  EXPECT_EQ(d.c(0).points, 100);
  EXPECT_EQ(d.c(1).points, 100);
  expect_replays(d);
}

TEST(RiskDesignate, OnlyWhenTheRoundAllowsIt) {
  auto r = round_of(RoundKind::risk, 1);
  r.stakes = {10};
  Driver d(team_config({r}), paper(2), 2);
  d.act(0, IntentKind::start);
  d.act(100, IntentKind::next);
  d.act(200, IntentKind::choose_stake, 0, 10);
  EXPECT_FALSE(view(d.s, 0, 200).allows(IntentKind::designate));
  EXPECT_EQ(d.act(300, IntentKind::designate, 0, 1)[0].reason, Reject::not_now);
  auto buzz = round_of(RoundKind::buzzer, 1);
  buzz.designate = true;
  EXPECT_EQ(validate(team_config({buzz})).front().field, "rounds[0].designate");
}

TEST(Audience, QuestionsForTheAudienceScoreNothing) {
  auto comp = round_of(RoundKind::compulsory, 1);
  auto crowd = round_of(RoundKind::audience, 2);
  crowd.answer_ms = 5000;
  auto cfg = team_config({comp, crowd});
  cfg.start_points = 50;
  EXPECT_EQ(questions_needed(cfg, 2), 4);
  Driver d(cfg, paper(4), 2);
  start_with_compulsory(d, {true, false});
  d.act(500, IntentKind::next);
  EXPECT_EQ(view(d.s, -1, 500).round_name, "互动题");
  d.act(600, IntentKind::next);
  const View shown = view(d.s, -1, 600);
  EXPECT_EQ(shown.phase, Phase::answering);
  EXPECT_EQ(shown.turn, -1);
  ASSERT_NE(shown.q, nullptr);
  EXPECT_TRUE(shown.allows(IntentKind::next));
  EXPECT_FALSE(shown.allows(IntentKind::judge));
  EXPECT_FALSE(view(d.s, 0, 600).allows(IntentKind::answer));
  EXPECT_EQ(d.answer(700, 0, pick(d.right_option()))[0].reason, Reject::not_now);
  EXPECT_EQ(d.act(700, IntentKind::judge, -1, 1)[0].reason, Reject::unknown_actor);
  // The audience's time runs out; the host reveals and moves on.
  const auto& over = d.run(5601, Intent{});
  ASSERT_TRUE(has(over, EventKind::question_closed));
  EXPECT_EQ(find(over, EventKind::question_closed)->at, 5600);
  EXPECT_FALSE(has(over, EventKind::scored));
  d.act(5700, IntentKind::reveal);
  d.act(5800, IntentKind::next);
  d.act(6000, IntentKind::next);  // the host closes the second one early
  EXPECT_EQ(d.s.phase, Phase::resolved);
  d.act(6100, IntentKind::next);
  EXPECT_TRUE(finished(d.s));
  EXPECT_EQ(d.c(0).points, 60);
  EXPECT_EQ(d.c(1).points, 50);
  EXPECT_EQ(d.c(0).answered + d.c(1).answered, 2);
  expect_replays(d);
}

TEST(Lifeline, CountedPerTeamOncePerQuestionWithExtraTime) {
  auto comp = round_of(RoundKind::compulsory, 2);
  auto cfg = team_config({comp});
  cfg.lifelines = 1;
  cfg.lifeline_ms = 15000;
  Driver d(cfg, paper(4), 2);
  d.act(0, IntentKind::start);
  d.act(100, IntentKind::next);  // team 0, answer by 10100
  EXPECT_EQ(view(d.s, 0, 100).lifelines_left, 1);
  EXPECT_TRUE(view(d.s, 0, 100).allows(IntentKind::lifeline));
  EXPECT_FALSE(view(d.s, 1, 100).allows(IntentKind::lifeline));
  EXPECT_EQ(d.act(200, IntentKind::lifeline, 1)[0].reason, Reject::not_now);  // not its question
  const auto& used = d.act(300, IntentKind::lifeline, 0);
  const Event* ev = find(used, EventKind::lifeline_used);
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->value, 0);
  EXPECT_EQ(ev->extra, 15000);
  EXPECT_EQ(view(d.s, 0, 300).remaining_ms, 24800);
  EXPECT_EQ(d.act(400, IntentKind::lifeline, 0)[0].reason, Reject::duplicate);
  d.answer(20000, 0, pick(d.right_option()));  // in the added time
  EXPECT_EQ(d.c(0).points, 10);
  d.act(20100, IntentKind::next);  // team 1
  d.act(20200, IntentKind::lifeline, 1);
  d.answer(20300, 1, pick(d.right_option()));
  d.act(20400, IntentKind::next);  // team 0 again: none left
  EXPECT_FALSE(view(d.s, 0, 20400).allows(IntentKind::lifeline));
  EXPECT_EQ(d.act(20500, IntentKind::lifeline, 0)[0].reason, Reject::none_left);
  EXPECT_EQ(d.c(0).lifelines_used, 1);
  EXPECT_EQ(d.c(1).lifelines_used, 1);
  expect_replays(d);
}

TEST(Lifeline, OnlyForTeamsAndChecked) {
  auto cfg = team_config({round_of(RoundKind::compulsory, 1)});
  cfg.lifelines = -1;
  EXPECT_EQ(validate(cfg).front().field, "lifelines");
  cfg.lifelines = 0;
  cfg.lifeline_ms = 5000;
  EXPECT_EQ(validate(cfg).front().field, "lifeline_ms");
  auto test = player_config(ContestFormat::timed_test, 5);
  test.lifelines = 2;
  EXPECT_EQ(validate(test).front().field, "lifelines");
  Driver d(team_config({round_of(RoundKind::compulsory, 1)}), paper(2), 2);
  d.act(0, IntentKind::start);
  d.act(100, IntentKind::next);
  EXPECT_EQ(d.act(200, IntentKind::lifeline, 0)[0].reason, Reject::not_now);  // the config gives none
}

TEST(OnsiteIntents, RefusedBeforeTheContestAndBetweenRounds) {
  auto crowd = round_of(RoundKind::audience, 1);
  auto cfg = team_config({crowd, designating_risk()});
  cfg.lifelines = 1;
  Driver d(cfg, paper(3), 2);
  for (IntentKind k : {IntentKind::designate, IntentKind::lifeline, IntentKind::answer, IntentKind::choose_stake})
    EXPECT_EQ(d.act(0, k, 0, 1)[0].reason, Reject::not_now) << intent_code(k);
  d.act(0, IntentKind::start);  // the audience round is announced
  for (IntentKind k : {IntentKind::designate, IntentKind::lifeline, IntentKind::answer})
    EXPECT_EQ(d.act(100, k, 1, 0)[0].reason, Reject::not_now) << intent_code(k);
  d.act(200, IntentKind::next);
  EXPECT_EQ(d.act(300, IntentKind::lifeline, 0)[0].reason, Reject::not_now);  // nobody answers an audience question
  EXPECT_EQ(d.act(300, IntentKind::designate, 0, 1)[0].reason, Reject::not_now);
  expect_replays(d);
}

}  // namespace
}  // namespace ankang::testing
