// The city roll-up: two units' stores built from simulated bundles export
// signed roll-ups that the city merges: an enterprise both registered is
// reported as 重复报名 naming both and counted once; importing again adds
// nothing, a newer export only what is new; a conflict or a bad file
// refuses the whole file and leaves the city's store as it was.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>

#include "embed/embedded_file.h"
#include "results/error.h"
#include "results/report.h"
#include "results/report_table.h"
#include "results/rollup.h"
#include "results/simulate.h"
#include "results/store.h"
#include "sample.h"
#include "store_dump.h"

namespace ankang::results {

// Generated from results/sql/*.sql by ankang_embed.
namespace sql { std::span<const EmbeddedFile> files(); }

namespace {

using testing::key_from_byte;
using testing::store_dump;
using Status = ImportOutcome::Status;

constexpr std::int64_t kT1 = 1785000000000;  // 2026-07-25, the first export
constexpr std::int64_t kT2 = kT1 + 86400000;  // a day later

// A unit's simulated year: its enterprises all registered with `unit`.
Simulation simulate_unit(std::uint64_t seed, const std::string& unit, const std::string& affiliation) {
  SimulationOptions o;
  o.enterprises = 5;
  o.kiosks = 2;
  o.workers = 60;
  o.seed = seed;
  o.year = 2026;
  o.questions_per_paper = 8;
  o.attempts_per_bundle = 4;
  o.contest_id = "ankang-" + std::to_string(seed);
  auto sim = simulate(o);
  for (auto& e : sim.enterprises) {
    e.unit = unit;
    e.affiliation = affiliation;
  }
  return sim;
}

// The bundles [from, to) of a simulation, each imported.
void import_bundles(OrganiserStore& store, const Simulation& sim, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < std::min(to, sim.bundles.size()); ++i) {
    const auto out = store.import_bundle(sim.bundles[i].bytes, sim.bundles[i].name);
    ASSERT_EQ(out.status, Status::imported) << sim.bundles[i].name << ": " << out.reason.en;
  }
}

// Registers the kiosks and enterprises and imports the first `bundles` bundles.
void fill(OrganiserStore& store, const Simulation& sim, std::size_t bundles = SIZE_MAX) {
  for (const auto& k : sim.kiosks) store.add_device(k.public_key, "");
  for (const auto& e : sim.enterprises) store.add_enterprise(e, 2026);
  import_bundles(store, sim, 0, bundles);
}

std::int64_t scalar(OrganiserStore& store, const std::string& sql) {
  auto s = store.db().prepare(sql);
  s.step();
  return s.int64(0);
}

// Sums of every worker's year, as the reports read them.
std::string worker_years(OrganiserStore& store) {
  auto s = store.db().prepare(
      "SELECT w.uscc, w.employee_no, y.year, y.attempts, round(y.sum_percent, 6), round(y.best_percent, 6) FROM worker_year y "
      "JOIN workers w ON w.id = y.worker_id ORDER BY 1, 2, 3");
  std::string out;
  while (s.step())
    out += s.text(0) + " " + s.text(1) + " " + std::to_string(s.int64(2)) + " " + std::to_string(s.int64(3)) + " " +
           std::to_string(s.real(4)) + " " + std::to_string(s.real(5)) + "\n";
  return out;
}

// Answers in the bundles [from, to) of a simulation.
std::size_t answers_of(const Simulation& sim, std::size_t from, std::size_t to) {
  auto kiosk = [&](const DeviceId& id) -> std::optional<PublicKey> {
    for (const auto& k : sim.kiosks)
      if (device_id_of(k.public_key) == id) return k.public_key;
    return std::nullopt;
  };
  std::size_t n = 0;
  for (std::size_t i = from; i < std::min(to, sim.bundles.size()); ++i) n += read_bundle(sim.bundles[i].bytes, kiosk).payload.answer_count();
  return n;
}

struct RollupTest : ::testing::Test {
  Simulation a = simulate_unit(11, "鼓楼区总工会", "district");
  Simulation b = simulate_unit(12, "市建设工会", "industry");
  KeyPair key_a = key_from_byte(0xA1), key_b = key_from_byte(0xB2);
  OrganiserStore store_a{":memory:"}, store_b{":memory:"}, city{":memory:"};
  Enterprise shared;  // registered with A (鼓楼区总工会) and with B (市建设工会)

