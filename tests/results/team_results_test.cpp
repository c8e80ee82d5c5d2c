// The organiser store keeps the final standings of host-mode team contests
// (班组赛) that bundles carry: stored once, a conflict refuses the bundle,
// schema 2 stores upgrade in place, and `ankang results import` counts them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "embed/embedded_file.h"
#include "results/store.h"
#include "sample.h"
#include "tests/support/run_command.h"

namespace ankang::results {

// Generated from results/sql/*.sql by ankang_embed.
namespace sql { std::span<const EmbeddedFile> files(); }

namespace {

namespace fs = std::filesystem;
using testing::key_from_byte;
using testing::sample_payload;
using Status = ImportOutcome::Status;

constexpr const char* kUscc = "91350100M000100Y43";      // the sample workers' enterprise
constexpr const char* kOther = "91110000100000009B";     // not registered anywhere

Uuid host_contest(std::uint8_t b) {
  Uuid u{};
  u.fill(b);
  return u;
}

// Two teams of one host contest: 一班组 won, 二班组 second.
BundlePayload with_teams(BundlePayload p, std::uint8_t contest = 7) {
  TeamResult first;
  first.contest = host_contest(contest);
  first.team = "一班组";
  first.enterprise_uscc = kUscc;
  first.rank = 1;
  first.centipoints = 12000;
  first.correct = 12;
  first.fouls = 0;
  first.paper_seed = 99;
  first.started_at_ms = 1782000000000;
  first.ended_at_ms = 1782001800000;
  TeamResult second = first;
  second.team = "二班组";
  second.rank = 2;
  second.centipoints = 8000;
  second.correct = 8;
  second.fouls = 1;
  p.team_results = {first, second};
  return p;
}

struct TeamResultsTest : ::testing::Test {
  OrganiserStore store{":memory:"};
  KeyPair kiosk = key_from_byte(1);
  void SetUp() override {
    store.add_device(kiosk.public_key, "kiosk 1");
    store.add_enterprise({kUscc, "甲厂", "district", "区总工会", 100, true}, 2026);
  }
  std::int64_t count(const char* table) {
    auto s = store.db().prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return s.int64(0);
  }
};

TEST_F(TeamResultsTest, ImportStoresTheStandingsAndTheQueryListsThem) {
  auto out = store.import_bundle(write_bundle("c", 1, {}, with_teams(sample_payload("c", 5)), kiosk), "b1");
  ASSERT_EQ(out.status, Status::imported) << out.reason.en;
  EXPECT_EQ(out.team_results, 2);
  EXPECT_EQ(out.attempts, 2);
  const auto list = store.team_results(2026);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].team, "一班组");
  EXPECT_EQ(list[0].rank, 1);
  EXPECT_EQ(list[0].centipoints, 12000);
  EXPECT_EQ(list[0].correct, 12);
  EXPECT_EQ(list[0].enterprise, "甲厂");
  EXPECT_TRUE(list[0].registered);
  EXPECT_EQ(list[0].contest, host_contest(7));
  EXPECT_EQ(list[0].contest_id, "c");
  EXPECT_EQ(list[1].team, "二班组");
  EXPECT_EQ(list[1].rank, 2);
  EXPECT_EQ(list[1].fouls, 1);
  EXPECT_TRUE(store.team_results(2025).empty());
  // Linked to the bundle that brought them.
  auto linked = store.db().prepare("SELECT count(*) FROM team_results t JOIN bundles b ON b.hash = t.bundle_hash");
  linked.step();
  EXPECT_EQ(linked.int64(0), 2);
}

TEST_F(TeamResultsTest, ReimportAndReexportAddNothing) {
  const auto bytes = write_bundle("c", 1, {}, with_teams(sample_payload("c", 5)), kiosk);
  ASSERT_EQ(store.import_bundle(bytes, "b1").status, Status::imported);
  auto again = store.import_bundle(bytes, "b1");
  EXPECT_EQ(again.status, Status::already_imported);
  EXPECT_EQ(again.team_results, 0);
  // The same standings exported again in the kiosk's next bundle.
  auto next = store.import_bundle(write_bundle("c", 2, {}, with_teams(sample_payload("c", 5, 500)), kiosk), "b2");
  ASSERT_EQ(next.status, Status::imported) << next.reason.en;
  EXPECT_EQ(next.team_results, 0);
  EXPECT_EQ(next.attempts, 2);
  EXPECT_EQ(count("team_results"), 2);
}

