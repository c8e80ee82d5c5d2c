// Contest configs and logs in JSON: round trips and errors that name the field.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "engine_io/config_json.h"
#include "engine_io/log_io.h"
#include "fixtures.h"

namespace ankang::testing {
namespace {

bool names_field(const std::vector<FieldProblem>& problems, const std::string& field) {
  for (const auto& p : problems)
    if (p.field == field) return true;
  return false;
}

TEST(ConfigJson, ExamplesAreValidAndRoundTrip) {
  for (const char* name : {"team", "onsite_final", "practice", "timed_test", "distributed"}) {
    std::ifstream in(std::string(ANKANG_SOURCE_DIR) + "/data/contests/" + name + ".json");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto loaded = io::parse_config(text);
    ASSERT_TRUE(loaded.ok()) << name << ": " << io::describe_problems(name, loaded.problems, false);
    const auto again = io::config_from_json(nlohmann::json::parse(io::config_to_json(loaded.config).dump()));
    ASSERT_TRUE(again.ok()) << name;
    EXPECT_EQ(again.config, loaded.config) << name;
  }
}

TEST(ConfigJson, BadConfigsNameTheField) {
  struct Case {
    const char* json;
    const char* field;
  };
  const Case cases[] = {
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"risk","stakes":[10,10]}]})", "rounds[0].stakes"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"buzzer","tie_window_ms":5000}]})",
       "rounds[0].tie_window_ms"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"sprint"}]})", "rounds[0].kind"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"speed","questoins":3}]})", "rounds[0].questoins"},
      {R"({"id":"a","name":"b","format":"team","rounds":[]})", "rounds"},
      {R"({"id":"a","name":"b","format":"timed_test","question_count":"20"})", "question_count"},
      {R"({"id":"a","name":"b","format":"timed_test","rules":{"partial":"half"}})", "rules.partial"},
      {R"({"id":"a","name":"b","format":"timed_test","ranking":["points","speed"]})", "ranking[1]"},
      {R"({"id":"a","name":"b","format":"distributed","members_per_team":3,"combine":"best_n","best_n":5})", "best_n"},
      {R"({"id":"","name":"b","format":"practice"})", "id"},
      {R"({"id":"a","name":"b"})", "format"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"tiebreak"},{"kind":"buzzer"}]})", "rounds[0].kind"},
      {R"({"id":"a","name":"b","format":"timed_test","start_points":100})", "start_points"},
      {R"({"id":"a","name":"b","format":"team","start_points":"100","rounds":[{"kind":"buzzer"}]})", "start_points"},
      {R"({"id":"a","name":"b","format":"team","start_points":-5,"rounds":[{"kind":"buzzer"}]})", "start_points"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"buzzer","types":["single","essay"]}]})",
       "rounds[0].types[1]"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"buzzer","difficulty":[2,9]}]})", "rounds[0].difficulty"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"risk","stakes":[10,20],"stake_difficulty":[[1],[2,7]]}]})",
       "rounds[0].stake_difficulty[1]"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"risk","stakes":[10,20],"stake_difficulty":[1,2]}]})",
       "rounds[0].stake_difficulty"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"speed","designate":true}]})", "rounds[0].designate"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"audience","rules":{"points":10}}]})", "rounds[0].rules"},
      {R"({"id":"a","name":"b","format":"team","lifelines":99,"rounds":[{"kind":"buzzer"}]})", "lifelines"},
      {R"({"id":"a","name":"b","format":"practice","lifelines":1})", "lifelines"},
      {R"({"id":"a","name":"b","format":"team","rounds":[{"kind":"buzzer","categories":"消防安全"}]})",
       "rounds[0].categories"},
  };
  for (const auto& c : cases) {
    const auto loaded = io::parse_config(c.json);
    EXPECT_TRUE(names_field(loaded.problems, c.field))
        << c.json << "\n" << io::describe_problems("x", loaded.problems, false);
  }
}

TEST(ConfigJson, SyntaxErrorsGiveLineAndColumn) {
  const auto loaded = io::parse_config("{\n  \"id\": \"a\",\n  \"name\" \"b\"\n}");
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_NE(loaded.problems[0].message.en.find("line 3, column 12"), std::string::npos)
      << loaded.problems[0].message.en;
  EXPECT_NE(loaded.problems[0].message.zh.find("第 3 行第 12 列"), std::string::npos);
}

TEST(LogIo, BadLinesAreNamedByLineAndField) {
  ankang::Setup s;
  s.config = player_config(ContestFormat::timed_test, 2);
  s.paper = paper(2);
  s.names = {"甲"};
  const std::string header = io::log_header_line(s);
  try {
    io::read_log("c.log", header + "{\"at\":1,\"kind\":\"start\",\"actor\":0}\n{\"at\":2,\"kind\":\"answer\",\"response\":{\"choices\":-1}}\n");
    FAIL() << "accepted a bad response";
  } catch (const io::LogError& e) {
    EXPECT_NE(e.text.en.find("c.log:3: response.choices"), std::string::npos) << e.text.en;
  }
  try {  // a number beyond a double is a located error, not an escaping exception
    io::read_log("c.log", header + "{\"at\":1e400,\"kind\":\"start\",\"actor\":0}\n");
    FAIL() << "accepted 1e400";
  } catch (const io::LogError& e) {
    EXPECT_NE(e.text.en.find("c.log:2: wrong value type"), std::string::npos) << e.text.en;
  }
  EXPECT_THROW(io::read_log("c.log", ""), io::LogError);
  EXPECT_THROW(io::read_log("c.log", "{\"format\":\"other\"}\n"), io::LogError);
  s.names.clear();  // no player: the setup itself is refused
  EXPECT_THROW(io::read_log("c.log", io::log_header_line(s)), io::LogError);
}

}  // namespace
}  // namespace ankang::testing