  void SetUp() override {
    fill(store_a, a);
    fill(store_b, b);
    shared = a.enterprises.front();
    Enterprise again = shared;
    again.unit = "市建设工会";
    again.affiliation = "industry";
    again.headcount = shared.headcount + 7;
    store_b.add_enterprise(again, 2026);
    city.add_unit(key_a.public_key, "鼓楼区");
    city.add_unit(key_b.public_key, "建设工会");
  }
};

TEST_F(RollupTest, TwoUnitsMergeAndTheEnterpriseBothRegisteredIsReportedNamingBoth) {
  const auto ra = city.import_rollup(export_rollup(store_a, key_a, kT1), "a.ankr");
  ASSERT_EQ(ra.status, Status::imported) << ra.reason.en;
  EXPECT_EQ(ra.answers, static_cast<int>(a.answers));
  EXPECT_EQ(ra.attempts, 60);
  EXPECT_EQ(ra.registrations, 5);
  EXPECT_EQ(ra.unit_label, "鼓楼区");
  EXPECT_EQ(ra.fingerprint, fingerprint(key_a.public_key));
  EXPECT_TRUE(ra.duplicates.empty());
  EXPECT_TRUE(ra.notes.empty()) << ra.notes.front().en;  // every enterprise came with its registration

  const auto rb = city.import_rollup(export_rollup(store_b, key_b, kT1), "b.ankr");
  ASSERT_EQ(rb.status, Status::imported) << rb.reason.en;
  EXPECT_EQ(rb.answers, static_cast<int>(b.answers));
  EXPECT_EQ(rb.registrations, 6);
  EXPECT_EQ(scalar(city, "SELECT count(*) FROM answers"), static_cast<std::int64_t>(a.answers + b.answers));

  ASSERT_EQ(rb.duplicates.size(), 1u);
  const auto& d = rb.duplicates.front();
  EXPECT_EQ(d.uscc, shared.uscc);
  ASSERT_EQ(d.registrations.size(), 2u);
  // The first imported is the one counted.
  EXPECT_EQ(d.registrations[0].unit, "鼓楼区总工会");
  EXPECT_EQ(d.registrations[0].unit_label, "鼓楼区");
  EXPECT_EQ(d.registrations[0].fingerprint, fingerprint(key_a.public_key));
  EXPECT_EQ(d.registrations[0].headcount, shared.headcount);
  EXPECT_TRUE(d.registrations[0].counted);
  EXPECT_EQ(d.registrations[1].unit, "市建设工会");
  EXPECT_EQ(d.registrations[1].unit_label, "建设工会");
  EXPECT_EQ(d.registrations[1].affiliation, "industry");
  EXPECT_EQ(d.registrations[1].headcount, shared.headcount + 7);
  EXPECT_FALSE(d.registrations[1].counted);
  const auto words = describe(d);
  EXPECT_NE(words.zh.find("重复报名：" + shared.uscc + " " + shared.name), std::string::npos) << words.zh;
  EXPECT_NE(words.zh.find("鼓楼区总工会（鼓楼区 · "), std::string::npos) << words.zh;
  EXPECT_NE(words.zh.find(" 与 市建设工会（建设工会 · "), std::string::npos) << words.zh;
  EXPECT_NE(words.en.find("the totals count 鼓楼区总工会"), std::string::npos) << words.en;
  const auto all = city.duplicate_registrations();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].uscc, shared.uscc);
  const auto counted = city.enterprise(shared.uscc);
  ASSERT_TRUE(counted);
  EXPECT_EQ(counted->unit, "鼓楼区总工会");
  EXPECT_EQ(counted->headcount, shared.headcount);

  // A row (block) per unit; the shared enterprise counted once, under A.
  const auto table = summary_table(city, 2026);
  const auto own_a = summary_table(store_a, 2026), own_b = summary_table(store_b, 2026);
  ASSERT_EQ(table.units.size(), 2u);
  EXPECT_EQ(table.units[0].unit, "鼓楼区总工会");
  EXPECT_EQ(table.units[0].enterprises.size(), 5u);
  EXPECT_EQ(table.units[0].total.participants, own_a.overall.participants);
  EXPECT_EQ(table.units[0].total.attempts, own_a.overall.attempts);
  EXPECT_EQ(table.units[0].total.headcount, own_a.overall.headcount);
  EXPECT_NEAR(table.units[0].total.mean_score, own_a.overall.mean_score, 1e-9);
  EXPECT_EQ(table.units[1].unit, "市建设工会");
  EXPECT_EQ(table.units[1].enterprises.size(), 5u);
  EXPECT_EQ(table.units[1].total.participants, own_b.overall.participants);
  EXPECT_EQ(table.units[1].total.headcount, own_b.overall.headcount - (shared.headcount + 7));
  EXPECT_EQ(table.overall.participants, own_a.overall.participants + own_b.overall.participants);
  EXPECT_EQ(table.overall.attempts, 120);
  ASSERT_EQ(table.duplicates.size(), 1u);

  // The CSV's 重复报名 block lists both registrations after the table.
  const auto csv = summary_csv(table);
  const auto block = csv.find("\r\n\r\n重复报名");
  ASSERT_NE(block, std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n" + shared.uscc + "," + shared.name + ",鼓楼区总工会,鼓楼区总工会（鼓楼区 · " + fingerprint(key_a.public_key) +
                         "）,属地," + std::to_string(shared.headcount) + ",是\r\n",
                     block),
            std::string::npos)
      << csv.substr(block);
  EXPECT_NE(csv.find(",市建设工会,市建设工会（建设工会 · " + fingerprint(key_b.public_key) + "）,产业," +
                         std::to_string(shared.headcount + 7) + ",否\r\n",
                     block),
            std::string::npos)
      << csv.substr(block);
  EXPECT_EQ(csv.find(shared.uscc), csv.rfind(shared.uscc, block));  // once in the table itself
}

