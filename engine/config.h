// Contest rules as data: the format, its rounds, time limits, points,
// penalties and tie-breaks. Pure: std only; JSON loading is in engine_io/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/question.h"
#include "scoring/combine.h"
#include "scoring/points.h"
#include "scoring/ranking.h"

namespace ankang {

using Millis = std::int64_t;

inline constexpr int kMaxStakes = 8;  // risk: stakes tied to difficulty, at most

enum class ContestFormat : std::uint8_t {
  practice,     // 自学练习: feedback, mistake book, spaced repetition
  timed_test,   // 个人限时测试
  team,         // 班组赛 with a host, in rounds
  distributed,  // 分散式班组赛: members answer the same paper on their own kiosks
};

enum class RoundKind : std::uint8_t {
  compulsory,  // 必答题: teams in turn, each its own question
  buzzer,      // 抢答题
  risk,        // 风险题
  speed,       // 限时速答
  tiebreak,    // 加赛题
  audience,    // 互动题: for the audience, nobody scores
};

// "practice", "timed_test", "team", "distributed"
std::string_view format_code(ContestFormat f);
std::optional<ContestFormat> format_from_code(std::string_view code);
// "compulsory", "buzzer", "risk", "speed", "tiebreak", "audience"
std::string_view round_code(RoundKind k);
std::optional<RoundKind> round_from_code(std::string_view code);
std::string_view round_name_zh(RoundKind k);  // 必答题 …

struct RoundConfig {
  RoundKind kind = RoundKind::compulsory;
  std::string name;                 // shown on screen, e.g. 必答题
  int questions = 1;                // compulsory/risk/speed: per team; buzzer, audience: in all; tiebreak: at most
  Millis answer_ms = 30000;         // time to answer once it is a team's turn (0 = untimed)
  scoring::PointRules rules;        // points, wrong_penalty, partial credit, bonuses
  bool rotate_members = false;      // compulsory: a different member answers each time
  Millis tie_window_ms = 0;         // buzzer: presses this close to the first are tied
  int foul_penalty = 0;             // buzzer: an early buzz (before 请抢答)
  bool pass_on_wrong = false;       // buzzer: after a wrong answer the others may buzz again
  std::vector<int> stakes;          // risk: the stakes a team may pick (it may also decline)
  // risk: per stake, the difficulties its question is drawn from (10 → easy,
  // 30 → hard); empty = the question is shown before the stake is picked.
  std::vector<std::vector<int>> stake_difficulty;
  bool designate = false;           // risk: the team may have another team answer (right: that team
                                    // gains the stake; wrong: the designating team gains it)
  Millis duration_ms = 60000;       // speed: each team's time for as many as it can
  int places = 1;                   // tiebreak: ties affecting ranks 1..places are played off
  // Where the round's questions come from; empty = anywhere in the bank.
  std::vector<std::string> categories;  // category paths ("职业病防治/粉尘"), an equal share each
  std::vector<QuestionType> types;      // question types, an equal share each
  std::vector<int> difficulty;          // difficulties 1..5 allowed
  bool operator==(const RoundConfig&) const = default;
};

struct ContestConfig {
  std::string id;                   // stable contest id
  std::string name;                 // 2026年安康杯安全知识竞赛 …
  ContestFormat format = ContestFormat::timed_test;

  // practice, timed_test, distributed
  int question_count = 10;          // questions on the paper (practice: answers before it ends; 0 = open-ended)
  std::vector<std::string> categories;  // practice: category paths ("职业病防治/粉尘"); empty = all
  Millis question_ms = 0;           // per-question limit (0 = none)
  Millis paper_ms = 0;              // whole-paper limit (0 = none); auto-submit at the end
  int pass_mark = 0;                // points needed to pass
  scoring::PointRules rules;        // points per question
  Millis relearn_ms = 60000;        // practice: a wrong answer comes back after this long

  // team, distributed
  int start_points = 0;             // team: every team starts with these points (e.g. 100)
  int lifelines = 0;                // team: 求助/亲友团 each team may call on in the whole contest
  Millis lifeline_ms = 0;           // team: answering time a lifeline adds (0 = none)
  int min_teams = 2;
  int max_teams = 12;
  int members_per_team = 1;         // team: for rotation; distributed: players per team
  scoring::Combine combine = scoring::Combine::sum;  // distributed: how members make a team
  int best_n = 0;                   // distributed, combine best_n
  std::vector<RoundConfig> rounds;  // team: in the order they are played

  // Ranking: metrics among "points", "correct", "total_time_ms", "sudden_death".
  std::vector<scoring::TieBreak> ranking = scoring::team_chain();

  bool operator==(const ContestConfig&) const = default;
};

// What is wrong with a config, each problem naming its field the way the
// JSON names it ("rounds[2].stakes"); empty when the engine can run it.
std::vector<FieldProblem> validate(const ContestConfig& config);

// How many paper questions a contest with `teams` teams uses at least
// (tiebreak questions not counted).
int questions_needed(const ContestConfig& config, int teams);

// The paper is cut into one part per round, in round order: round r takes
// its questions from its own part (a speed round's unused questions stay
// unused), so each part can be drawn from the round's own source.
// round_questions: the size of a round's part; the tiebreak's is its
// `questions`, at the end of the paper.
int round_questions(const RoundConfig& round, int teams);
int round_paper_start(const ContestConfig& config, int teams, int round);

}  // namespace ankang
