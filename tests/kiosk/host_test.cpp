// Host mode: the example team config (必答, 抢答, 风险, 限时速答, 加赛) run by
// the engine from the host's controls, with reasons on corrections and undos.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "kiosk/host.h"
#include "kiosk_fixture.h"
#include "ui/strings.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;
using ui::Act;

std::vector<Question> paper(int n) { return single_choice_paper(n); }

int count(const Host& h, EventKind kind) {
  const auto& e = h.events();
  return static_cast<int>(std::count_if(e.begin(), e.end(), [&](const Event& x) { return x.kind == kind; }));
}

TEST(HostConfig, IsTheExampleTeamContestWithEveryRound) {
  const ContestConfig& c = host_config();
  ASSERT_EQ(c.rounds.size(), 5u);
  EXPECT_EQ(c.rounds[0].kind, RoundKind::compulsory);
  EXPECT_EQ(c.rounds[1].kind, RoundKind::buzzer);
  EXPECT_EQ(c.rounds[2].kind, RoundKind::risk);
  EXPECT_EQ(c.rounds[3].kind, RoundKind::speed);
  EXPECT_EQ(c.rounds[4].kind, RoundKind::tiebreak);
}

TEST(Host, TooFewQuestionsIsRefusedWithTheCount) {
  Host h;
  std::string why;
  EXPECT_FALSE(h.start(paper(5), {"一班", "二班"}, 1, why));
  EXPECT_NE(why.find("需要 " + std::to_string(questions_needed(host_config(), 2))), std::string::npos) << why;
  EXPECT_FALSE(h.active());
}

TEST(Host, TooFewQuestionsIsToldInEnglishOnlyWhenTheKioskIsInEnglish) {
  ui::set_language(ui::Lang::en);
  Host h;
  std::string why;
  EXPECT_FALSE(h.start(paper(5), {"一班", "二班"}, 1, why));
  ui::set_language(ui::Lang::zh);
  EXPECT_EQ(why, "the bank has 5 questions, the team contest needs " + std::to_string(questions_needed(host_config(), 2)));
}

TEST(Host, JudgeCorrectAndUndoWithAReason) {
  Host h;
  std::string why;
  ASSERT_TRUE(h.start(paper(60), {"一班", "二班"}, 1, why)) << why;
  EXPECT_EQ(h.view(0).round_name, "必答题");
  h.control(Act::host_next, 1000);  // the first question, team 一班's turn
  ui::HostView v = h.view(1000);
  ASSERT_TRUE(v.can_judge);
  EXPECT_EQ(v.turn, 0);
  EXPECT_EQ(v.member, 0);
  EXPECT_EQ(h.control(Act::host_right, 2000), Cue::right);
  EXPECT_EQ(h.view(2000).teams[0].score, 10);

  // Correct: a reason is asked first, then the judgement flips.
  h.control(Act::host_correct, 3000);
  EXPECT_EQ(h.view(3000).fixing, 1);
  EXPECT_EQ(h.view(3000).teams[0].score, 10) << "nothing changes before the reason";
  h.control(Act::host_reason, 3500, 1);
  EXPECT_EQ(h.view(3500).fixing, 0);
  EXPECT_EQ(h.view(3500).teams[0].score, 0);
  const Event& corrected = h.events().back();
  EXPECT_EQ(corrected.kind, EventKind::corrected);
  EXPECT_EQ(corrected.note, ui::tr(ui::S::reason_buzzer_fault, ui::Lang::zh));

  // Cancelled: nothing happens.
  h.control(Act::host_undo, 4000);
  h.control(Act::host_cancel_fix, 4100);
  EXPECT_EQ(count(h, EventKind::undone), 0);
  h.control(Act::host_undo, 4200);
  h.control(Act::host_reason, 4300, 2);
  EXPECT_EQ(count(h, EventKind::undone), 1);
  EXPECT_EQ(h.events().back().note, ui::tr(ui::S::reason_appeal, ui::Lang::zh));
}

TEST(Host, PauseStopsTheClockAndResumes) {
  Host h;
  std::string why;
  ASSERT_TRUE(h.start(paper(60), {"一班", "二班"}, 1, why)) << why;
  h.control(Act::host_next, 1000);
  const int left = h.view(6000).remaining_ms;
  h.control(Act::host_pause, 6000);
  EXPECT_TRUE(h.view(6000).paused);
  EXPECT_FALSE(h.view(6000).can_judge);
  EXPECT_EQ(h.view(20000).remaining_ms, left) << "the answer time stands still";
  h.control(Act::host_pause, 20000);
  EXPECT_FALSE(h.view(20000).paused);
  EXPECT_EQ(h.view(21000).remaining_ms, left - 1000);
}

// Plays every round from the host's controls with both teams on the same
// score, so the tie-break is played too; a right answer there ends it.
TEST(Host, RunsEveryRoundOfTheTeamContest) {
  Host h;
  std::string why;
  ASSERT_TRUE(h.start(paper(60), {"一班", "二班"}, 7, why)) << why;
  std::set<std::string> rounds;
  bool staked = false, passed = false, buzzed = false;
  Millis t = 0;
  for (int step = 0; step < 400 && !h.view(t).finished; ++step, t += 1000) {
    const ui::HostView v = h.view(t);
    rounds.insert(v.round_name);
    if (!v.stakes.empty()) {
      EXPECT_EQ(v.stakes, (std::vector<int>{10, 20, 30}));
      h.control(Act::host_stake, t, 0);  // declined: no risk
      staked = true;
    } else if (v.can_pass) {
      h.control(Act::host_pass, t);
      passed = true;
    } else if (v.can_judge) {
      h.control(v.round_name == "加赛题" && v.turn <= 0 ? Act::host_right : Act::host_wrong, t);
    } else if (v.can_open) {
      // The teams take turns to buzz first and are judged wrong: -10 each time.
      h.control(Act::host_start_timer, t);
      h.buzz(v.question_number % 2, t + 10);
      // The buzz light comes on once the tie window has closed.
      buzzed = h.tick(t + 500) == Cue::buzz || buzzed;
    } else if (v.can_next) {
      h.control(Act::host_next, t);
    }
  }
  EXPECT_TRUE(h.view(t).finished);
  EXPECT_EQ(rounds, (std::set<std::string>{"必答题", "抢答题", "风险题", "限时速答", "加赛题"}));
  EXPECT_TRUE(staked);
  EXPECT_TRUE(passed);
  EXPECT_TRUE(buzzed);
  EXPECT_GT(count(h, EventKind::passed), 0);
  EXPECT_EQ(count(h, EventKind::tiebreak_needed), 1);
}

}  // namespace
}  // namespace ankang::testing