TEST_F(RollupTest, TheFirstImportedRegistrationCountsAndANewerExportReplacesTheUnitsOwn) {
  // B first: its registration of the shared enterprise is the one counted.
  ASSERT_EQ(city.import_rollup(export_rollup(store_b, key_b, kT1), "b.ankr").status, Status::imported);
  ASSERT_EQ(city.import_rollup(export_rollup(store_a, key_a, kT1), "a.ankr").status, Status::imported);
  auto regs = city.registrations(shared.uscc);
  ASSERT_EQ(regs.size(), 2u);
  EXPECT_EQ(regs[0].unit, "市建设工会");
  EXPECT_TRUE(regs[0].counted);
  EXPECT_EQ(city.enterprise(shared.uscc)->unit, "市建设工会");
  EXPECT_EQ(city.enterprise(shared.uscc)->headcount, shared.headcount + 7);
  // A's own results of it count under B's registration: one row, B's unit.
  auto table = summary_table(city, 2026);
  ASSERT_EQ(table.units.size(), 2u);
  EXPECT_EQ(table.units[0].enterprises.size(), 4u);  // 鼓楼区总工会 without it
  EXPECT_EQ(table.units[1].enterprises.size(), 6u);

  // B withdraws it (a newer export without it): A's registration counts now.
  const auto older_b = export_rollup(store_b, key_b, kT1 + 1);  // still with it; imported last
  store_b.db()
      .prepare("UPDATE enterprises SET registered = 0, name = '', affiliation = '', unit = '', headcount = 0 WHERE uscc = ?")
      .bind(1, shared.uscc)
      .run();
  const auto newer = city.import_rollup(export_rollup(store_b, key_b, kT2), "b2.ankr");
  ASSERT_EQ(newer.status, Status::imported) << newer.reason.en;
  EXPECT_EQ(newer.answers, 0);
  EXPECT_EQ(newer.registrations, 5);
  EXPECT_TRUE(newer.duplicates.empty());
  regs = city.registrations(shared.uscc);
  ASSERT_EQ(regs.size(), 1u);
  EXPECT_EQ(regs[0].unit, "鼓楼区总工会");
  EXPECT_TRUE(regs[0].counted);
  EXPECT_EQ(city.enterprise(shared.uscc)->unit, "鼓楼区总工会");
  EXPECT_EQ(city.enterprise(shared.uscc)->headcount, shared.headcount);
  EXPECT_TRUE(city.duplicate_registrations().empty());
  EXPECT_EQ(scalar(city, "SELECT count(*) FROM registrations"), 10);

  // An older export of B, after the newer: its results merge (nothing new),
  // its registration of the shared enterprise does not come back.
  const auto older = city.import_rollup(older_b, "b-old.ankr");
  EXPECT_EQ(older.status, Status::imported) << older.reason.en;
  EXPECT_TRUE(older.superseded);
  EXPECT_EQ(older.answers, 0);
  EXPECT_EQ(city.registrations(shared.uscc).size(), 1u);
  EXPECT_TRUE(city.duplicate_registrations().empty());
}

