// Golden transcripts: each example config in data/contests/ played by seeded
// bots on a fixed paper; the events, rendered as text, must match the file
// committed in tests/engine/golden/. ANKANG_UPDATE_GOLDEN=1 rewrites them
// (review the diff before committing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "engine/simulate.h"
#include "engine/standings.h"
#include "engine/transcript.h"
#include "engine_io/config_json.h"
#include "mixed_paper.h"

namespace ankang::testing {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string transcript_of(const std::string& name, int competitors) {
  const auto loaded = io::parse_config(read(std::string(ANKANG_SOURCE_DIR) + "/data/contests/" + name + ".json"));
  EXPECT_TRUE(loaded.ok()) << name;
  auto setup = std::make_shared<Setup>();
  setup->config = loaded.config;
  setup->seed = 2026;
  for (int i = 0; i < competitors; ++i) setup->names.push_back("N" + std::to_string(i));
  setup->paper = mixed_paper(80);
  EXPECT_TRUE(validate(*setup).empty()) << name;
  SimOptions opt;
  opt.seed = 11;
  opt.accuracy = 650;
  const Simulation sim = simulate(setup, opt);
  std::vector<Event> events;
  const State again = replay(setup, sim.log, &events);
  EXPECT_EQ(again, sim.state) << name;
  std::string out = render_events(events);
  out += "-- standings\n";
  for (const auto& s : standings(again))
    out += std::to_string(s.rank) + " " + s.name + " points=" + std::to_string(s.points) +
           " correct=" + std::to_string(s.correct) + "\n";
  return out;
}

void check_golden(const std::string& name, int competitors) {
  const std::string got = transcript_of(name, competitors);
  const std::string path = std::string(ANKANG_SOURCE_DIR) + "/tests/engine/golden/" + name + ".txt";
  if (const char* update = std::getenv("ANKANG_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << got;
    return;
  }
  const std::string want = read(path);
  ASSERT_FALSE(want.empty()) << "missing " << path;
  EXPECT_EQ(got, want) << "transcript of " << name << " changed; rerun with ANKANG_UPDATE_GOLDEN=1 and review";
}

TEST(Golden, TeamContest) { check_golden("team", 4); }
TEST(Golden, OnsiteFinal) { check_golden("onsite_final", 4); }
TEST(Golden, TimedTest) { check_golden("timed_test", 2); }
TEST(Golden, Practice) { check_golden("practice", 1); }
TEST(Golden, Distributed) { check_golden("distributed", 8); }

}  // namespace
}  // namespace ankang::testing
