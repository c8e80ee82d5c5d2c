#include "results/store.h"
#include "results/report.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "results/error.h"
#include "embed/embedded_file.h"
#include "sample.h"

namespace ankang::results {

// Generated from results/sql/*.sql by ankang_embed.
namespace sql { std::span<const EmbeddedFile> files(); }

namespace {

using testing::key_from_byte;
using testing::sample_payload;
using Status = ImportOutcome::Status;

constexpr const char* kUscc = "91350100M000100Y43";

struct StoreTest : ::testing::Test {
  OrganiserStore store{":memory:"};
  KeyPair kiosk = key_from_byte(1);
  void SetUp() override { store.add_device(kiosk.public_key, "kiosk 1"); }
  std::int64_t count(const char* table) {
    auto s = store.db().prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return s.int64(0);
  }
  // Answers whose attempt is not stored: a refused bundle must leave none.
  std::int64_t orphan_answers() {
    auto s = store.db().prepare("SELECT count(*) FROM answers a LEFT JOIN attempts t ON t.id = a.attempt_id WHERE t.id IS NULL");
    s.step();
    return s.int64(0);
  }
};

TEST_F(StoreTest, MigratesToTheNewestSchema) { EXPECT_EQ(store.schema_version(), 6); }

std::int64_t references_of(Database& db, const char* table) {
  auto s = db.prepare(std::string("SELECT count(*) FROM pragma_foreign_key_list('") + table + "')");
  s.step();
  return s.int64(0);
}

// A store written at schema 1 (attempts and worker_year with REFERENCES)
// keeps its rows and aggregates when opened, loses the references, and
// takes further bundles.
TEST(StoreUpgrade, SchemaOneStoreKeepsItsRowsWithoutTheReferences) {
  namespace fs = std::filesystem;
  const auto path = fs::temp_directory_path() / ("ankang-store-upgrade-" + std::to_string(::getpid()) + ".db");
  fs::remove(path);
  {
    Database db(path.string());
    const auto files = sql::files();
    ASSERT_GE(files.size(), 2u);
    db.exec(files[0].text());
    db.exec(
        "PRAGMA user_version = 1;"
        "INSERT INTO enterprises VALUES ('91350100M000100Y43', '甲厂', 'district', '区总工会', 100, 1);"
        "INSERT INTO teams VALUES (1, '91350100M000100Y43', '一班组');"
        "INSERT INTO workers VALUES (1, '91350100M000100Y43', 'A001', '张三', 1);"
        "INSERT INTO devices VALUES (zeroblob(16), zeroblob(32), 'old', 0);"
        "INSERT INTO bundles VALUES (x'01', zeroblob(16), 1, x'00', 'c', 1, 0);"
        "INSERT INTO attempts VALUES (7, x'01', 1, 'c', 42, 1782000000000, 1782000600000, 2026, 850, 1000, 1, 1);"
        "INSERT INTO worker_year VALUES (1, 2026, 1, 85.0, 85.0);");
    ASSERT_EQ(references_of(db, "attempts"), 2);
    ASSERT_EQ(references_of(db, "worker_year"), 1);
  }
  {
    OrganiserStore store(path.string());
    EXPECT_EQ(store.schema_version(), 6);
    EXPECT_EQ(references_of(store.db(), "attempts"), 0);
    EXPECT_EQ(references_of(store.db(), "worker_year"), 0);
    auto old = store.db().prepare("SELECT id, bundle_hash, worker_id, paper_seed, centipoints, answer_count FROM attempts");
    ASSERT_TRUE(old.step());
    EXPECT_EQ(old.int64(0), 7);
    EXPECT_EQ(old.blob(1).size(), 1u);
    EXPECT_EQ(old.int64(2), 1);
    EXPECT_EQ(old.int64(3), 42);
    EXPECT_EQ(old.int64(4), 850);
    EXPECT_EQ(old.int64(5), 1);
    EXPECT_FALSE(old.step());
    const auto kiosk = key_from_byte(1);
    store.add_device(kiosk.public_key, "kiosk 1");
    auto out = store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 5), kiosk), "b1");
    ASSERT_EQ(out.status, Status::imported) << out.reason.en;
    // A001 of the same enterprise is the stored worker 1: its year row grows.
    auto year = store.db().prepare("SELECT attempts, sum_percent FROM worker_year WHERE worker_id = 1 AND year = 2026");
    ASSERT_TRUE(year.step());
    EXPECT_EQ(year.int64(0), 2);
    EXPECT_GT(year.real(1), 85.0);
    auto ids = store.db().prepare("SELECT min(id), count(*) FROM attempts");
    ids.step();
    EXPECT_EQ(ids.int64(0), 7);
    EXPECT_EQ(ids.int64(1), 3);
  }
  fs::remove(path);
  fs::remove(path.string() + "-wal");
  fs::remove(path.string() + "-shm");
}