TEST_F(RollupTest, ImportingTheSameFileAgainAddsNothing) {
  const auto file = export_rollup(store_a, key_a, kT1);
  ASSERT_EQ(city.import_rollup(file, "a.ankr").status, Status::imported);
  const auto before = store_dump(city);
  const auto again = city.import_rollup(file, "a.ankr");
  EXPECT_EQ(again.status, Status::already_imported);
  EXPECT_EQ(again.answers, 0);
  EXPECT_EQ(store_dump(city), before);
  // A later export of the same store: a new file with nothing new in it.
  const auto later = city.import_rollup(export_rollup(store_a, key_a, kT2), "a2.ankr");
  ASSERT_EQ(later.status, Status::imported) << later.reason.en;
  EXPECT_EQ(later.answers, 0);
  EXPECT_EQ(later.attempts, 0);
  EXPECT_EQ(scalar(city, "SELECT count(*) FROM answers"), static_cast<std::int64_t>(a.answers));
  EXPECT_EQ(worker_years(city), worker_years(store_a));
}

TEST_F(RollupTest, ANewerExportAddsOnlyWhatIsNew) {
  OrganiserStore partial(":memory:");
  const auto half = a.bundles.size() / 2;
  fill(partial, a, half);
  const auto first = city.import_rollup(export_rollup(partial, key_a, kT1), "a1.ankr");
  ASSERT_EQ(first.status, Status::imported) << first.reason.en;
  EXPECT_EQ(first.answers, static_cast<int>(answers_of(a, 0, half)));
  const auto older_file = export_rollup(partial, key_a, kT1 + 1);  // made now, imported last

  import_bundles(partial, a, half, a.bundles.size());
  // A headcount correction in the unit's store travels with the next export.
  partial.db().prepare("UPDATE enterprises SET headcount = 999 WHERE uscc = ?").bind(1, shared.uscc).run();
  const auto second = city.import_rollup(export_rollup(partial, key_a, kT2), "a2.ankr");
  ASSERT_EQ(second.status, Status::imported) << second.reason.en;
  EXPECT_FALSE(second.superseded);
  EXPECT_EQ(second.answers, static_cast<int>(answers_of(a, half, a.bundles.size())));
  EXPECT_GT(second.answers, 0);
  EXPECT_EQ(scalar(city, "SELECT count(*) FROM answers"), static_cast<std::int64_t>(a.answers));
  // Every worker's sums as in a store that imported the bundles themselves.
  EXPECT_EQ(worker_years(city), worker_years(store_a));
  EXPECT_EQ(city.enterprise(shared.uscc)->headcount, 999);

  const auto late = city.import_rollup(older_file, "a-old.ankr");
  ASSERT_EQ(late.status, Status::imported) << late.reason.en;
  EXPECT_TRUE(late.superseded);
  EXPECT_EQ(late.answers, 0);
  EXPECT_EQ(city.enterprise(shared.uscc)->headcount, 999);
}

