// Host-mode contests kept in the kiosk store: every accepted host intent is
// committed, so a kiosk killed mid-contest comes back into the same contest
// at the same question with the same scores; the finished contest's team
// standings wait for the next score bundle.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>

#include "kiosk/admin_pin.h"
#include "kiosk/app.h"
#include "kiosk/bundle_export.h"
#include "kiosk/host.h"
#include "kiosk_fixture.h"
#include "results/bundle.h"
#include "results/error.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;
using ui::Act;

class HostResumeTest : public KioskDirTest {
 protected:
  std::string db() const { return path("kiosk.db"); }

  // A stored contest of two teams played to the first buzzer question: 一班
  // right and 二班 wrong in the compulsory round.
  static void play_opening(Host& h) {
    h.control(Act::host_next, 1000);
    h.control(Act::host_right, 2000);  // 一班 +10
    h.control(Act::host_next, 3000);
    h.control(Act::host_wrong, 4000);  // 二班
  }

  // What the host screen shows, without pointers into a contest that is gone.
  struct Shown {
    ui::HostView view;
    std::string question_id;
  };
  static Shown shown(const ui::HostView& v) {
    Shown s{v, v.question ? v.question->id : ""};
    s.view.question = nullptr;
    return s;
  }

  static void expect_same(const ui::HostView& now, const Shown& before) {
    const ui::HostView& b = before.view;
    EXPECT_EQ(now.round_name, b.round_name);
    EXPECT_EQ(now.question_number, b.question_number);
    ASSERT_EQ(now.teams.size(), b.teams.size());
    for (std::size_t i = 0; i < now.teams.size(); ++i) {
      EXPECT_EQ(now.teams[i].name, b.teams[i].name);
      EXPECT_EQ(now.teams[i].score, b.teams[i].score) << now.teams[i].name;
    }
    EXPECT_EQ(now.can_judge, b.can_judge);
    EXPECT_EQ(now.can_next, b.can_next);
    EXPECT_EQ(now.remaining_ms, b.remaining_ms);
    EXPECT_EQ(now.question ? now.question->id : "", before.question_id);
  }
};

TEST_F(HostResumeTest, AReopenedStoreResumesTheSameContestAtTheSameQuestion) {
  Shown before;
  {
    Store store = Store::open(db());
    Host h;
    h.keep_in(&store);
    std::string why;
    ASSERT_TRUE(h.start(single_choice_paper(60), {"一班", "二班"}, 5, why,
                        {nullptr, "2026-gulou", "91350100MA2Y00001H", 1'780'000'000'000, 500}))
        << why;
    play_opening(h);
    h.control(Act::host_next, 5000);
    before = shown(h.view(5200));
    EXPECT_EQ(before.view.teams[0].score, 10);
  }  // no stop: a kill -9
  Store store = Store::open(db());
  const auto row = store.open_host_contest();
  ASSERT_TRUE(row);
  EXPECT_EQ(row->teams, (std::vector<std::string>{"一班", "二班"}));
  EXPECT_GE(row->clock_ms, 4500) << "the contest's clock, not the loop's";
  std::vector<Question> paper;
  const auto all = single_choice_paper(60);
  for (const auto& id : row->question_ids)
    for (const auto& q : all)
      if (q.id == id) paper.push_back(q);
  Host again;
  again.keep_in(&store);
  std::string why;
  // The loop's clock starts again from nearly nothing after a restart.
  ASSERT_TRUE(again.resume(*row, paper, 30, why)) << why;
  expect_same(again.view(30 + 200), before);
  // It goes on, and what it does is kept too; a refused buzz is not.
  again.buzz(1, 900);
  again.control(Act::host_right, 1000);
  EXPECT_EQ(store.open_host_contest()->log.size(), row->log.size() + 1);
}

TEST_F(HostResumeTest, AnIntentTheStoreRefusesLeavesTheContestAsItWas) {
  Store store = Store::open(db());
  Host h;
  h.keep_in(&store);
  std::string why;
  ASSERT_TRUE(h.start(single_choice_paper(60), {"一班", "二班"}, 5, why)) << why;
  h.control(Act::host_next, 1000);
  const Shown before = shown(h.view(1500));
  sqlite3_exec(store.handle(), "CREATE TRIGGER refuse BEFORE INSERT ON host_intents BEGIN SELECT RAISE(ABORT, 'disk full'); END",
               nullptr, nullptr, nullptr);
  EXPECT_EQ(h.control(Act::host_right, 1500), Cue::none);
  EXPECT_NE(h.take_error().find("disk full"), std::string::npos);
  expect_same(h.view(1500), before);
  EXPECT_EQ(h.view(1500).teams[0].score, 0);
}

