#include "engine_io/config_json.h"

#include "engine_io/json_reader.h"

namespace ankang::io {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kTypeCodes = "single, multiple, true_false, fill_blank, matching, ordering, hotspot";

template <typename E, typename FromCode>
void read_code(ObjectReader& r, const char* key, E& out, FromCode from_code, const char* choices) {
  std::string code;
  if (!r.has(key)) {
    r.read(key, code);
    return;
  }
  r.read(key, code);
  auto v = from_code(code);
  if (!v) r.fail(key, std::string("以下之一：") + choices, std::string("one of: ") + choices);
  out = *v;
}

void read_rules(ObjectReader& parent, const char* key, scoring::PointRules& rules, std::vector<FieldProblem>& out) {
  const json* j = parent.child(key);
  if (!j) return;
  ObjectReader r(*j, parent.field(key) + ".");
  r.read("points", rules.points);
  r.read("wrong_penalty", rules.wrong_penalty);
  read_code(r, "partial", rules.partial, scoring::partial_credit_from_code, "all_or_nothing, half_if_subset, proportional");
  read_code(r, "time_bonus", rules.time_bonus, scoring::time_bonus_from_code, "none, linear, kahoot");
  r.read("bonus_max", rules.bonus_max);
  r.read("streak_bonus", rules.streak_bonus);
  r.read("streak_from", rules.streak_from);
  r.check_unknown(out);
}

void read_types(ObjectReader& r, std::vector<QuestionType>& out) {
  std::vector<std::string> codes;
  r.read("types", codes);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const auto type = type_from_code(codes[i]);
    if (!type) {
      const std::string key = "types[" + std::to_string(i) + "]";
      r.fail(key.c_str(), std::string("以下之一：") + kTypeCodes, std::string("one of: ") + kTypeCodes);
    }
    out.push_back(*type);
  }
}

RoundConfig read_round(const json& j, const std::string& at, std::vector<FieldProblem>& out) {
  ObjectReader r(j, at);
  RoundConfig round;
  read_code(r, "kind", round.kind, round_from_code, "compulsory, buzzer, risk, speed, tiebreak, audience");
  round.name = std::string(round_name_zh(round.kind));
  r.read("name", round.name);
  r.read("questions", round.questions);
  r.read("answer_ms", round.answer_ms);
  if (round.kind == RoundKind::audience && r.has("rules"))
    out.push_back({r.field("rules"), {"互动题不计分，不能设置 rules", "an audience round scores nothing, so it has no rules"}});
  read_rules(r, "rules", round.rules, out);
  r.read("rotate_members", round.rotate_members);
  r.read("tie_window_ms", round.tie_window_ms);
  r.read("foul_penalty", round.foul_penalty);
  r.read("pass_on_wrong", round.pass_on_wrong);
  r.read("stakes", round.stakes);
  r.read("stake_difficulty", round.stake_difficulty);
  r.read("designate", round.designate);
  r.read("duration_ms", round.duration_ms);
  r.read("places", round.places);
  r.read("categories", round.categories);
  read_types(r, round.types);
  r.read("difficulty", round.difficulty);
  r.check_unknown(out);
  return round;
}

ordered_json rules_json(const scoring::PointRules& r) {
  ordered_json j;
  j["points"] = r.points;
  j["wrong_penalty"] = r.wrong_penalty;
  j["partial"] = scoring::partial_credit_code(r.partial);
  j["time_bonus"] = scoring::time_bonus_code(r.time_bonus);
  j["bonus_max"] = r.bonus_max;
  j["streak_bonus"] = r.streak_bonus;
  j["streak_from"] = r.streak_from;
  return j;
}

}  // namespace

