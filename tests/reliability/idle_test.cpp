// Kiosk abuse: a worker walks away a hundred times in the middle of a timed
// test. Each time the idle timeout brings the attract screen back and signs
// the worker out; the answer given before leaving is in the store, and no
// attempt is left open. Driven through the kiosk's own state machine (App).
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "kiosk/app.h"
#include "kiosk/store.h"

namespace ankang::reliability {
namespace {

using namespace ankang::kiosk;
using ui::Act;
namespace fs = std::filesystem;

std::int64_t count(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
  const std::int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
  sqlite3_finalize(s);
  return n;
}

// The id of the question on screen, read from the store (a second connection).
std::string question_on_screen(const Store& reader) {
  const auto row = reader.open_attempt();
  if (!row) return {};
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(reader.handle(),
                     "SELECT question FROM events WHERE attempt_id = ? AND kind = 'question_shown' ORDER BY seq DESC LIMIT 1",
                     -1, &s, nullptr);
  sqlite3_bind_int64(s, 1, row->id);
  std::string id;
  if (sqlite3_step(s) == SQLITE_ROW) id = row->question_ids.at(static_cast<std::size_t>(sqlite3_column_int(s, 0)));
  sqlite3_finalize(s);
  return id;
}

TEST(IdleTimeout, AHundredWalkAwaysReturnToAttractAndLoseNoAnswer) {
  const fs::path dir = fs::temp_directory_path() / ("ankang-idle-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string data = (dir / "data").string();
  {
    App app(data);
    Store reader = Store::open(data + "/kiosk.db");
    std::int64_t unix_ms = 1'782'000'000'000, steady = 1000;
    for (int i = 0; i < 100; ++i) {
      app.set_time(unix_ms, steady);
      app.touched();
      app.apply({Act::start});
      app.apply({Act::pick_enterprise, 0});
      app.apply({Act::pick_team, 0});
      app.typed(std::to_string(2000 + i));
      app.apply({Act::set_name, 0, "职工" + std::to_string(i)});
      app.enter_pressed();
      ASSERT_EQ(app.screen(), Screen::mode) << "walk-away " << i;
      app.apply({Act::timed_test});
      ASSERT_EQ(app.screen(), Screen::question) << "walk-away " << i;
      const std::string q = question_on_screen(reader);
      ASSERT_FALSE(q.empty());
      ui::Intent pick{Act::toggle_option, 0};
      pick.question_id = q;
      app.apply(pick);
      ui::Intent submit{Act::submit};
      submit.question_id = q;
      app.apply(submit);
      EXPECT_EQ(count(reader.handle(), "SELECT count(*) FROM events WHERE kind = 'scored'"), i + 1) << "walk-away " << i;
      // The worker leaves: past the idle timeout (90 s by default) nothing is touched.
      unix_ms += 95'000;
      steady += 95'000;
      app.set_time(unix_ms, steady);
      app.tick();
      ASSERT_EQ(app.screen(), Screen::attract) << "walk-away " << i;
      unix_ms += 1000;
      steady += 1000;
    }
    EXPECT_EQ(count(reader.handle(), "SELECT count(*) FROM events WHERE kind = 'scored'"), 100);
    EXPECT_EQ(count(reader.handle(), "SELECT count(*) FROM attempts WHERE finished_at IS NULL"), 0);
    EXPECT_EQ(count(reader.handle(), "SELECT count(*) FROM attempts"), 100);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ankang::reliability
