// Score bundle export: store rows to a signed bundle that the organiser's
// reader accepts, the device's sequence chain, and folders that cannot take it.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "kiosk/bundle_export.h"
#include "kiosk/session.h"
#include "kiosk/store.h"
#include "kiosk_fixture.h"
#include "results/bundle.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;
namespace fs = std::filesystem;

constexpr const char* kUscc = "91350100MA2YQ8KX3A";

std::vector<Question> paper(int n) { return single_choice_paper(n); }

class BundleExportTest : public KioskDirTest {
 protected:
  void SetUp() override {
    KioskDirTest::SetUp();
    fs::create_directories(dir / "usb");
    seeded = std::make_unique<SeededStore>(path("kiosk.db"), kUscc);
    store = &seeded->store;
    worker = seeded->worker;
    key = results::key_pair_from_seed(std::array<std::uint8_t, 32>{7});
  }
  void TearDown() override {
    seeded.reset();
    fs::permissions(dir / "usb", fs::perms::owner_all);
    KioskDirTest::TearDown();
  }

  // A three-question timed test: right, wrong, right.
  void take_test(std::int64_t started) {
    SessionRules rules;
    rules.test_questions = 3;
    Session s(*store, worker, Mode::timed_test, session_config(Mode::timed_test, rules, {}), paper(3), 11, started);
    for (int i = 0; i < 3; ++i) {
      Intent in = s.intent(IntentKind::answer);
      const int right = s.view(0).q->correct[0];
      in.response.choices = std::uint64_t{1} << (i == 1 ? (right + 1) % 3 : right);
      s.apply(in, 1000 * (i + 1), started + 1000 * (i + 1));
    }
    ASSERT_TRUE(s.finished());
  }

  ExportResult export_to(const fs::path& folder) {
    return export_bundle(*store, key, "ankang-2026", [](const std::string&) { return "职业病防治/粉尘"; },
                         folder.string(), 9000);
  }

  results::Bundle read(const std::string& file) const {
    return results::read_bundle_file(file, [this](const results::DeviceId& id) -> std::optional<results::PublicKey> {
      if (id == results::device_id_of(key.public_key)) return key.public_key;
      return std::nullopt;
    });
  }

  std::unique_ptr<SeededStore> seeded;
  Store* store = nullptr;
  Worker worker;
  results::KeyPair key;
};

TEST_F(BundleExportTest, PutsTheKioskPublicKeyBesideItsBundlesForTheOrganiserToRegister) {
  take_test(1000);
  const ExportResult r = export_to(dir / "usb");
  const auto device = results::device_id_of(key.public_key);
  const auto pub = dir / "usb" / ("kiosk-" + results::to_hex(std::span<const std::uint8_t>(device.data(), 4)) + ".pub");
  ASSERT_TRUE(fs::exists(pub)) << pub;
  EXPECT_EQ(results::parse_public_key(pub.string()), key.public_key);
  // A bundle read with the key from that file verifies.
  const auto from_stick = results::parse_public_key(pub.string());
  const auto b = results::read_bundle_file(r.file, [&](const results::DeviceId& id) -> std::optional<results::PublicKey> {
    if (id == results::device_id_of(from_stick)) return from_stick;
    return std::nullopt;
  });
  EXPECT_EQ(b.header.sequence, 1u);
}

TEST_F(BundleExportTest, ExportsASignedBundleTheOrganiserCanRead) {
  take_test(1000);
  const ExportResult r = export_to(dir / "usb");
  EXPECT_EQ(r.sequence, 1u);
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.answers, 3);
  EXPECT_EQ(fs::path(r.file).parent_path(), dir / "usb");
  EXPECT_EQ(fs::path(r.file).extension(), ".ankb");

  const results::Bundle b = read(r.file);
  EXPECT_EQ(b.header.sequence, 1u);
  EXPECT_EQ(b.header.contest_id, "ankang-2026");
  EXPECT_EQ(b.header.previous_hash, results::Hash{});
  ASSERT_EQ(b.payload.workers.size(), 1u);
  EXPECT_EQ(b.payload.workers[0], (results::Worker{"1001", "王芳", "一班", kUscc}));
  ASSERT_EQ(b.payload.attempts.size(), 1u);
  const results::Attempt& a = b.payload.attempts[0];
  EXPECT_EQ(a.paper_seed, 11u);
  EXPECT_EQ(a.started_at_ms, 1000);
  EXPECT_EQ(a.max_centipoints, 3000);
  ASSERT_EQ(a.answers.size(), 3u);
  EXPECT_EQ(a.correct_count(), 2);
  EXPECT_EQ(a.centipoints(), 2000);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& x = a.answers[i];
    const auto& q = b.payload.questions.at(x.question);
    EXPECT_EQ(q.category, "职业病防治/粉尘");
    const int right = paper(3)[static_cast<std::size_t>(std::stoi(q.id.substr(1)))].correct[0];
    const std::string right_letter(1, static_cast<char>('A' + right));
    if (i == 1) {
      EXPECT_NE(x.response, right_letter);
      EXPECT_EQ(x.correct_permille, 0);
    } else {
      EXPECT_EQ(x.response, right_letter);
      EXPECT_EQ(x.correct_permille, 1000);
    }
    EXPECT_EQ(x.shown_ms + x.latency_ms, 1000u * (i + 1)) << "answered at the attempt clock of the tap";
  }
  EXPECT_NE(a.answers[0].uuid, a.answers[1].uuid);
  // Time-ordered (version 7) ids, growing in answer order: the organiser's
  // store appends them instead of inserting at random places.
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(a.answers[i].uuid[6] >> 4, 7) << results::uuid_to_string(a.answers[i].uuid);
  EXPECT_LT(a.answers[0].uuid, a.answers[1].uuid);
  EXPECT_LT(a.answers[1].uuid, a.answers[2].uuid);
  EXPECT_EQ(store->last_bundle().sequence, 1u);
  EXPECT_EQ(store->last_bundle().hash_hex, results::to_hex(b.hash));
}