TEST_F(RollupTest, AnAnswerStoredWithOtherContentRefusesTheWholeFileAndChangesNothing) {
  ASSERT_EQ(city.import_rollup(export_rollup(store_a, key_a, kT1), "a.ankr").status, Status::imported);
  const auto before = store_dump(city);
  // The unit's data with one answer changed, after a new attempt whose
  // answers go in first and must be taken back.
  auto p = rollup_payload(store_a);
  auto fresh = p.records.attempts.front();
  for (auto& x : fresh.answers) x.uuid[15] ^= 0xFF;
  p.records.attempts.insert(p.records.attempts.begin(), fresh);
  auto& answer = p.records.attempts[3].answers[2];
  answer.response = "D";
  answer.correct_permille = answer.correct_permille == 1000 ? 0 : 1000;
  const auto forged = write_rollup(p, kT2, key_a);
  const auto out = city.import_rollup(forged, "forged.ankr");
  EXPECT_EQ(out.status, Status::refused);
  EXPECT_EQ(out.reason.en, "answer id " + uuid_to_string(answer.uuid) +
                               " was imported before with other content: the whole roll-up is refused");
  EXPECT_NE(out.reason.zh.find("整个汇总包被拒绝"), std::string::npos) << out.reason.zh;
  EXPECT_EQ(store_dump(city), before);

  // Inside a batch the refused file takes nothing with it and the good one goes in.
  city.begin_batch();
  EXPECT_EQ(city.import_rollup(forged, "forged.ankr").status, Status::refused);
  EXPECT_EQ(city.import_rollup(export_rollup(store_b, key_b, kT1), "b.ankr").status, Status::imported);
  city.commit_batch();
  EXPECT_EQ(scalar(city, "SELECT count(*) FROM answers"), static_cast<std::int64_t>(a.answers + b.answers));
  EXPECT_EQ(scalar(city, "SELECT count(*) FROM rollups"), 2);
}

TEST_F(RollupTest, TeamResultsKeepTheirContestAndAConflictRefusesTheFile) {
  // A host-mode team final at one of A's kiosks, exported in its own bundle.
  BundlePayload teams;
  TeamResult first;
  first.contest.fill(0x42);
  first.team = "装卸一班";
  first.enterprise_uscc = shared.uscc;
  first.rank = 1;
  first.centipoints = 12000;
  first.correct = 12;
  first.paper_seed = 5;
  first.started_at_ms = kT1 - 3600000;
  first.ended_at_ms = kT1 - 1800000;
  TeamResult second = first;
  second.team = "机修班";
  second.rank = 2;
  second.centipoints = 9000;
  teams.team_results = {first, second};
  ASSERT_EQ(store_a.import_bundle(write_bundle("2026-team-final", 1000, {}, teams, a.kiosks[0]), "final.ankb").status, Status::imported);

  const auto out = city.import_rollup(export_rollup(store_a, key_a, kT1), "a.ankr");
  ASSERT_EQ(out.status, Status::imported) << out.reason.en;
  EXPECT_EQ(out.team_results, 2);
  const auto stored = city.team_results(2026);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].contest_id, "2026-team-final");
  EXPECT_EQ(stored[0].team, "装卸一班");
  EXPECT_EQ(stored[0].enterprise, shared.name);
  EXPECT_EQ(stored[1].rank, 2);
  EXPECT_EQ(stored[1].centipoints, 9000);

  const auto before = store_dump(city);
  auto p = rollup_payload(store_a);
  ASSERT_EQ(p.team_contest_ids, (std::vector<std::string>{"2026-team-final", "2026-team-final"}));
  p.records.team_results[1].rank = 3;
  const auto refused = city.import_rollup(write_rollup(p, kT2, key_a), "forged.ankr");
  EXPECT_EQ(refused.status, Status::refused);
  EXPECT_NE(refused.reason.en.find("team result (contest " + uuid_to_string(first.contest)), std::string::npos) << refused.reason.en;
  EXPECT_NE(refused.reason.en.find("the whole roll-up is refused"), std::string::npos) << refused.reason.en;
  EXPECT_EQ(store_dump(city), before);
}

