#include "kiosk/session.h"

#include <nlohmann/json.hpp>

#include "kiosk/bundle_export.h"
#include "question_bank/bank.h"
#include "ui/strings.h"

namespace ankang::kiosk {

namespace {

std::shared_ptr<const Setup> make_setup(ContestConfig config, std::vector<Question> paper, std::uint64_t seed,
                                        const std::string& name) {
  auto setup = std::make_shared<Setup>();
  setup->config = std::move(config);
  setup->paper = std::move(paper);
  setup->seed = seed;
  setup->names = {name};
  return setup;
}

std::vector<std::string> ids_of(const std::vector<Question>& paper) {
  std::vector<std::string> ids;
  for (const Question& q : paper) ids.push_back(q.id);
  return ids;
}

// The stored config: only what session_config() sets, so a resume rebuilds it.
std::string config_json(const ContestConfig& c) {
  return nlohmann::json{{"format", format_code(c.format)}, {"question_count", c.question_count},
                        {"paper_ms", c.paper_ms},          {"pass_mark", c.pass_mark},
                        {"categories", c.categories},      {"points", c.rules.points}}
      .dump();
}

ContestConfig config_from(const std::string& text) {
  const auto j = nlohmann::json::parse(text);
  ContestConfig c;
  c.id = "kiosk";
  c.name = "kiosk";
  c.format = format_from_code(j.at("format").get<std::string>()).value_or(ContestFormat::practice);
  c.question_count = j.at("question_count").get<int>();
  c.paper_ms = j.at("paper_ms").get<Millis>();
  c.pass_mark = j.at("pass_mark").get<int>();
  c.categories = j.at("categories").get<std::vector<std::string>>();
  c.rules.points = j.at("points").get<int>();
  return c;
}

}  // namespace

ContestConfig session_config(Mode mode, const SessionRules& rules, const std::vector<std::string>& categories) {
  ContestConfig c;
  c.id = "kiosk";
  c.name = "kiosk";
  c.rules.points = 10;
  if (mode == Mode::timed_test) {
    c.format = ContestFormat::timed_test;
    c.question_count = rules.test_questions;
    c.paper_ms = rules.test_ms;
    c.pass_mark = rules.pass_mark;
  } else {
    c.format = ContestFormat::practice;
    c.question_count = rules.practice_questions;
    c.categories = categories;
  }
  return c;
}

Session::Session(Store& store, const Worker& worker, Mode mode, ContestConfig config, std::vector<Question> paper,
                 std::uint64_t seed, std::int64_t now_unix_ms)
    : store_(store), worker_(worker), mode_(mode) {
  const std::string json = config_json(config);
  auto setup = make_setup(std::move(config), std::move(paper), seed, worker.name);
  attempt_id_ = store.begin_attempt(bank::new_uuid(), worker.id, mode, json, ids_of(setup->paper), seed, now_unix_ms);
  state_ = start_state(setup);
  apply(intent(IntentKind::start), 0, now_unix_ms);
}

Session::Session(Store& store, const Worker& worker, const AttemptRow& row, std::vector<Question> paper)
    : store_(store), worker_(worker), mode_(row.mode), attempt_id_(row.id), start_clock_(row.clock_ms) {
  auto setup = make_setup(config_from(row.config_json), std::move(paper), row.seed, worker.name);
  state_ = replay(setup, row.log, &events_);
  for (const TimedIntent& t : row.log)
    if (t.intent.kind == IntentKind::answer) last_answer_ = t.intent.response;
}

const std::vector<Event>& Session::apply(const Intent& in, Millis clock, std::int64_t now_unix_ms) {
  // A copy, so an intent the store refuses leaves no trace: had the state
  // moved on, later intents would be stored for a question the stored log
  // never reached, and a restart would reject them. Assignment reuses
  // next_'s vectors, so this allocates nothing in steady state.
  next_ = state_;
  last_.clear();
  reduce(next_, in, clock, last_);
  // The question answered, for the mistake book.
  std::string qid, response;
  if (in.question >= 0 && in.question < static_cast<int>(next_.setup->paper.size())) {
    const Question& q = next_.setup->paper[static_cast<std::size_t>(in.question)];
    qid = q.id;
    if (in.kind == IntentKind::answer) response = compact_response(q, in.response);
  }
  try {
    store_.record(attempt_id_, {clock, in}, last_, qid, worker_.id, now_unix_ms, response);
  } catch (const StoreError& e) {
    last_.clear();
    throw StoreError({std::string(ui::tr(ui::S::answer_not_saved, ui::Lang::zh)) + "\n" + e.text().zh,
                      std::string(ui::tr(ui::S::answer_not_saved, ui::Lang::en)) + "\n" + e.text().en},
                     e.reason());
  }
  std::swap(state_, next_);
  events_.insert(events_.end(), last_.begin(), last_.end());
  if (in.kind == IntentKind::answer) last_answer_ = in.response;
  return last_;
}

}  // namespace ankang::kiosk