TEST_F(TeamResultsTest, ConflictingContentRejectsTheWholeBundleAndChangesNothing) {
  ASSERT_EQ(store.import_bundle(write_bundle("c", 1, {}, with_teams(sample_payload("c", 5)), kiosk), "b1").status, Status::imported);
  const auto answers = count("answers"), attempts = count("attempts"), years = count("worker_year");
  auto p = with_teams(sample_payload("c", 5, 500));
  p.team_results[1].rank = 1;  // the second team now claims first place
  auto out = store.import_bundle(write_bundle("c", 2, {}, p, kiosk), "b2");
  EXPECT_EQ(out.status, Status::refused);
  EXPECT_NE(out.reason.en.find("other content"), std::string::npos) << out.reason.en;
  EXPECT_NE(out.reason.zh.find("二班组"), std::string::npos) << out.reason.zh;
  EXPECT_EQ(count("answers"), answers);
  EXPECT_EQ(count("attempts"), attempts);
  EXPECT_EQ(count("worker_year"), years);
  EXPECT_EQ(count("bundles"), 1);
  EXPECT_EQ(store.team_results()[1].rank, 2);
  // Inside a batch too: nothing of the refused bundle, the next one goes in.
  store.begin_batch();
  EXPECT_EQ(store.import_bundle(write_bundle("c", 2, {}, p, kiosk), "b2").status, Status::refused);
  auto good = store.import_bundle(write_bundle("c", 3, {}, with_teams(sample_payload("c", 5, 900), 8), kiosk), "b3");
  EXPECT_EQ(good.status, Status::imported) << good.reason.en;
  store.commit_batch();
  EXPECT_EQ(count("team_results"), 4);
  EXPECT_EQ(count("attempts"), attempts + 2);
}

TEST_F(TeamResultsTest, AKeyListedTwiceWithOtherContentIsRefused) {
  auto p = with_teams(sample_payload("c", 5));
  p.team_results.push_back(p.team_results[0]);
  auto same = store.import_bundle(write_bundle("c", 1, {}, p, kiosk), "b1");
  ASSERT_EQ(same.status, Status::imported) << same.reason.en;
  EXPECT_EQ(same.team_results, 2);
  auto q = with_teams(sample_payload("c", 5, 500), 9);
  q.team_results.push_back(q.team_results[0]);
  q.team_results.back().centipoints += 100;
  EXPECT_EQ(store.import_bundle(write_bundle("c", 2, {}, q, kiosk), "b2").status, Status::refused);
  EXPECT_EQ(count("team_results"), 2);
}

TEST_F(TeamResultsTest, AnUnregisteredEnterpriseIsKeptAndFlagged) {
  auto p = with_teams(sample_payload("c", 5));
  p.team_results[1].enterprise_uscc = kOther;
  auto out = store.import_bundle(write_bundle("c", 1, {}, p, kiosk), "b1");
  ASSERT_EQ(out.status, Status::imported) << out.reason.en;
  ASSERT_EQ(out.notes.size(), 1u);
  EXPECT_NE(out.notes[0].en.find(kOther), std::string::npos);
  const auto e = store.enterprise(kOther);
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->registered);
  const auto list = store.team_results();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1].uscc, kOther);
  EXPECT_FALSE(list[1].registered);
}

fs::path temp_path(const std::string& name) {
  return fs::temp_directory_path() / ("ankang-team-results-" + std::to_string(::getpid()) + "-" + name);
}