// A store of schema 5 held registrations without a year, counted in every
// year: they stay registered for each year it has results of, so the table
// it filed comes out the same.
TEST(StoreUpgrade, SchemaFiveRegistrationsStayRegisteredForTheYearsWithResults) {
  namespace fs = std::filesystem;
  const auto path = fs::temp_directory_path() / ("ankang-store-years-" + std::to_string(::getpid()) + ".db");
  fs::remove(path);
  {
    Database db(path.string());
    const auto files = sql::files();
    ASSERT_GE(files.size(), 6u);
    for (int i = 0; i < 5; ++i) db.exec(files[static_cast<std::size_t>(i)].text());
    db.exec(
        "PRAGMA user_version = 5;"
        "INSERT INTO enterprises (uscc, name, affiliation, unit, headcount, registered) VALUES "
        "('91350100M000100Y43', '甲厂', 'district', '区总工会', 100, 1), ('91110000100000009B', '', '', '', 0, 0);"
        "INSERT INTO teams VALUES (1, '91350100M000100Y43', '一班组');"
        "INSERT INTO workers VALUES (1, '91350100M000100Y43', 'A001', '张三', 1);"
        "INSERT INTO worker_year VALUES (1, 2024, 1, 85.0, 85.0);"
        "INSERT INTO score_histogram VALUES (2024, 8, 1);");
  }
  {
    OrganiserStore store(path.string());
    EXPECT_EQ(store.schema_version(), 6);
    const auto y2024 = store.year_registrations(2024);
    ASSERT_EQ(y2024.size(), 1u) << "the placeholder of results stays unregistered";
    EXPECT_EQ(y2024.at("91350100M000100Y43").headcount, 100);
    EXPECT_TRUE(store.year_registrations(2023).empty()) << "no results then: no registration made up";
    const auto t = summary_table(store, 2024);
    ASSERT_EQ(t.units.size(), 1u);
    EXPECT_EQ(t.overall.participants, 1);
    EXPECT_DOUBLE_EQ(t.overall.participation, 0.01);
  }
  fs::remove(path);
  fs::remove(path.string() + "-wal");
  fs::remove(path.string() + "-shm");
}

TEST_F(StoreTest, ImportThenReimportAddsNothing) {
  auto bytes = write_bundle("c", 1, {}, sample_payload("c", 5), kiosk);
  auto first = store.import_bundle(bytes, "b1");
  ASSERT_EQ(first.status, Status::imported) << first.reason.en;
  EXPECT_EQ(first.attempts, 2);
  EXPECT_EQ(first.answers, 10);
  const auto answers = count("answers"), attempts = count("attempts"), aggregates = count("worker_year");
  auto again = store.import_bundle(bytes, "b1");
  EXPECT_EQ(again.status, Status::already_imported);
  EXPECT_EQ(count("answers"), answers);
  EXPECT_EQ(count("attempts"), attempts);
  EXPECT_EQ(count("worker_year"), aggregates);
  auto s = store.db().prepare("SELECT sum(attempts) FROM worker_year");
  s.step();
  EXPECT_EQ(s.int64(0), 2);
}

TEST_F(StoreTest, SameAttemptInANewBundleIsCountedOnce) {
  store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 5), kiosk), "b1");
  auto second = store.import_bundle(write_bundle("c", 2, {}, sample_payload("c", 5), kiosk), "b2");
  ASSERT_EQ(second.status, Status::imported) << second.reason.en;
  EXPECT_EQ(second.attempts, 0);
  EXPECT_EQ(count("attempts"), 2);
}