TEST_F(BundleExportTest, TheNextBundleChainsAndCarriesOnlyNewAttempts) {
  take_test(1000);
  const results::Bundle first = read(export_to(dir / "usb").file);
  EXPECT_THROW(export_to(dir / "usb"), ExportError) << "nothing new to export";
  take_test(20000);
  const ExportResult r = export_to(dir / "usb");
  const results::Bundle second = read(r.file);
  EXPECT_EQ(second.header.sequence, 2u);
  EXPECT_EQ(second.header.previous_hash, first.hash);
  ASSERT_EQ(second.payload.attempts.size(), 1u);
  EXPECT_EQ(second.payload.attempts[0].started_at_ms, 20000);
  for (const auto& x : second.payload.attempts[0].answers)
    for (const auto& y : first.payload.attempts[0].answers) EXPECT_NE(x.uuid, y.uuid);
}

TEST_F(BundleExportTest, AFolderThatCannotBeWrittenChangesNothing) {
  take_test(1000);
  fs::path folder = dir / "usb";
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
  // root writes into a 0500 folder anyway; /proc takes no new file from anyone.
  if (::access(folder.c_str(), W_OK) == 0) folder = "/proc";
  try {
    export_to(folder);
    FAIL() << "exported into a read-only folder";
  } catch (const ExportError& e) {
    EXPECT_NE(std::string(e.what()).find("无法写入文件夹"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store->last_bundle().sequence, 0u);
  EXPECT_EQ(store->unexported_attempts().size(), 1u);
  fs::permissions(dir / "usb", fs::perms::owner_all);
  EXPECT_TRUE(fs::is_empty(dir / "usb")) << "no temporary file left behind";
  EXPECT_EQ(export_to(dir / "usb").sequence, 1u) << "the sequence was not used up by the failure";
}

TEST_F(BundleExportTest, AMissingFolderOrUsccIsAClearError) {
  take_test(1000);
  try {
    export_to(dir / "no-such-stick");
    FAIL();
  } catch (const ExportError& e) {
    EXPECT_NE(std::string(e.what()).find("文件夹不存在"), std::string::npos) << e.what();
  }
  store->set_enterprise_uscc(worker.enterprise_id, "");
  try {
    export_to(dir / "usb");
    FAIL();
  } catch (const ExportError& e) {
    EXPECT_NE(std::string(e.what()).find("甲公司"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store->last_bundle().sequence, 0u);
}

TEST(CompactResponse, EachTypeHasItsShortForm) {
  Question q;
  Response r;
  q.type = QuestionType::multiple;
  r.choices = 0b101;
  EXPECT_EQ(compact_response(q, r), "AC");
  q.type = QuestionType::true_false;
  r.truth = false;
  EXPECT_EQ(compact_response(q, r), "F");
  q.type = QuestionType::fill_blank;
  r.texts = {"安全第一", "预防为主"};
  EXPECT_EQ(compact_response(q, r), "安全第一|预防为主");
  q.type = QuestionType::ordering;
  r.order = {2, 0, 1};
  EXPECT_EQ(compact_response(q, r), "3|1|2");
  q.type = QuestionType::matching;
  r.matches = {1, -1};
  EXPECT_EQ(compact_response(q, r), "2|-");
  q.type = QuestionType::fill_blank;
  r.texts = {std::string(300, 'x') + "粉尘"};
  EXPECT_LE(compact_response(q, r).size(), 255u);
}

}  // namespace
}  // namespace ankang::testing