TEST_F(RollupTest, BadFilesAreRefusedWithTheirReasonAndChangeNothing) {
  const auto good = export_rollup(store_a, key_a, kT1);
  ASSERT_EQ(city.import_rollup(export_rollup(store_b, key_b, kT1), "b.ankr").status, Status::imported);
  const auto before = store_dump(city);
  auto expect_refused = [&](const Bytes& bytes, const std::string& why, const RollupVerifyOptions& options = {}) {
    const auto out = city.import_rollup(bytes, "bad.ankr", options);
    EXPECT_EQ(out.status, Status::refused) << why;
    EXPECT_NE(out.reason.en.find(why), std::string::npos) << out.reason.en;
    EXPECT_FALSE(out.reason.zh.empty());
    EXPECT_EQ(store_dump(city), before) << why;
    return out;
  };
  auto changed = [&](std::size_t at) {
    auto bytes = good;
    bytes[at] ^= 0x01;
    return bytes;
  };
  auto truncated = good;
  truncated.pop_back();
  expect_refused(truncated, "length mismatch: expected " + std::to_string(good.size()) + " bytes, got " +
                                std::to_string(good.size() - 1) + " (truncated or appended)");
  expect_refused(Bytes(good.begin(), good.begin() + 60), "file too short (60 bytes) to be a roll-up");
  expect_refused(changed(kRollupHeaderBytes + 10), "invalid signature: altered, or not signed by this unit");
  expect_refused(changed(good.size() - 1), "invalid signature");
  expect_refused(changed(0), "not a roll-up (wrong magic)");
  expect_refused(changed(8), "unsupported roll-up format version 0");
  expect_refused(a.bundles.front().bytes, "not a roll-up (wrong magic)");

  const auto stranger = key_from_byte(0xC3);
  const auto unknown = expect_refused(export_rollup(store_a, stranger, kT1),
                                      "unregistered unit key (fingerprint " + fingerprint(stranger.public_key) + ")");
  EXPECT_EQ(unknown.fingerprint, fingerprint(stranger.public_key));

  // Signed by the registered unit, but the header's counts are not the payload's.
  const auto p = rollup_payload(store_a);
  const auto body = write_rollup_payload(p);
  const RollupCounts counts{5, 60, static_cast<std::uint32_t>(a.answers), 0};
  auto miscounted = counts;
  miscounted.enterprises = 6;
  expect_refused(seal_rollup(body, miscounted, kT2, key_a), "enterprise count mismatch: header says 6, payload has 5");
  miscounted = counts;
  miscounted.answers += 1;
  expect_refused(seal_rollup(body, miscounted, kT2, key_a), "answer count mismatch");
  ASSERT_EQ(city.import_rollup(seal_rollup(body, counts, kT2, key_a), "control.ankr").status, Status::imported)
      << "the control: the same payload with its own counts goes in";
  const auto after_control = store_dump(city);

  // Declared list sizes far beyond the bytes: refused before allocating.
  ByteWriter bomb;
  bomb.u8(1);            // little-endian
  bomb.u32(1);           // RollupPayload version
  bomb.u32(0xFFFFFFFF);  // enterprises
  for (int i = 0; i < 64; ++i) bomb.u8(0);
  auto out = city.import_rollup(seal_rollup(bomb.bytes(), {}, kT2 + 1, key_a), "bomb.ankr");
  EXPECT_EQ(out.status, Status::refused);
  EXPECT_EQ(out.reason.en, "record field payload.enterprises is invalid: count 4294967295 exceeds the limit 100000");
  EXPECT_EQ(store_dump(city), after_control);

  auto twice = p;
  twice.enterprises.push_back(twice.enterprises.front());
  out = city.import_rollup(write_rollup(twice, kT2 + 2, key_a), "twice.ankr");
  EXPECT_NE(out.reason.en.find("registration 6 (" + twice.enterprises.front().uscc + "): is listed twice"), std::string::npos)
      << out.reason.en;
  auto nameless = p;
  nameless.enterprises[2].unit.clear();
  out = city.import_rollup(write_rollup(nameless, kT2 + 3, key_a), "nameless.ankr");
  EXPECT_NE(out.reason.en.find("lacks a name or an organising unit"), std::string::npos) << out.reason.en;
  // Another file with the export time of one already imported.
  auto other = p;
  other.enterprises[0].headcount += 1;
  out = city.import_rollup(write_rollup(other, kT2, key_a), "same-time.ankr");
  EXPECT_NE(out.reason.en.find("another roll-up exported at the same time"), std::string::npos) << out.reason.en;
  RollupVerifyOptions small;
  small.max_file_bytes = 1000;
  out = city.import_rollup(good, "big.ankr", small);
  EXPECT_NE(out.reason.en.find("roll-up too large (" + std::to_string(good.size()) + " bytes, limit 1000)"), std::string::npos)
      << out.reason.en;
  EXPECT_EQ(store_dump(city), after_control);
}