TEST_F(StoreTest, ConflictingAnswerIdRejectsTheWholeBundle) {
  store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 5), kiosk), "b1");
  // Bundle 2: a new attempt first, then one reusing an old answer id with other content.
  auto p = sample_payload("c", 5, 1000);
  p.attempts[1].answers[3].uuid = testing::uuid_from(2);
  p.attempts[1].answers[3].response = "D";
  const auto answers = count("answers"), workers_year = count("worker_year");
  auto out = store.import_bundle(write_bundle("c", 2, {}, p, kiosk), "b2");
  EXPECT_EQ(out.status, Status::refused);
  EXPECT_NE(out.reason.en.find("other content"), std::string::npos);
  EXPECT_EQ(count("answers"), answers);
  EXPECT_EQ(count("worker_year"), workers_year);
  EXPECT_EQ(count("bundles"), 1);
}

// Inside a batch there is no per-bundle rollback: the answers a refused
// bundle had already inserted must be taken back one by one.
TEST_F(StoreTest, ConflictInsideABatchLeavesNothingOfTheBundle) {
  store.begin_batch();
  ASSERT_EQ(store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 5), kiosk), "b1").status, Status::imported);
  const auto answers = count("answers"), attempts = count("attempts");
  auto p = sample_payload("c", 5, 1000);
  p.attempts[1].answers[3].uuid = testing::uuid_from(2);
  p.attempts[1].answers[3].response = "D";
  EXPECT_EQ(store.import_bundle(write_bundle("c", 2, {}, p, kiosk), "b2").status, Status::refused);
  // Partly stored attempt: its first answers are new, the rest were imported with b1.
  auto q = sample_payload("c", 5, 1000);
  for (int i = 0; i < 5; ++i) q.attempts[1].answers[static_cast<std::size_t>(i)].uuid = testing::uuid_from(1000 + 20 + i);
  q.attempts[1].answers[4] = sample_payload("c", 5).attempts[0].answers[4];
  EXPECT_EQ(store.import_bundle(write_bundle("c", 3, {}, q, kiosk), "b3").status, Status::refused);
  // A good bundle after the refusals still goes in whole.
  ASSERT_EQ(store.import_bundle(write_bundle("c", 4, {}, sample_payload("c", 5, 2000), kiosk), "b4").status, Status::imported);
  store.commit_batch();
  EXPECT_EQ(count("answers"), answers + 10);
  EXPECT_EQ(count("attempts"), attempts + 2);
  EXPECT_EQ(count("bundles"), 2);
  EXPECT_EQ(orphan_answers(), 0) << "answers pointing at no attempt";
  auto sums = store.db().prepare("SELECT sum(n) FROM question_year");
  sums.step();
  EXPECT_EQ(sums.int64(0), answers + 10);
}

// Attempts of 40 answers go in as a statement of 32 rows and one of 8: a
// conflict in either part, or a stored answer among new ones, still
// refuses the whole bundle and leaves nothing of it.
TEST_F(StoreTest, LongAttemptsKeepTheSameChecksInEveryPartOfTheInsert) {
  store.begin_batch();
  ASSERT_EQ(store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 40), kiosk), "b1").status, Status::imported);
  const auto answers = count("answers"), attempts = count("attempts");
  ASSERT_EQ(answers, 80);
  // The same attempts exported again: counted once.
  auto again = store.import_bundle(write_bundle("c", 2, {}, sample_payload("c", 40), kiosk), "b2");
  ASSERT_EQ(again.status, Status::imported) << again.reason.en;
  EXPECT_EQ(again.attempts, 0);
  // A new first attempt, then a second whose answer 35 (in the 8-row part)
  // reuses a stored id with other content.
  auto p = sample_payload("c", 40, 1000);
  p.attempts[1].answers[35].uuid = testing::uuid_from(3);
  p.attempts[1].answers[35].response = "D";
  auto refused = store.import_bundle(write_bundle("c", 3, {}, p, kiosk), "b3");
  EXPECT_EQ(refused.status, Status::refused);
  EXPECT_NE(refused.reason.en.find(uuid_to_string(testing::uuid_from(3))), std::string::npos) << refused.reason.en;
  // A stored answer (same content) in the middle of the 32-row part of a new attempt.
  auto q = sample_payload("c", 40, 2000);
  q.attempts[0].answers[10] = sample_payload("c", 40).attempts[0].answers[10];
  EXPECT_EQ(store.import_bundle(write_bundle("c", 4, {}, q, kiosk), "b4").status, Status::refused);
  // Stored content changed in one field only (the latency) in the 32-row part.
  auto r = sample_payload("c", 40);
  r.attempts[0].answers[5].latency_ms += 1;
  EXPECT_EQ(store.import_bundle(write_bundle("c", 5, {}, r, kiosk), "b5").status, Status::refused);
  ASSERT_EQ(store.import_bundle(write_bundle("c", 6, {}, sample_payload("c", 40, 3000), kiosk), "b6").status, Status::imported);
  store.commit_batch();
  EXPECT_EQ(count("answers"), answers + 80);
  EXPECT_EQ(count("attempts"), attempts + 2);
  EXPECT_EQ(count("bundles"), 3);
  EXPECT_EQ(orphan_answers(), 0) << "answers pointing at no attempt";
  auto per_attempt = store.db().prepare("SELECT count(*) FROM attempts t WHERE answer_count != (SELECT count(*) FROM answers WHERE attempt_id = t.id)");
  per_attempt.step();
  EXPECT_EQ(per_attempt.int64(0), 0);
}