TEST_F(HostResumeTest, TheHostLeavingClosesTheContestWithoutResults) {
  Store store = Store::open(db());
  Host h;
  h.keep_in(&store);
  std::string why;
  ASSERT_TRUE(h.start(single_choice_paper(60), {"一班", "二班"}, 5, why)) << why;
  play_opening(h);
  h.stop(1'780'000'100'000);
  EXPECT_FALSE(store.open_host_contest());
  EXPECT_TRUE(store.unexported_host_contests().empty());
}

// Plays the whole contest: 一班 is judged right whenever it answers and 二班
// wrong, buzzer questions go to 一班, risk stakes are declined.
void play_to_the_end(Host& h, Millis& t) {
  for (int step = 0; step < 400 && !h.view(t).finished; ++step, t += 1000) {
    const ui::HostView v = h.view(t);
    if (!v.stakes.empty()) {
      h.control(Act::host_stake, t, 0);
    } else if (v.can_pass) {
      h.control(Act::host_pass, t);
    } else if (v.can_judge) {
      h.control(v.turn == 0 ? Act::host_right : Act::host_wrong, t);
    } else if (v.can_open) {
      h.control(Act::host_start_timer, t);
      h.buzz(0, t + 10);
      h.tick(t + 500);
    } else if (v.can_next) {
      h.control(Act::host_next, t);
    } else {
      h.tick(t);
    }
  }
}

TEST_F(HostResumeTest, AFinishedContestKeepsItsStandingsForTheBundle) {
  Store store = Store::open(db());
  Host h;
  h.keep_in(&store);
  std::string why;
  ASSERT_TRUE(h.start(single_choice_paper(60), {"一班", "二班"}, 5, why,
                      {nullptr, "2026-gulou", "91350100MA2Y00001H", 1'780'000'000'000, 0}))
      << why;
  Millis t = 1000;
  play_to_the_end(h, t);
  ASSERT_TRUE(h.view(t).finished);
  const int first = h.view(t).teams[0].score, second = h.view(t).teams[1].score;
  EXPECT_GT(first, second);
  EXPECT_FALSE(store.open_host_contest()) << "a finished contest is not resumed";
  const auto done = store.unexported_host_contests();
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].enterprise_uscc, "91350100MA2Y00001H");
  EXPECT_EQ(done[0].started_at_ms, 1'780'000'000'000);
  EXPECT_GT(done[0].finished_at_ms, done[0].started_at_ms);
  ASSERT_EQ(done[0].teams.size(), 2u);
  EXPECT_EQ(done[0].teams[0].team, "一班");
  EXPECT_EQ(done[0].teams[0].rank, 1);
  EXPECT_EQ(done[0].teams[0].points, first);
  EXPECT_EQ(done[0].teams[1].points, second);
  EXPECT_GT(done[0].teams[0].correct, 0);
  // The host may still correct the last judgement: the standings follow.
  ASSERT_TRUE(h.view(t).can_undo);
  h.control(Act::host_undo, t);
  h.control(Act::host_reason, t + 100, 0);
  EXPECT_TRUE(h.take_error().empty());
  const auto after = store.unexported_host_contests();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].finished_at_ms, done[0].finished_at_ms);
  int stored = 0;
  for (const auto& team : after[0].teams)
    if (team.team == "一班") stored = team.points;
  EXPECT_EQ(stored, h.view(t + 100).teams[0].score);
  EXPECT_NE(stored, first) << "the undo changed 一班's points";
}

