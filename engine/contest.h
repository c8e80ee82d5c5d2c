// A contest as a pure state machine: reduce(state, intent, now) appends the
// events it caused. A contest is its Setup (config, paper, seed) plus the
// timed intent log; replaying the log reproduces every event and score.
// Pure: std only. See docs/ENGINE.md.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/config.h"
#include "engine/grading.h"
#include "engine/prng.h"
#include "engine/question.h"

namespace ankang {

inline constexpr int kMaxTeams = 12;
inline constexpr int kMaxPlayers = 4096;

// Spaced repetition (SM-2) for one question and one worker.
struct Card {
  int repetitions = 0;    // right answers in a row
  int interval_days = 0;  // next review this many days after the last one
  int ease = 2500;        // SM-2 ease factor in permille (1300 .. )
  int lapses = 0;         // times answered wrong
  Millis due = 0;         // when it should come back
  bool seen = false;
  bool in_mistakes = false;  // in the mistake book (错题本)
  bool operator==(const Card&) const = default;
};

// Everything a contest starts from; never changes while it runs.
struct Setup {
  ContestConfig config;
  std::vector<Question> paper;      // already drawn, in order
  std::uint64_t seed = 0;
  std::vector<std::string> names;   // one per team (team) or player (others)
  std::vector<std::string> team_names;  // distributed: one per team (empty = 第1队 …)
  std::vector<Card> cards;          // practice: per paper question, from earlier sessions (empty = new)
  bool operator==(const Setup&) const = default;
};

// What a Setup lacks to run: config problems, too few questions, team count.
std::vector<FieldProblem> validate(const Setup& setup);

enum class IntentKind : std::uint8_t {
  start,           // host starts the contest; a player starts their paper
  tick,            // time passes (drives timeouts and the buzzer tie window)
  pause,           // host
  resume,          // host
  next,            // host: next round/question; practice: next question
  reveal,          // host: show the answer of the closed question
  open_buzzers,    // host: 请抢答
  buzz,            // a team presses its buzzer
  answer,          // a team or player answers with a Response
  judge,           // host judges an oral answer: value 1 right, 0 wrong
  choose_stake,    // risk: value = stake, 0 = decline
  pass,            // speed: skip this question
  submit,          // a player hands in the paper (ends practice)
  correct,         // host corrects the last judgement (flips right/wrong)
  undo,            // host takes back the last scoring
  designate,       // risk: the team on turn has team `value` answer its question
  lifeline,        // the team answering calls on its help (求助/亲友团)
};
std::string_view intent_code(IntentKind k);
std::optional<IntentKind> intent_from_code(std::string_view code);

struct Intent {
  IntentKind kind = IntentKind::tick;
  int actor = -1;     // team or player index; -1 for the host
  int question = -1;  // the paper index the screen showed
  int attempt = -1;   // the attempt number the screen showed (View::attempt)
  int value = 0;      // stake; judge: 1 right / 0 wrong
  Response response;  // answer
  std::string reason; // host controls: why, for the audit trail
  bool operator==(const Intent&) const = default;
};

struct TimedIntent {
  Millis at = 0;
  Intent intent;
  bool operator==(const TimedIntent&) const = default;
};

enum class EventKind : std::uint8_t {
  started,          // actor -1: the contest; actor >= 0: a player's paper
  round_started,    // round
  question_shown,   // actor: whose turn (-1 all), question, value: member answering (rotation)
  buzzers_opened,
  foul,             // early buzz; points = -penalty
  buzzed,           // value: ms after the buzzers opened
  buzz_resolved,    // actor: the winner, value: how many were tied, extra: the random draw
  stake_chosen,     // value: stake (0 = declined)
  scored,           // an answer or judgement: credit, points, total, value: latency ms
  timed_out,        // no answer in time (scored follows when it costs points)
  passed,           // speed: skipped
  question_closed,
  revealed,
  paused,
  resumed,
  corrected,        // host flipped the last judgement: points = change, total
  undone,           // host took back the last scoring: points = change, total
  round_finished,
  tiebreak_needed,  // value: how many teams are tied
  tie_broken,
  card_updated,     // practice: value = interval days, extra = due ms
  mistake_added,
  mistake_cleared,
  submitted,        // a player's paper: total points, value: correct count, extra: 1 passed
  finished,
  rejected,         // reason says why; nothing else changed
  designated,       // risk: actor has team `value` answer
  awarded,          // risk: the designating team gains the stake of a wrong answer: points, total
  lifeline_used,    // value: the team's lifelines left, extra: the answering time added
};
std::string_view event_code(EventKind k);

enum class Reject : std::uint8_t {
  none,
  not_now,        // the intent is not allowed in this phase
  stale,          // it names another question or attempt than the current one
  duplicate,      // this team already buzzed / answered
  late,           // the time had run out
  unknown_actor,  // no such team or player
  bad_value,      // a stake not in the set, a malformed response
  locked_out,     // this team may not answer this question (fouled, already tried)
  nothing_to_undo,
  paused,
  none_left,      // the team has used all its lifelines
};
std::string_view reject_code(Reject r);

struct Event {
  EventKind kind = EventKind::started;
  Millis at = 0;
  int actor = -1;
  int round = -1;
  int question = -1;
  int attempt = -1;
  int credit = 0;   // permille
  int points = 0;   // change
  int total = 0;    // actor's points after
  int value = 0;
  int extra = 0;
  Reject reason = Reject::none;
  IntentKind intent = IntentKind::tick;  // rejected: what was refused; host events: the control
  std::string note;  // host reason
  bool operator==(const Event&) const = default;
};

enum class Phase : std::uint8_t {
  lobby,           // not started
  round_intro,     // team: a round is announced
  reading,         // buzzer: question shown, buzzers closed
  buzzing,         // buzzer: open
  choosing_stake,  // risk
  answering,
  feedback,        // practice: the answer and its explanation are shown
  resolved,        // team: the question is closed
  finished,
};
std::string_view phase_code(Phase p);

// One answer on a paper (timed test review, distributed results).
struct AnswerRecord {
  bool answered = false;
  int credit = 0;
  int points = 0;
  Millis latency_ms = 0;
  bool operator==(const AnswerRecord&) const = default;
};

// A team (team format) or a player (the other formats).
struct Competitor {
  int points = 0;
  int correct = 0;      // fully right answers, kept apart from points
  int answered = 0;
  Millis time_ms = 0;   // total answering time
  int streak = 0;
  int fouls = 0;
  int sudden_death = 0;
  int team = 0;         // distributed: the player's team
  int turns = 0;        // compulsory: questions taken (member rotation)
  int lifelines_used = 0;
  // Per-player flow (practice, timed_test, distributed).
  Phase phase = Phase::lobby;
  int attempt = 0;
  int question = -1;    // paper index on screen
  int position = 0;     // questions asked so far
  Millis shown_at = 0;
  Millis deadline = 0;  // question limit (0 = none)
  Millis paper_deadline = 0;
  bool passed = false;
  int last_credit = 0;  // the latest answer, for feedback
  int last_points = 0;
  bool operator==(const Competitor&) const = default;
};

// The last scoring, so the host can correct or undo it.
struct ScoringEntry {
  bool valid = false;
  int actor = -1;
  int question = -1;
  bool right = false;
  int points_if_right = 0;
  int points_if_wrong = 0;
  Millis time_ms = 0;
  bool sudden_death = false;  // tiebreak: right adds a marker instead of points
  bool foul = false;          // an early buzz: may be undone, not corrected
  int designator = -1;        // risk: the team that designated `actor`; it gains when wrong
  int designator_if_wrong = 0;
  bool operator==(const ScoringEntry&) const = default;
};

struct State {
  std::shared_ptr<const Setup> setup;
  Prng rng;
  Millis clock = 0;            // the latest `now` seen; time never runs backwards
  Phase phase = Phase::lobby;  // team format; the others use Competitor::phase
  int attempt = 0;             // bumps whenever what may be answered changes
  int round = -1;
  int round_asked = 0;         // questions shown in this round
  int question = -1;           // paper index on screen
  int next_paper = 0;          // next unused paper question
  int turn = -1;               // team whose turn it is
  int member = -1;             // compulsory rotation: which member answers
  Millis shown_at = 0;
  Millis deadline = 0;         // answering ends (0 = untimed)
  Millis turn_end = 0;         // speed: the team's time ends
  int turn_count = 0;          // speed: questions shown in this turn
  bool paused = false;
  Millis paused_at = 0;
  bool revealed = false;
  // buzzer
  Millis opened_at = 0;
  Millis first_buzz_at = -1;
  std::uint32_t buzzed = 0;    // bit per team
  std::uint32_t tried = 0;     // bit per team: fouled or answered this question
  std::uint32_t helped = 0;    // bit per team: used a lifeline on this question
  int stake = 0;
  int designator = -1;         // risk: the team that designated the one answering
  std::array<int, kMaxStakes> stake_drawn{};  // risk tied to difficulty: questions used per stake
  // tiebreak
  std::uint32_t tied = 0;      // teams playing the tiebreak
  std::uint32_t answered_mask = 0;
  bool tiebreak_over = false;

  ScoringEntry last;
  std::vector<Competitor> competitors;
  std::vector<AnswerRecord> answers;  // per player, paper.size() each (timed test, distributed)
  std::vector<Card> cards;            // practice: per player, paper.size() each
  std::vector<int> eligible;          // practice: paper indices in the chosen categories
  bool operator==(const State&) const = default;
};

// A new contest; the setup must pass validate().
State start_state(std::shared_ptr<const Setup> setup);

// Applies one intent at time `now` (ms, never decreasing), appending the
// events it caused to `out`. First fires every timeout that fell before
// `now`: an answer in the same millisecond as its deadline still counts.
// Never allocates in steady state when `out` has capacity.
void reduce(State& state, const Intent& intent, Millis now, std::vector<Event>& out);

// Replays a whole log from the start.
State replay(std::shared_ptr<const Setup> setup, const std::vector<TimedIntent>& log, std::vector<Event>* events);

// Whether the contest (all players) is over.
bool finished(const State& state);

}  // namespace ankang