TEST_F(StoreTest, UnregisteredEnterpriseIsKeptAndFlagged) {
  auto out = store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 2), kiosk), "b1");
  ASSERT_EQ(out.notes.size(), 1u);
  EXPECT_NE(out.notes[0].en.find("unregistered enterprise"), std::string::npos);
  auto e = store.enterprise(kUscc);
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->registered);
  // Registering it later is not a second registration.
  store.add_enterprise({kUscc, "福建示例公司", "district", "鼓楼区总工会", 100}, 2026);
  EXPECT_TRUE(store.enterprise(kUscc)->registered);
}

TEST_F(StoreTest, SequenceGapIsReported) {
  store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 1, 1), kiosk), "b1");
  store.import_bundle(write_bundle("c", 4, {}, sample_payload("c", 1, 100), kiosk), "b4");
  auto gaps = store.sequence_gaps();
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_NE(gaps[0].en.find("missing sequence 2, 3"), std::string::npos);
}

TEST_F(StoreTest, SameSequenceWithOtherContentIsRefused) {
  store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 1, 1), kiosk), "b1");
  auto out = store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 1, 100), kiosk), "b1bis");
  EXPECT_EQ(out.status, Status::refused);
  EXPECT_NE(out.reason.en.find("sequence 1"), std::string::npos);
}

TEST_F(StoreTest, UnknownDeviceIsRefused) {
  auto out = store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 1), key_from_byte(9)), "x");
  EXPECT_EQ(out.status, Status::refused);
  EXPECT_NE(out.reason.en.find("unregistered device"), std::string::npos);
}

TEST_F(StoreTest, EnterpriseRegistersOnlyOnce) {
  store.add_enterprise({"９１３５０１００ｍ000100Y43", "福建示例公司", "属地", "鼓楼区总工会", 120}, 2026);
  try {
    store.add_enterprise({kUscc, "福建示例公司", "industry", "市建设工会", 120}, 2026);
    FAIL() << "second registration accepted";
  } catch (const ResultsError& e) {
    EXPECT_NE(e.text().zh.find("不能重复报名"), std::string::npos);
    EXPECT_NE(e.text().zh.find("鼓楼区总工会"), std::string::npos);
  }
}

TEST_F(StoreTest, WrongCheckIsRefusedUnlessAllowlisted) {
  const char* bad = "91350100M000100Y44";
  try {
    store.add_enterprise({bad, "甲", "district", "区总工会", 10}, 2026);
    FAIL();
  } catch (const ResultsError& e) {
    EXPECT_NE(e.text().en.find("expected '3'"), std::string::npos);
  }
  store.allow_uscc(bad, "issued with this code");
  EXPECT_NO_THROW(store.add_enterprise({bad, "甲", "district", "区总工会", 10}, 2026));
}

TEST(ChinaYear, UsesUtcPlusEight) {
  EXPECT_EQ(china_year(1767225600000 - 8 * 3600 * 1000), 2026);  // 2026-01-01 00:00 CST
  EXPECT_EQ(china_year(1767225600000 - 8 * 3600 * 1000 - 1), 2025);
}

}  // namespace
}  // namespace ankang::results
