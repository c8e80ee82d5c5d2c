// An intent the kiosk store refuses (a full disk, a failed write) leaves the
// attempt as it was: the worker is told it was not saved, answers again, and
// every later answer replays after a restart.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <string>

#include "kiosk/session.h"
#include "kiosk/store.h"
#include "kiosk_fixture.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;

class SessionRefused : public KioskDirTest {
 protected:
  // The store's own connection refuses every intent, as a full disk would.
  static void refuse(Store& store, bool on) {
    const char* sql = on ? "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.intents "
                           "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
                         : "DROP TRIGGER temp.refuse";
    ASSERT_EQ(sqlite3_exec(store.handle(), sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  }
  static Intent answer(const Session& s, int choice) {
    Intent in = s.intent(IntentKind::answer);
    in.response.choices = std::uint64_t{1} << choice;
    return in;
  }
};

TEST_F(SessionRefused, ARefusedAnswerChangesNothingAndTheNextAnswersReplay) {
  std::int64_t attempt = 0;
  State kept;
  {
    SeededStore f(path("kiosk.db"));
    SessionRules rules;
    rules.test_questions = 4;
    rules.test_ms = 60000;
    Session s(f.store, f.worker, Mode::timed_test, session_config(Mode::timed_test, rules, {}), single_choice_paper(4),
              3, 1000);
    attempt = s.attempt_id();
    s.apply(answer(s, 0), 1000, 2000);
    const State before = s.state();
    const int question = s.view(2000).question;

    refuse(f.store, true);
    try {
      s.apply(answer(s, 1), 2000, 3000);
      FAIL() << "the store refused the answer, apply must throw";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find("没有保存"), std::string::npos) << e.what();
      EXPECT_NE(e.text().en.find("not saved"), std::string::npos) << e.text().en;
    }
    refuse(f.store, false);
    // Nothing moved on: the same question, the same attempt number.
    EXPECT_EQ(s.state(), before);
    EXPECT_EQ(s.view(2500).question, question);

    // Answered again, and the next one, both accepted.
    for (int i = 0; i < 2; ++i) {
      const auto& events = s.apply(answer(s, 2), 3000 + 1000 * i, 4000);
      ASSERT_FALSE(events.empty());
      EXPECT_NE(events[0].kind, EventKind::rejected);
    }
    EXPECT_EQ(s.state().competitors[0].answered, 3);
    kept = s.state();
  }
  Store store = Store::open(path("kiosk.db"));
  const auto row = store.open_attempt();
  ASSERT_TRUE(row);
  EXPECT_EQ(row->id, attempt);
  EXPECT_EQ(row->log.size(), 4u) << "start and three answers, not the refused one";
  Session resumed(store, *store.worker(row->worker_id), *row, single_choice_paper(4));
  EXPECT_EQ(resumed.state().competitors, kept.competitors);
  EXPECT_EQ(resumed.state().answers, kept.answers);
}

}  // namespace
}  // namespace ankang::testing