TEST_F(RollupTest, ExportRefusesAKeyPairThatDoesNotMatch) {
  KeyPair mixed;
  mixed.public_key = key_a.public_key;
  mixed.secret_key = key_b.secret_key;
  try {
    export_rollup(store_a, mixed, kT1);
    FAIL() << "exported with a secret key of another pair";
  } catch (const ResultsError& e) {
    EXPECT_EQ(e.text().en, "invalid signature: altered, or not signed by this unit");
  }
}

TEST_F(RollupTest, UnitsAreRegisteredOnceAndListedWithWhatTheySent) {
  EXPECT_THROW(city.add_unit(key_a.public_key, "again"), ResultsError);
  ASSERT_EQ(city.import_rollup(export_rollup(store_a, key_a, kT1), "a.ankr").status, Status::imported);
  const auto units = city.units();
  ASSERT_EQ(units.size(), 2u);
  const auto& ua = units[0].label == "鼓楼区" ? units[0] : units[1];
  const auto& ub = units[0].label == "鼓楼区" ? units[1] : units[0];
  EXPECT_EQ(ua.fingerprint, fingerprint(key_a.public_key));
  EXPECT_EQ(ua.rollups, 1);
  EXPECT_EQ(ua.newest_export_ms, kT1);
  EXPECT_EQ(ua.registrations, 5);
  EXPECT_EQ(ub.rollups, 0);
  EXPECT_EQ(ub.newest_export_ms, 0);
  EXPECT_EQ(ub.registrations, 0);
}

TEST(RollupFile, AnEmptyStoreExportsAnEmptyRollUpThatReadsBack) {
  OrganiserStore unit(":memory:");
  const auto key = key_from_byte(0xA1);
  const auto bytes = export_rollup(unit, key, kT1);
  EXPECT_EQ(bytes.size(), kRollupHeaderBytes + write_rollup_payload({}).size() + 64);
  const auto r = read_rollup(bytes, [&](const PublicKey& k) { return k == key.public_key; });
  EXPECT_EQ(r.header.exported_at_ms, kT1);
  EXPECT_EQ(r.header.unit_key, key.public_key);
  EXPECT_EQ(r.payload, RollupPayload{});
  EXPECT_EQ(r.hash, blake2b(bytes));
}

// A store of schema 3 (team results referencing bundles) keeps its team
// results, loses the reference, and takes a roll-up's.
TEST(RollupUpgrade, SchemaThreeStoreKeepsItsTeamResults) {
  namespace fs = std::filesystem;
  const auto path = fs::temp_directory_path() / ("ankang-rollup-upgrade-" + std::to_string(::getpid()) + ".db");
  fs::remove(path);
  {
    Database db(path.string());
    const auto files = sql::files();
    for (int i = 0; i < 3; ++i) db.exec(files[static_cast<std::size_t>(i)].text());
    db.exec(
        "PRAGMA user_version = 3;"
        "INSERT INTO devices VALUES (zeroblob(16), zeroblob(32), 'old', 0);"
        "INSERT INTO enterprises VALUES ('91350100M000100Y43', '甲厂', 'district', '区总工会', 100, 1);"
        "INSERT INTO bundles VALUES (x'01', zeroblob(16), 1, x'00', 'c', 0, 0);"
        "INSERT INTO team_results VALUES (zeroblob(16), '91350100M000100Y43', '一班组', x'01', 'c', 1, 900, 9, 0, 3, "
        "1782000000000, 1782000600000, 2026);");
  }
  {
    OrganiserStore store(path.string());
    EXPECT_EQ(store.schema_version(), 6);
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM pragma_foreign_key_list('team_results') WHERE \"table\" = 'bundles'"), 0);
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM pragma_index_list('team_results') WHERE name = 'team_results_by_year'"), 1);
    const auto kept = store.team_results(2026);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].team, "一班组");
    EXPECT_EQ(kept[0].centipoints, 900);
    EXPECT_EQ(store.enterprise("91350100M000100Y43")->name, "甲厂");
  }
  for (const auto* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

}  // namespace
}  // namespace ankang::results
