// The simulation makes answer ids as kiosks do: time-ordered (RFC 9562
// version 7) from the answer time, so a kiosk's ids only grow; the import
// stays idempotent with them.
#include "results/simulate.h"

#include <gtest/gtest.h>

#include <map>

namespace ankang::results {
namespace {

SimulationOptions small() {
  SimulationOptions o;
  o.enterprises = 6;
  o.kiosks = 3;
  o.workers = 60;
  o.seed = 7;
  o.questions_per_paper = 12;
  o.attempts_per_bundle = 4;
  return o;
}

DeviceLookup kiosks_of(const Simulation& sim) {
  return [&sim](const DeviceId& id) -> std::optional<PublicKey> {
    for (const auto& k : sim.kiosks)
      if (device_id_of(k.public_key) == id) return k.public_key;
    return std::nullopt;
  };
}

std::int64_t unix_ms_of(const Uuid& u) {
  std::int64_t ms = 0;
  for (std::size_t i = 0; i < 6; ++i) ms = ms << 8 | u[i];
  return ms;
}

TEST(Simulation, AnswerIdsAreVersionSevenFromTheAnswerTimeAndGrowPerKiosk) {
  const auto sim = simulate(small());
  ASSERT_GT(sim.answers, 0u);
  std::map<std::string, Uuid> last;  // device id (hex) -> its previous answer id
  std::size_t answers = 0;
  for (const auto& sb : sim.bundles) {  // in each kiosk's sequence order
    const auto b = read_bundle(sb.bytes, kiosks_of(sim));
    const auto device = to_hex(b.header.device_id);
    for (const auto& t : b.payload.attempts)
      for (const auto& a : t.answers) {
        EXPECT_EQ(a.uuid[6] >> 4, 7) << uuid_to_string(a.uuid);
        EXPECT_EQ(a.uuid[8] >> 6, 2) << uuid_to_string(a.uuid);  // RFC 9562 variant
        EXPECT_EQ(unix_ms_of(a.uuid), t.started_at_ms + a.shown_ms) << uuid_to_string(a.uuid);
        if (auto it = last.find(device); it != last.end()) {
          EXPECT_LT(it->second, a.uuid) << uuid_to_string(a.uuid);
        }
        last[device] = a.uuid;
        ++answers;
      }
  }
  EXPECT_EQ(answers, sim.answers);
}

TEST(Simulation, RandomIdsOnRequestAndTheSameSeedGivesTheSameBytes) {
  auto o = small();
  o.time_ordered_ids = false;
  const auto sim = simulate(o);
  for (const auto& t : read_bundle(sim.bundles.front().bytes, kiosks_of(sim)).payload.attempts)
    for (const auto& a : t.answers) EXPECT_EQ(a.uuid[6] >> 4, 4) << uuid_to_string(a.uuid);
  const auto again = simulate(small()), first = simulate(small());
  ASSERT_EQ(again.bundles.size(), first.bundles.size());
  for (std::size_t i = 0; i < first.bundles.size(); ++i) EXPECT_EQ(again.bundles[i].bytes, first.bundles[i].bytes) << i;
}

TEST(Simulation, TimeOrderedIdsImportOnceAndAgainAddNothing) {
  const auto sim = simulate(small());
  OrganiserStore store(":memory:");
  for (const auto& k : sim.kiosks) store.add_device(k.public_key, "");
  std::size_t answers = 0;
  for (const auto& sb : sim.bundles) {
    const auto out = store.import_bundle(sb.bytes, sb.name);
    ASSERT_EQ(out.status, ImportOutcome::Status::imported) << sb.name << ": " << out.reason.en;
    answers += static_cast<std::size_t>(out.answers);
  }
  EXPECT_EQ(answers, sim.answers);
  for (const auto& sb : sim.bundles) EXPECT_EQ(store.import_bundle(sb.bytes, sb.name).status, ImportOutcome::Status::already_imported);
  auto s = store.db().prepare("SELECT count(*) FROM answers");
  s.step();
  EXPECT_EQ(static_cast<std::size_t>(s.int64(0)), sim.answers);
}

}  // namespace
}  // namespace ankang::results