LoadedConfig config_from_json(const json& j) {
  LoadedConfig out;
  ContestConfig& c = out.config;
  try {
    ObjectReader r(j, "");
    r.read("id", c.id);
    r.read("name", c.name);
    if (!r.has("format")) out.problems.push_back({"format", {"缺少竞赛形式", "the format is missing"}});
    read_code(r, "format", c.format, format_from_code, "practice, timed_test, team, distributed");
    r.read("question_count", c.question_count);
    r.read("categories", c.categories);
    r.read("question_ms", c.question_ms);
    r.read("paper_ms", c.paper_ms);
    r.read("pass_mark", c.pass_mark);
    read_rules(r, "rules", c.rules, out.problems);
    r.read("relearn_ms", c.relearn_ms);
    r.read("start_points", c.start_points);
    r.read("lifelines", c.lifelines);
    r.read("lifeline_ms", c.lifeline_ms);
    r.read("min_teams", c.min_teams);
    r.read("max_teams", c.max_teams);
    r.read("members_per_team", c.members_per_team);
    read_code(r, "combine", c.combine, scoring::combine_from_code, "sum, mean, best_n");
    r.read("best_n", c.best_n);
    if (const json* rounds = r.child("rounds")) {
      if (!rounds->is_array()) r.fail("rounds", "数组", "an array");
      for (std::size_t i = 0; i < rounds->size(); ++i)
        c.rounds.push_back(read_round((*rounds)[i], "rounds[" + std::to_string(i) + "].", out.problems));
    }
    if (r.has("ranking")) {
      std::vector<std::string> metrics;
      r.read("ranking", metrics);
      c.ranking.clear();
      for (const auto& m : metrics) c.ranking.push_back({m, scoring::default_order(m)});
    }
    r.check_unknown(out.problems);
  } catch (const JsonFieldError& e) {
    out.problems.push_back(e.problem);
    return out;
  }
  // Unknown fields do not hide the other problems.
  for (auto& p : validate(c)) out.problems.push_back(std::move(p));
  return out;
}

LoadedConfig parse_config(std::string_view text) {
  try {
    return config_from_json(json::parse(text));
  } catch (const json::parse_error& e) {
    LoadedConfig out;
    out.problems.push_back(syntax_problem(text, e));
    return out;
  } catch (const json::out_of_range& e) {
    // The parser refuses a number beyond a double (1e400) this way, not as a syntax error.
    LoadedConfig out;
    out.problems.push_back({"", {std::string("JSON 数值超出范围（") + e.what() + "）", std::string("JSON number out of range (") + e.what() + ")"}});
    return out;
  }
}

ordered_json config_to_json(const ContestConfig& c) {
  ordered_json j;
  j["id"] = c.id;
  j["name"] = c.name;
  j["format"] = format_code(c.format);
  j["question_count"] = c.question_count;
  j["categories"] = c.categories;
  j["question_ms"] = c.question_ms;
  j["paper_ms"] = c.paper_ms;
  j["pass_mark"] = c.pass_mark;
  j["rules"] = rules_json(c.rules);
  j["relearn_ms"] = c.relearn_ms;
  j["start_points"] = c.start_points;
  j["lifelines"] = c.lifelines;
  j["lifeline_ms"] = c.lifeline_ms;
  j["min_teams"] = c.min_teams;
  j["max_teams"] = c.max_teams;
  j["members_per_team"] = c.members_per_team;
  j["combine"] = scoring::combine_code(c.combine);
  j["best_n"] = c.best_n;
  j["rounds"] = ordered_json::array();
  for (const auto& r : c.rounds) {
    ordered_json o;
    o["kind"] = round_code(r.kind);
    o["name"] = r.name;
    o["questions"] = r.questions;
    o["answer_ms"] = r.answer_ms;
    if (r.kind != RoundKind::audience) o["rules"] = rules_json(r.rules);
    o["rotate_members"] = r.rotate_members;
    o["tie_window_ms"] = r.tie_window_ms;
    o["foul_penalty"] = r.foul_penalty;
    o["pass_on_wrong"] = r.pass_on_wrong;
    o["stakes"] = r.stakes;
    o["stake_difficulty"] = r.stake_difficulty;
    o["designate"] = r.designate;
    o["duration_ms"] = r.duration_ms;
    o["places"] = r.places;
    o["categories"] = r.categories;
    o["types"] = ordered_json::array();
    for (QuestionType t : r.types) o["types"].push_back(type_code(t));
    o["difficulty"] = r.difficulty;
    j["rounds"].push_back(std::move(o));
  }
  j["ranking"] = ordered_json::array();
  for (const auto& t : c.ranking) j["ranking"].push_back(t.metric);
  return j;
}

std::string describe_problems(std::string_view file, const std::vector<FieldProblem>& problems, bool chinese) {
  std::string out;
  for (const auto& p : problems) {
    out += file;
    out += ": ";
    if (!p.field.empty()) out += p.field + ": ";
    out += chinese ? p.message.zh : p.message.en;
    out += '\n';
  }
  return out;
}

}  // namespace ankang::io