TEST_F(HostResumeTest, TheFinishedContestGoesIntoTheNextBundleOnceAndVerifies) {
  Store store = Store::open(db());
  Host h;
  h.keep_in(&store);
  std::string why;
  ASSERT_TRUE(h.start(single_choice_paper(60), {"一班", "二班"}, 5, why,
                      {nullptr, "2026-gulou", "91350100MA2Y00001H", 1'780'000'000'000, 0}))
      << why;
  Millis t = 1000;
  play_to_the_end(h, t);
  const ui::HostView end = h.view(t);
  ASSERT_TRUE(end.finished);
  std::filesystem::create_directories(dir / "usb");
  const auto key = results::key_pair_from_seed(std::array<std::uint8_t, 32>{7});
  const ExportResult r = export_bundle(store, key, "2026-gulou", [](const std::string&) { return ""; },
                                       path("usb"), 1'780'000'900'000);
  EXPECT_EQ(r.attempts, 0);
  EXPECT_EQ(r.host_contests, 1);
  const auto lookup = [&](const results::DeviceId&) { return std::optional<results::PublicKey>(key.public_key); };
  results::VerifyOptions options;
  options.expected_contest_id = "2026-gulou";
  const results::Bundle b = results::read_bundle_file(r.file, lookup, options);
  ASSERT_EQ(b.payload.team_results.size(), 2u);
  const results::TeamResult& first = b.payload.team_results[0];
  EXPECT_EQ(first.team, "一班");
  EXPECT_EQ(first.rank, 1u);
  EXPECT_EQ(first.centipoints, end.teams[0].score * 100);
  EXPECT_EQ(first.enterprise_uscc, "91350100MA2Y00001H");
  EXPECT_EQ(b.payload.team_results[1].centipoints, end.teams[1].score * 100);
  EXPECT_EQ(first.contest, b.payload.team_results[1].contest) << "one contest, one id";
  // What `ankang results show` prints.
  const std::string json = results::bundle_to_json(b);
  EXPECT_NE(json.find("\"team_results\""), std::string::npos);
  EXPECT_NE(json.find("二班"), std::string::npos);
  // Carried once.
  EXPECT_TRUE(store.unexported_host_contests().empty());
  EXPECT_THROW(export_bundle(store, key, "2026-gulou", [](const std::string&) { return ""; }, path("usb"), 1),
               ExportError);
}

TEST(TeamResultRecord, RoundTripsAndNonsenseIsRefused) {
  results::BundlePayload p;
  results::TeamResult r;
  r.contest[0] = 1;
  r.team = "装卸一班";
  r.enterprise_uscc = "91350100MA2Y00001H";
  r.rank = 1;
  r.centipoints = -500;
  r.correct = 3;
  r.started_at_ms = 10;
  r.ended_at_ms = 20;
  p.team_results = {r};
  EXPECT_EQ(results::read_payload(results::write_payload(p)), p);
  p.team_results[0].rank = 0;
  EXPECT_THROW(results::read_payload(results::write_payload(p)), results::ResultsError);
  p.team_results[0].rank = 1;
  p.team_results[0].ended_at_ms = 5;
  EXPECT_THROW(results::read_payload(results::write_payload(p)), results::ResultsError);
  // A count no payload can hold is refused before anything is allocated.
  results::PayloadLimits tight;
  tight.max_team_results = 0;
  p.team_results[0].ended_at_ms = 20;
  EXPECT_THROW(results::read_payload(results::write_payload(p), tight), results::ResultsError);
}

TEST_F(HostResumeTest, TheKioskComesBackOnTheHostScreenAfterAKill) {
  const std::string data = path("data");
  Shown before;
  {
    App app(data);
    app.set_time(1'780'000'000'000, 1000);
    app.apply({Act::admin_open});
    app.typed(kDefaultPin);
    app.enter_pressed();
    app.apply({Act::admin_host_mode});
    ASSERT_EQ(app.screen(), Screen::host) << app.admin_message();
    app.set_time(1'780'000'002'000, 3000);
    app.apply({Act::host_next});
    app.set_time(1'780'000'004'000, 5000);
    app.apply({Act::host_right});
    before = shown(app.host().view(5000));
    ASSERT_EQ(before.view.teams[0].score, 10);
  }  // destroyed without leaving host mode: a kill -9
  App again(data);
  again.set_time(1'780'000'060'000, 200);
  EXPECT_EQ(again.screen(), Screen::host);
  ASSERT_TRUE(again.host().active());
  expect_same(again.host().view(200), before);
}

}  // namespace
}  // namespace ankang::testing
