#include "engine_io/log_io.h"

#include <cstdint>

#include "engine_io/config_json.h"
#include "engine_io/json_reader.h"
#include "question_bank/formats/format.h"

namespace ankang::io {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr std::string_view kFormat = "ankang-contest-log";
constexpr int kVersion = 1;

ordered_json response_json(const Response& r) {
  ordered_json j = ordered_json::object();
  if (r.choices != 0) j["choices"] = r.choices;
  if (r.truth) j["truth"] = true;
  if (!r.texts.empty()) j["texts"] = r.texts;
  if (!r.order.empty()) j["order"] = r.order;
  if (!r.matches.empty()) j["matches"] = r.matches;
  if (!r.taps.empty()) {
    j["taps"] = ordered_json::array();
    for (const auto& t : r.taps) j["taps"].push_back({t.x, t.y});
  }
  return j;
}

Response read_response(const json& j, std::vector<FieldProblem>& problems) {
  ObjectReader r(j, "response.");
  Response out;
  if (const json* c = r.child("choices")) {
    if (!c->is_number_unsigned()) r.fail("choices", "非负整数（位掩码）", "a non-negative integer (bit mask)");
    out.choices = c->get<std::uint64_t>();
  }
  r.read("truth", out.truth);
  r.read("texts", out.texts);
  r.read("order", out.order);
  r.read("matches", out.matches);
  if (const json* taps = r.child("taps")) {
    if (!taps->is_array()) r.fail("taps", "坐标数组", "an array of [x, y]");
    for (const auto& t : *taps) {
      if (!t.is_array() || t.size() != 2 || !t[0].is_number_integer() || !t[1].is_number_integer())
        r.fail("taps", "坐标数组", "an array of [x, y]");
      out.taps.push_back({t[0].get<int>(), t[1].get<int>()});
    }
  }
  r.check_unknown(problems);
  return out;
}

TimedIntent read_intent(const json& j, std::vector<FieldProblem>& problems) {
  ObjectReader r(j, "");
  TimedIntent t;
  r.read("at", t.at);
  std::string kind;
  r.read("kind", kind);
  auto k = intent_from_code(kind);
  if (!k) r.fail("kind", "意图名称（answer、buzz、next …）", "an intent name (answer, buzz, next ...)");
  t.intent.kind = *k;
  r.read("actor", t.intent.actor);
  r.read("question", t.intent.question);
  r.read("attempt", t.intent.attempt);
  r.read("value", t.intent.value);
  if (const json* resp = r.child("response")) t.intent.response = read_response(*resp, problems);
  r.read("reason", t.intent.reason);
  r.check_unknown(problems);
  return t;
}

std::vector<Card> read_cards(const json& j) {
  std::vector<Card> cards;
  if (!j.is_array()) throw JsonFieldError{{"cards", {"应为数组", "must be an array"}}};
  for (const auto& c : j) {
    if (!c.is_array() || c.size() != 7) throw JsonFieldError{{"cards", {"每张卡片应为 7 个数", "each card must hold 7 numbers"}}};
    Card k;
    k.repetitions = c[0].get<int>();
    k.interval_days = c[1].get<int>();
    k.ease = c[2].get<int>();
    k.lapses = c[3].get<int>();
    k.due = c[4].get<Millis>();
    k.seen = c[5].get<int>() != 0;
    k.in_mistakes = c[6].get<int>() != 0;
    cards.push_back(k);
  }
  return cards;
}

[[noreturn]] void fail_at(std::string_view file, int line, const FieldProblem& p) {
  const std::string where = std::string(file) + ":" + std::to_string(line) + ": ";
  const std::string field = p.field.empty() ? "" : p.field + ": ";
  throw LogError({where + field + p.message.zh, where + field + p.message.en});
}

Setup read_header(std::string_view file, std::string_view line_text) {
  std::vector<FieldProblem> problems;
  Setup setup;
  try {
    const json j = json::parse(line_text);
    ObjectReader r(j, "");
    std::string format;
    int version = 0;
    r.read("format", format);
    r.read("version", version);
    if (format != kFormat) r.fail("format", "\"ankang-contest-log\"", "\"ankang-contest-log\"");
    if (version != kVersion) r.fail("version", "1", "1");
    const json* config = r.child("config");
    if (!config) r.fail("config", "竞赛配置对象", "the contest config object");
    LoadedConfig loaded = config_from_json(*config);
    for (auto& p : loaded.problems) problems.push_back({"config." + p.field, p.message});
    setup.config = loaded.config;
    if (const json* seed = r.child("seed")) {
      if (!seed->is_number_unsigned()) r.fail("seed", "非负整数", "a non-negative integer");
      setup.seed = seed->get<std::uint64_t>();
    }
    r.read("names", setup.names);
    r.read("team_names", setup.team_names);
    if (const json* cards = r.child("cards")) setup.cards = read_cards(*cards);
    const json* paper = r.child("paper");
    if (!paper) r.fail("paper", "试卷题目（安康题库 JSON 格式）", "the paper's questions (Ankang question JSON)");
    const std::string bytes = paper->dump();
    auto parsed = bank::parse_questions(std::string(file) + "#paper",
                                        {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()},
                                        bank::Format::json);
    if (!parsed.ok()) {
      const auto& d = !parsed.file_errors.empty() ? parsed.file_errors.front() : parsed.rejected.front().reasons.front();
      problems.push_back({"paper", d.message});
    }
    for (auto& q : parsed.questions) setup.paper.push_back(std::move(q.question));
    r.check_unknown(problems);
  } catch (const json::parse_error& e) {
    problems.push_back(syntax_problem(line_text, e));
  } catch (const json::exception& e) {
    problems.push_back({"", {std::string("数值类型错误：") + e.what(), std::string("wrong value type: ") + e.what()}});
  } catch (const JsonFieldError& e) {
    problems.push_back(e.problem);
  }
  if (problems.empty()) problems = validate(setup);
  if (!problems.empty()) fail_at(file, 1, problems.front());
  return setup;
}

}  // namespace

