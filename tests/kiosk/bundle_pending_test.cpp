// A bundle the store could not record stays pending: the next export writes
// the very same bytes under its sequence number before anything new.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>

#include "kiosk/bundle_export.h"
#include "kiosk/session.h"
#include "kiosk/store.h"
#include "kiosk_fixture.h"
#include "results/bundle.h"
#include "results/codec.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;
namespace fs = std::filesystem;

class BundlePending : public KioskDirTest {
 protected:
  void take_test(Store& store, const Worker& worker, std::uint64_t seed) {
    SessionRules rules;
    rules.test_questions = 2;
    Session s(store, worker, Mode::timed_test, session_config(Mode::timed_test, rules, {}), single_choice_paper(2),
              seed, 1000);
    for (Millis at = 1000; !s.finished(); at += 1000) {
      Intent in = s.intent(IntentKind::answer);
      in.response.choices = 1;
      s.apply(in, at, 2000);
    }
  }
  ExportResult export_to(Store& store, const fs::path& folder) {
    return export_bundle(store, key, "ankang-2026", [](const std::string&) { return std::string(); }, folder.string(),
                         5000);
  }
  static void exec(Store& store, const char* sql) {
    ASSERT_EQ(sqlite3_exec(store.handle(), sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  }
  results::KeyPair key = results::key_pair_from_seed(std::array<std::uint8_t, 32>{9});
};

TEST_F(BundlePending, TheNextExportWritesTheSameBytesThenTheNewAttempts) {
  SeededStore f(path("kiosk.db"), "91350100MA2YQ8KX3A");
  take_test(f.store, f.worker, 1);
  fs::create_directories(dir / "usb");

  exec(f.store, "CREATE TEMP TRIGGER full BEFORE INSERT ON main.bundles BEGIN SELECT RAISE(ABORT, 'disk full'); END");
  EXPECT_THROW(export_to(f.store, dir / "usb"), StoreError);
  exec(f.store, "DROP TRIGGER temp.full");
  EXPECT_EQ(f.store.last_bundle().sequence, 0u);
  ASSERT_TRUE(f.store.pending_bundle());
  fs::path first;
  for (const auto& e : fs::directory_iterator(dir / "usb"))
    if (e.path().extension() == ".ankb") first = e.path();
  ASSERT_FALSE(first.empty()) << "the file was in place before the record failed";
  const results::Bytes bytes = results::read_file(first.string(), results::kMaxBundleBytes);

  // A second test finishes; the file is lost; the next export writes bundle 1
  // again, byte for byte, then bundle 2 with the new attempt only.
  take_test(f.store, f.worker, 2);
  fs::remove(first);
  const ExportResult second = export_to(f.store, dir / "usb");
  EXPECT_EQ(second.sequence, 2u);
  EXPECT_EQ(second.attempts, 1);
  ASSERT_TRUE(fs::exists(first));
  EXPECT_EQ(results::read_file(first.string(), results::kMaxBundleBytes), bytes);
  EXPECT_FALSE(f.store.pending_bundle());
  EXPECT_TRUE(f.store.unexported_attempts().empty());
  EXPECT_THROW(export_to(f.store, dir / "usb"), ExportError) << "nothing new is left";
}

}  // namespace
}  // namespace ankang::testing
