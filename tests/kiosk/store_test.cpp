// The kiosk store, the sessions on top of it and the admin PIN.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "kiosk/admin_pin.h"
#include "kiosk/app.h"
#include "kiosk/session.h"
#include "kiosk/store.h"
#include "kiosk_fixture.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;

std::vector<Question> paper(int n) { return single_choice_paper(n); }

Response pick(int i) {
  Response r;
  r.choices = std::uint64_t{1} << i;
  return r;
}

// The migrations in kiosk/sql/.
constexpr int kSchemaVersion = 4;

class StoreTest : public KioskDirTest {
 protected:
  std::string db() const { return path("kiosk.db"); }
};

TEST_F(StoreTest, MigratesWalFullAndReopens) {
  {
    Store s = Store::open(db());
    EXPECT_EQ(s.schema_version(), kSchemaVersion);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(s.handle(), "PRAGMA journal_mode", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
    sqlite3_finalize(st);
    sqlite3_prepare_v2(s.handle(), "PRAGMA synchronous", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(st, 0), 2);  // FULL
    sqlite3_finalize(st);
    s.add_enterprise("甲公司");
  }
  Store again = Store::open(db());
  EXPECT_EQ(again.schema_version(), kSchemaVersion);
  ASSERT_EQ(again.enterprises().size(), 1u);
  EXPECT_EQ(again.enterprises()[0].name, "甲公司");
}

TEST_F(StoreTest, ADamagedFileIsRefusedWithItsName) {
  {
    std::FILE* f = std::fopen(db().c_str(), "wb");
    std::fputs("this is not a database, it is a shopping list", f);
    std::fclose(f);
  }
  try {
    Store::open(db());
    FAIL() << "opened a damaged file";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("kiosk.db"), std::string::npos) << e.what();
  }
}