ordered_json intent_to_json(const TimedIntent& t) {
  ordered_json j;
  const Intent& in = t.intent;
  j["at"] = t.at;
  j["kind"] = intent_code(in.kind);
  if (in.actor != -1) j["actor"] = in.actor;
  if (in.question != -1) j["question"] = in.question;
  if (in.attempt != -1) j["attempt"] = in.attempt;
  if (in.value != 0) j["value"] = in.value;
  if (in.response != Response{}) j["response"] = response_json(in.response);
  if (!in.reason.empty()) j["reason"] = in.reason;
  return j;
}

std::string log_header_line(const Setup& s) {
  ordered_json j;
  j["format"] = kFormat;
  j["version"] = kVersion;
  j["config"] = config_to_json(s.config);
  j["seed"] = s.seed;
  j["names"] = s.names;
  if (!s.team_names.empty()) j["team_names"] = s.team_names;
  if (!s.cards.empty()) {
    j["cards"] = ordered_json::array();
    for (const auto& k : s.cards)
      j["cards"].push_back({k.repetitions, k.interval_days, k.ease, k.lapses, k.due, k.seen ? 1 : 0, k.in_mistakes ? 1 : 0});
  }
  const auto bytes = bank::write_questions(s.paper, bank::Format::json);
  j["paper"] = ordered_json::parse(bytes.begin(), bytes.end());
  return j.dump() + "\n";
}

std::string log_intent_line(const TimedIntent& t) { return intent_to_json(t).dump() + "\n"; }

ContestLog read_log(std::string_view file, std::string_view text) {
  ContestLog log;
  int line_no = 0;
  bool header = true;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (header) {
      log.setup = read_header(file, line);
      header = false;
      continue;
    }
    std::vector<FieldProblem> problems;
    try {
      log.intents.push_back(read_intent(json::parse(line), problems));
    } catch (const json::parse_error& e) {
      problems.push_back(syntax_problem(line, e));
    } catch (const json::exception& e) {
      // A number beyond a double (1e400) or a value of the wrong type.
      problems.push_back({"", {std::string("数值类型错误：") + e.what(), std::string("wrong value type: ") + e.what()}});
    } catch (const JsonFieldError& e) {
      problems.push_back(e.problem);
    }
    if (!problems.empty()) fail_at(file, line_no, problems.front());
  }
  if (header) throw LogError({std::string(file) + ": 日志为空", std::string(file) + ": the log is empty"});
  return log;
}

}  // namespace ankang::io
