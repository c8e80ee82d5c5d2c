// A bundle is written and renamed into place before the kiosk store records
// it (kiosk/bundle_export.cpp). When that record fails (a full disk, a kill
// at that moment), a whole, valid bundle is on the stick while the store
// still hands out the same sequence number: the next export signs other
// content under it, which the organiser refuses once the first was
// imported, and the answers it alone carries never arrive.
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "kiosk/bundle_export.h"
#include "kiosk_script.h"
#include "results/bundle.h"
#include "results/store.h"

namespace ankang::reliability {
namespace {

using namespace ankang::kiosk;
namespace fs = std::filesystem;

class ExportSequence : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("ankang-export-sequence-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "usb1");
    fs::create_directories(dir / "usb2");
    store = std::make_unique<Store>(Store::open((dir / "kiosk.db").string()));
    worker = ensure_worker(*store, 1);
    store->set_enterprise_uscc(worker.enterprise_id, "91350100MA2YQ8KX3A");
  }
  void TearDown() override {
    store.reset();
    fs::remove_all(dir);
  }
  void take_test(std::uint64_t seed) {
    Session s = start_attempt(*store, worker, Mode::timed_test, seed, 1000);
    Millis clock = 0;
    while (const auto in = next_intent(s, clock, static_cast<std::uint64_t>(clock))) s.apply(*in, clock += 900, 1000);
  }
  ExportResult export_to(const char* usb) {
    return export_bundle(*store, key, "ankang-2026", [](const std::string&) { return std::string("安全生产法"); },
                         (dir / usb).string(), 5000);
  }
  void exec(const char* sql) { ASSERT_EQ(sqlite3_exec(store->handle(), sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql; }

  fs::path dir;
  std::unique_ptr<Store> store;
  Worker worker;
  results::KeyPair key = results::key_pair_from_seed(std::array<std::uint8_t, 32>{5});
};

TEST_F(ExportSequence, ABundleWhoseRecordFailedDoesNotLoseTheNextExportsAnswers) {
  take_test(1);
  // The store cannot record the bundle, as on a full disk.
  exec("CREATE TEMP TRIGGER full BEFORE INSERT ON main.bundles BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
  EXPECT_ANY_THROW(export_to("usb1"));
  exec("DROP TRIGGER temp.full");
  std::vector<fs::path> first;
  for (const auto& e : fs::directory_iterator(dir / "usb1"))
    if (e.path().extension() == ".ankb") first.push_back(e.path());

  take_test(2);
  const ExportResult second = export_to("usb2");

  // The organiser imports whatever valid bundles reach it.
  results::OrganiserStore org(":memory:");
  org.add_device(key.public_key, "kiosk");
  int answers = 0;
  for (const fs::path& f : first) {
    const auto out = org.import_bundle(results::read_file(f.string(), results::kMaxBundleBytes), f.string());
    answers += out.answers;
  }
  const auto out = org.import_bundle(results::read_file(second.file, results::kMaxBundleBytes), second.file);
  EXPECT_NE(out.status, results::ImportOutcome::Status::refused) << out.reason.en;
  answers += out.answers;
  EXPECT_EQ(answers, 2 * kPaperSize) << "every answer of both tests reaches the organiser";
}

}  // namespace
}  // namespace ankang::reliability