// A store written at schema 2 keeps its rows and takes team results.
TEST(TeamResultsUpgrade, SchemaTwoStoreUpgradesInPlace) {
  const auto path = temp_path("v2.db");
  fs::remove(path);
  const auto kiosk = key_from_byte(1);
  {
    Database db(path.string());
    const auto files = sql::files();
    ASSERT_GE(files.size(), 3u);
    db.exec(files[0].text());
    db.exec(files[1].text());
    db.exec("PRAGMA user_version = 2;");
    auto device = db.prepare("INSERT INTO devices VALUES (?, ?, 'kiosk 1', 0)");
    device.bind(1, device_id_of(kiosk.public_key)).bind(2, kiosk.public_key).run();
    db.exec(
        "INSERT INTO enterprises VALUES ('91350100M000100Y43', '甲厂', 'district', '区总工会', 100, 1);"
        "INSERT INTO teams VALUES (1, '91350100M000100Y43', '一班组');"
        "INSERT INTO workers VALUES (1, '91350100M000100Y43', 'A001', '张三', 1);"
        "INSERT INTO bundles VALUES (x'01', (SELECT id FROM devices), 1, x'00', 'c', 1, 0);"
        "INSERT INTO attempts VALUES (7, x'01', 1, 'c', 42, 1782000000000, 1782000600000, 2026, 850, 1000, 1, 1);"
        "INSERT INTO worker_year VALUES (1, 2026, 1, 85.0, 85.0);");
  }
  {
    OrganiserStore store(path.string());
    EXPECT_EQ(store.schema_version(), 6);
    auto old = store.db().prepare("SELECT (SELECT count(*) FROM attempts), (SELECT count(*) FROM bundles), (SELECT attempts FROM worker_year)");
    ASSERT_TRUE(old.step());
    EXPECT_EQ(old.int64(0), 1);
    EXPECT_EQ(old.int64(1), 1);
    EXPECT_EQ(old.int64(2), 1);
    auto out = store.import_bundle(write_bundle("c", 2, {}, with_teams(sample_payload("c", 5)), kiosk), "b2");
    ASSERT_EQ(out.status, Status::imported) << out.reason.en;
    EXPECT_EQ(out.team_results, 2);
    EXPECT_EQ(store.team_results(2026).size(), 2u);
  }
  for (const auto* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}


TEST(TeamResultsCommand, ImportPrintsTheCountAndTeamsListsThem) {
  const auto db = temp_path("cli.db"), bundle = temp_path("b1.ankb");
  fs::remove(db);
  const auto kiosk = key_from_byte(1);
  {
    OrganiserStore store(db.string());
    store.add_device(kiosk.public_key, "kiosk 1");
  }
  {
    const auto bytes = write_bundle("c", 1, {}, with_teams(sample_payload("c", 5)), kiosk);
    std::ofstream f(bundle, std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  const std::string ankang = std::string(ANKANG_BIN_DIR) + "/ankang";
  auto r = test::run("LC_ALL=C " + ankang + " results import --db " + db.string() + " " + bundle.string());
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("team results added 2"), std::string::npos) << r.output;
  r = test::run("LC_ALL=zh_CN.UTF-8 " + ankang + " results import --db " + db.string() + " " + bundle.string());
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("新增班组赛成绩 0"), std::string::npos) << r.output;
  r = test::run("LC_ALL=C " + ankang + " results teams --db " + db.string() + " --year 2026");
  EXPECT_EQ(r.status, 0) << r.output;
  const std::string& out = r.output;
  const auto first = out.find("一班组"), second = out.find("二班组");
  ASSERT_NE(first, std::string::npos) << out;
  ASSERT_NE(second, std::string::npos) << out;
  EXPECT_LT(first, second) << "ranked order";
  EXPECT_NE(out.find("unregistered enterprise"), std::string::npos) << "the enterprise was never registered: " << out;
  EXPECT_NE(out.find("120.00 points"), std::string::npos) << out;
  for (const auto& p : {db, bundle}) fs::remove(p);
  for (const auto* suffix : {"-wal", "-shm"}) fs::remove(db.string() + suffix);
}

}  // namespace
}  // namespace ankang::results