// A store written by an earlier kiosk, at schema version 1, with a worker.
void write_version_one(const std::string& file) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  std::ifstream in(std::string(ANKANG_SOURCE_DIR) + "/kiosk/sql/001_init.sql");
  const std::string sql((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(sql.empty());
  const std::string rows =
      "INSERT INTO enterprises (name) VALUES ('甲公司'); INSERT INTO teams (enterprise_id, name) VALUES (1, '一班');"
      "INSERT INTO workers (enterprise_id, team_id, employee_no, name, created_at) VALUES (1, 1, '1001', '王芳', 0);"
      "PRAGMA user_version = 1;";
  EXPECT_EQ(sqlite3_exec(db, (sql + rows).c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

TEST_F(StoreTest, AnOlderStoreClimbsTheLadderAndKeepsItsRows) {
  write_version_one(db());
  Store s = Store::open(db());
  EXPECT_EQ(s.schema_version(), kSchemaVersion);
  const auto w = s.find_worker(1, "1001");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->name, "王芳");
  s.set_enterprise_uscc(1, "91350100MA2YQ8KX3A");  // a column of step 2
  EXPECT_TRUE(s.unexported_attempts().empty());
  // Step 3: the roster of before stays on the sign-in lists.
  ASSERT_EQ(s.enterprises().size(), 1u);
  EXPECT_EQ(s.teams(1).size(), 1u);
}

TEST_F(StoreTest, ANewRosterReplacesTheListsButKeepsTheWorkers) {
  SeededStore seeded(db());
  Store& s = seeded.store;
  const CurrentContest contest{"2026-gulou", "鼓楼区竞赛", "{}", 5};
  s.load_contest(contest, {{"91350100MA2Y00001H", "福州港务集团", {"装卸一班", "机修班"}},
                           {"91350100MA2Y00002L", "甲公司", {"一班", "二班"}}});
  std::vector<std::string> names;
  for (const auto& e : s.enterprises()) names.push_back(e.name);
  EXPECT_EQ(names, (std::vector<std::string>{"甲公司", "福州港务集团"}));
  // 甲公司 is listed again: the same row, its worker still found, its new code kept.
  EXPECT_EQ(s.enterprises().front().id, seeded.enterprise);
  EXPECT_TRUE(s.find_worker(seeded.enterprise, "1001"));
  EXPECT_EQ(s.teams(seeded.enterprise).size(), 2u);
  ASSERT_TRUE(s.current_contest());
  EXPECT_EQ(s.current_contest()->name, "鼓楼区竞赛");
  EXPECT_EQ(s.current_contest()->valid_until_ms, 5);
  // A package without a roster keeps the lists.
  s.load_contest({"other", "另一个", "{}", 6}, {});
  EXPECT_EQ(s.enterprises().size(), 2u);
  EXPECT_EQ(s.setting("contest_id"), "other");
  // One without 甲公司 takes it off the lists; the worker's rows stay.
  s.load_contest(contest, {{"91350100MA2Y00001H", "福州港务集团", {"装卸一班"}}});
  ASSERT_EQ(s.enterprises().size(), 1u);
  EXPECT_EQ(s.teams(s.enterprises().front().id).size(), 1u);
  EXPECT_TRUE(s.worker(seeded.worker.id));
}

TEST_F(StoreTest, ANewerStoreIsRefusedWithItsName) {
  { Store s = Store::open(db()); }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db().c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  try {
    Store::open(db());
    FAIL() << "opened a store from a newer program";
  } catch (const StoreError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("kiosk.db"), std::string::npos) << what;
    EXPECT_NE(what.find("答题记录库"), std::string::npos) << what;
    EXPECT_NE(what.find("kiosk store"), std::string::npos) << what;
  }
}

TEST_F(StoreTest, RosterAndWorkers) {
  Store s = Store::open(db());
  const auto e = s.add_enterprise("甲公司");
  EXPECT_EQ(s.add_enterprise("甲公司"), e) << "adding twice keeps one";
  const auto t = s.add_team(e, "一班");
  EXPECT_FALSE(s.find_worker(e, "1001"));
  const Worker w = s.add_worker(e, t, "1001", "王芳", 0);
  const auto found = s.find_worker(e, "1001");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, w.id);
  EXPECT_EQ(found->team, "一班");
  EXPECT_THROW(s.add_worker(e, t, "1001", "别人", 0), StoreError) << "one employee number per enterprise";
}

TEST_F(StoreTest, EveryAnswerIsCommittedAndTheMistakeBookFollows) {
  SeededStore f(db());
  SessionRules rules;
  rules.practice_questions = 2;
  Session s(f.store, f.worker, Mode::practice, session_config(Mode::practice, rules, {}), paper(4), 7, 1000);
  const int q = s.view(0).question;
  ASSERT_GE(q, 0);
  const int right = paper(4)[static_cast<std::size_t>(q)].correct[0];
  Intent wrong = s.intent(IntentKind::answer);
  wrong.response = pick((right + 1) % 3);
  s.apply(wrong, 500, 2000);
  // A second connection sees the answer at once: it is committed.
  Store other = Store::open(db());
  EXPECT_EQ(other.counts().answers, 1);
  ASSERT_EQ(other.mistakes(f.worker.id).size(), 1u);
  EXPECT_EQ(other.mistakes(f.worker.id)[0], "q" + std::to_string(q));
  // The same tap again names an old attempt: rejected, nothing scored.
  const auto& again = s.apply(wrong, 600, 2100);
  ASSERT_FALSE(again.empty());
  EXPECT_EQ(again[0].kind, EventKind::rejected);
  EXPECT_EQ(other.counts().answers, 1);
}

TEST_F(StoreTest, AKilledTimedTestResumesAtTheSameQuestionAndClock) {
  std::int64_t attempt = 0;
  State before;
  {
    SeededStore f(db());
    SessionRules rules;
    rules.test_questions = 5;
    rules.test_ms = 60000;
    Session s(f.store, f.worker, Mode::timed_test, session_config(Mode::timed_test, rules, {}), paper(5), 9, 1000);
    for (int i = 0; i < 2; ++i) {
      Intent in = s.intent(IntentKind::answer);
      in.response = pick(0);
      s.apply(in, 1000 * (i + 1), 2000);
    }
    f.store.checkpoint(s.attempt_id(), 4500);
    attempt = s.attempt_id();
    before = s.state();
    // No close, no abandon: as if the power went.
  }
  Store store = Store::open(db());
  const auto row = store.open_attempt();
  ASSERT_TRUE(row);
  EXPECT_EQ(row->id, attempt);
  EXPECT_EQ(row->clock_ms, 4500);
  Session resumed(store, *store.worker(row->worker_id), *row, paper(5));
  // The replayed state is the state that was lost (the setup is a new object).
  EXPECT_EQ(resumed.state().competitors, before.competitors);
  EXPECT_EQ(resumed.state().answers, before.answers);
  EXPECT_EQ(resumed.state().rng, before.rng);
  EXPECT_EQ(resumed.state().setup->paper, before.setup->paper);
  const View v = resumed.view(resumed.start_clock());
  EXPECT_EQ(v.position, 3);
  EXPECT_EQ(v.paper_remaining_ms, 60000 - 4500);
}

TEST_F(StoreTest, AFinishedTestRanksAndLeavesNoOpenAttempt) {
  SeededStore f(db());
  SessionRules rules;
  rules.test_questions = 3;
  Session s(f.store, f.worker, Mode::timed_test, session_config(Mode::timed_test, rules, {}), paper(3), 3, 1000);
  for (int i = 0; i < 3; ++i) {
    Intent in = s.intent(IntentKind::answer);
    in.response = pick(s.view(0).q->correct[0]);
    s.apply(in, 1000 * (i + 1), 5000);
  }
  EXPECT_TRUE(s.finished());
  EXPECT_FALSE(f.store.open_attempt());
  const auto board = f.store.leaderboard(0, 10);
  ASSERT_EQ(board.size(), 1u);
  EXPECT_EQ(board[0].name, "王芳");
  EXPECT_EQ(board[0].points, 30);
  EXPECT_EQ(f.store.rank_in_team(f.worker.id), 1);
  EXPECT_EQ(f.store.rank_in_enterprise(f.worker.id), 1);
}

TEST_F(StoreTest, TeamsAddUpTheBestScoreOfEachWorkerToday) {
  SeededStore f(db());
  const auto team2 = f.store.add_team(f.enterprise, "二班");
  const Worker li = f.store.add_worker(f.enterprise, f.store.teams(f.enterprise)[0].id, "1002", "李明", 0);
  const Worker zhao = f.store.add_worker(f.enterprise, team2, "2001", "赵丽", 0);
  SessionRules rules;
  rules.test_questions = 3;
  // right answers: how many of the three to get right
  auto take = [&](const Worker& w, int right, std::int64_t started) {
    Session s(f.store, w, Mode::timed_test, session_config(Mode::timed_test, rules, {}), paper(3), 5, started);
    for (int i = 0; i < 3; ++i) {
      Intent in = s.intent(IntentKind::answer);
      const int answer = s.view(0).q->correct[0];
      in.response = pick(i < right ? answer : (answer + 1) % 3);
      s.apply(in, 1000 * (i + 1), started + 1000 * (i + 1));
    }
  };
  take(f.worker, 1, 10'000);
  take(f.worker, 3, 20'000);  // 王芳's best counts, not both
  take(li, 2, 30'000);
  take(zhao, 3, 40'000);
  take(zhao, 3, 1'000);  // before today: not counted
  const auto teams = f.store.team_leaderboard(5'000, 10);
  ASSERT_EQ(teams.size(), 2u);
  EXPECT_EQ(teams[0].team, "一班");
  EXPECT_EQ(teams[0].workers, 2);
  EXPECT_EQ(teams[0].points, 30 + 20);
  EXPECT_EQ(teams[1].team, "二班");
  EXPECT_EQ(teams[1].workers, 1);
  EXPECT_EQ(teams[1].points, 30);
  EXPECT_EQ(f.store.team_leaderboard(5'000, 1).size(), 1u);
  EXPECT_TRUE(f.store.team_leaderboard(50'000, 10).empty());
}

TEST(IntentJson, RoundTrips) {
  Intent in{IntentKind::answer, 0, 3, 7, 2, {}, "原因"};
  in.response.choices = 5;
  in.response.texts = {"一", "二"};
  in.response.order = {2, 0, 1};
  in.response.matches = {1, -1};
  in.response.taps = {{10, 20}};
  EXPECT_EQ(intent_from_json(intent_to_json(in)), in);
  EXPECT_THROW(intent_from_json("{\"kind\": 1}"), StoreError);
}

TEST(AdminPin, HashesWithArgon2idAndLocksOut) {
  const std::string h = hash_pin("2468");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
  EXPECT_TRUE(pin_matches(h, "2468"));
  EXPECT_FALSE(pin_matches(h, "2469"));
  EXPECT_TRUE(pin_acceptable("0000"));
  EXPECT_FALSE(pin_acceptable("123"));
  EXPECT_FALSE(pin_acceptable("12a4"));

  PinGuard g;
  for (int i = 0; i < kFreeTries - 1; ++i) g.failed(1000);
  EXPECT_EQ(g.wait_ms(1000), 0) << "four wrong tries are free";
  g.failed(1000);
  EXPECT_EQ(g.wait_ms(1000), 30000);
  g.failed(40000);
  EXPECT_EQ(g.wait_ms(40000), 60000) << "the delay grows";
  g.succeeded();
  EXPECT_EQ(g.wait_ms(40000), 0);
}

}  // namespace
}  // namespace ankang::testing
