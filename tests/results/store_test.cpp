#include "results/store.h"

#include <gtest/gtest.h>

#include "results/error.h"
#include "sample.h"

namespace ankang::results {
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
};

TEST_F(StoreTest, MigratesToTheNewestSchema) { EXPECT_EQ(store.schema_version(), 1); }

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
  auto s = store.db().prepare("SELECT count(*) FROM answers a LEFT JOIN attempts t ON t.id = a.attempt_id WHERE t.id IS NULL");
  s.step();
  EXPECT_EQ(s.int64(0), 0) << "answers pointing at no attempt";
  auto sums = store.db().prepare("SELECT sum(n) FROM question_year");
  sums.step();
  EXPECT_EQ(sums.int64(0), answers + 10);
}

TEST_F(StoreTest, UnregisteredEnterpriseIsKeptAndFlagged) {
  auto out = store.import_bundle(write_bundle("c", 1, {}, sample_payload("c", 2), kiosk), "b1");
  ASSERT_EQ(out.notes.size(), 1u);
  EXPECT_NE(out.notes[0].en.find("unregistered enterprise"), std::string::npos);
  auto e = store.enterprise(kUscc);
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->registered);
  // Registering it later is not a second registration.
  store.add_enterprise({kUscc, "福建示例公司", "district", "鼓楼区总工会", 100});
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
  store.add_enterprise({"９１３５０１００ｍ000100Y43", "福建示例公司", "属地", "鼓楼区总工会", 120});
  try {
    store.add_enterprise({kUscc, "福建示例公司", "industry", "市建设工会", 120});
    FAIL() << "second registration accepted";
  } catch (const ResultsError& e) {
    EXPECT_NE(e.text().zh.find("不能重复报名"), std::string::npos);
    EXPECT_NE(e.text().zh.find("鼓楼区总工会"), std::string::npos);
  }
}

TEST_F(StoreTest, WrongCheckIsRefusedUnlessAllowlisted) {
  const char* bad = "91350100M000100Y44";
  try {
    store.add_enterprise({bad, "甲", "district", "区总工会", 10});
    FAIL();
  } catch (const ResultsError& e) {
    EXPECT_NE(e.text().en.find("expected '3'"), std::string::npos);
  }
  store.allow_uscc(bad, "issued with this code");
  EXPECT_NO_THROW(store.add_enterprise({bad, "甲", "district", "区总工会", 10}));
}

TEST(ChinaYear, UsesUtcPlusEight) {
  EXPECT_EQ(china_year(1767225600000 - 8 * 3600 * 1000), 2026);  // 2026-01-01 00:00 CST
  EXPECT_EQ(china_year(1767225600000 - 8 * 3600 * 1000 - 1), 2025);
}

}  // namespace
}  // namespace ankang::results
