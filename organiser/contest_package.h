// Building a contest package (竞赛包) for the kiosks: the contest rules, the
// question pool, the optional roster and the validity window, each read into
// located problems instead of printed; then the package made, signed with the
// organiser key, read back and written into a folder (a USB stick) beside
// organiser.pub, so a kiosk can trust the key it is signed with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/config.h"
#include "engine/question.h"
#include "question_bank/bank.h"
#include "question_bank/draw.h"
#include "results/keys.h"
#include "results/package.h"
#include "results/store.h"

namespace ankang::organiser {

// One problem of an input, located as precisely as the input allows: line 0
// is the file (or the option) as a whole, column 0 the whole line.
struct Problem {
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;  // the config's key (as written in the file) or a column's
  Text message;
  Text label{};       // a column's name in the user's words (统一社会信用代码); empty: the field
  // The field as a message names it, in the chosen language.
  std::string field_text(bool chinese) const;
};
// "FILE:LINE:COLUMN: field: message" in the chosen language. A message about
// a whole file that names the file already is not prefixed with it again.
std::string describe(const Problem& p, bool chinese);

// [SECTION] the contest rules

// The example contests built into the program (data/contests/*.json).
struct BuiltinContest {
  std::string file;  // "team.json"
  std::string_view json;
};
std::vector<BuiltinContest> builtin_contests();

struct ContestRules {
  std::string file;  // where the rules came from (a path or a built-in file name)
  std::string json;  // the text, as it goes into the package
  ContestConfig config;
  std::vector<Problem> problems;  // syntax, fields, validation; the id's length
  bool ok() const { return problems.empty(); }
};
// Parses and validates as `ankang contest check` does; never throws on bad
// content. A field's problem is located at the line where its key is written.
ContestRules parse_contest_rules(const std::string& file, std::string_view json);
// The rules the kiosks' host mode does not run yet (互动题 rounds, a 风险题
// designating another team or with stakes tied to difficulty, per-round
// question sources, lifelines): each a problem at its field, so no package
// is built that would stop a contest on stage. `ankang contest run` plays
// them all.
std::vector<Problem> kiosk_rule_problems(const ContestRules& rules);
// Reads the file first; a file that cannot be read is one problem at line 0.
ContestRules read_contest_rules(const std::string& path);

// The rules in plain words, one line each: the format, the rounds with their
// question counts and time limits, the points and pass mark.
std::vector<Text> summarize_rules(const ContestConfig& config);

// [SECTION] the question pool

struct QuestionPool {
  std::vector<Question> questions;  // every one with a lasting id
  std::vector<Problem> problems;
  bool ok() const { return problems.empty(); }
};
// A question file in any format `bank import` reads, or a question bank
// (.db, as `ankang bank` and the console keep it): its active questions.
QuestionPool read_question_source(const std::string& path);
// The active questions of an open bank.
QuestionPool bank_questions(const bank::Bank& bank, const std::string& name);

// How many questions a contest uses: at least min_teams teams (team
// contests, the tie-break questions counted), the paper (timed test,
// distributed), or at least one per chosen category (practice).
int questions_required(const ContestConfig& config, int teams);
// The pool's shortfalls for these rules, each naming what is missing
// (needed and available); empty when the contest can run from the pool.
std::vector<Problem> check_pool(const ContestConfig& config, const std::vector<Question>& pool,
                                const std::string& pool_name);
// The most teams a team contest can hold with this many questions (0 when
// not even min_teams); max_teams for the other formats when the pool holds
// their paper.
int teams_supported(const ContestConfig& config, std::size_t pool_size);

// A sample paper drawn from the bank as the kiosk draws one: `teams` teams
// for a team contest, the same seed giving the same paper. Throws
// bank::BankError naming what the bank lacks.
std::vector<Question> draw_preview(bank::Bank& bank, const ContestConfig& config, int teams, std::uint64_t seed);
// The blueprint of the contest's paper: a team contest of `teams` teams draws
// each round's part (engine round_questions) from the round's categories,
// types and difficulties, in round order; the other formats draw `count`
// questions from the whole bank, or for practice an equal share of each
// chosen category.
bank::Blueprint contest_blueprint(const ContestConfig& config, int count, int teams);

// [SECTION] the roster and the validity window

struct RosterFile {
  std::string path;
  std::vector<results::RosterEnterprise> enterprises;
  std::vector<std::pair<int, int>> first_seen;  // line, column of each enterprise's code
  std::vector<Problem> problems;
  bool ok() const { return problems.empty(); }
};
// CSV or XLSX with the columns 统一社会信用代码, 企业名称, 班组 (one row per team).
RosterFile read_roster_file(const std::string& path);
// The roster's enterprises the organiser store has not registered for the
// contest year, each at its line: a package whose teams belong to no
// enterprise registered that year would give results no report can count.
std::vector<Problem> check_roster_registered(const RosterFile& roster, results::OrganiserStore& store, int year);

// Dates are whole days in China Standard Time (UTC+8), written YYYY-MM-DD.
struct Validity {
  std::int64_t from_ms = 0;   // 00:00 of the first day
  std::int64_t until_ms = 0;  // the last millisecond of the last day
  std::vector<Problem> problems;
  bool ok() const { return problems.empty(); }
};
// An empty `from` is today (at now_ms); an empty `until` one year after the
// first day. The labels name the two dates in messages ("--from", 开始日期).
Validity read_validity(const std::string& from, const std::string& until, std::int64_t now_ms,
                       const Text& from_label = {"--from", "--from"}, const Text& until_label = {"--until", "--until"});
// "YYYY-MM-DD" of the day (China time) holding unix_ms.
std::string china_day(std::int64_t unix_ms);
std::int64_t now_ms();

// [SECTION] the package

struct PackageInput {
  ContestRules rules;               // ok()
  std::string contest_id, name;     // empty: the rules' id and name
  std::vector<Question> questions;  // the pool the kiosks draw from
  std::vector<results::RosterEnterprise> roster;
  std::int64_t from_ms = 0, until_ms = 0;
};
// The package as it will be signed; a contest id or name given here replaces
// the rules' (in the rules' JSON too). Throws results::ResultsError for an id
// outside 1..64 bytes or an empty pool.
results::ContestPackage make_package(const PackageInput& input);

struct WrittenPackage {
  std::string file;          // the .ankpkg
  std::string key_file;      // organiser.pub beside it (empty when not written)
  std::string fingerprint;   // of the organiser key, as the kiosk shows it
  std::size_t questions = 0, enterprises = 0, teams = 0;
  std::int64_t from_ms = 0, until_ms = 0;
};
// Signs, reads the bytes back with the public key (a key pair that does not
// match is found here, not on the kiosk) and writes FILE atomically.
WrittenPackage write_package_file(const results::ContestPackage& package, const results::KeyPair& key,
                                  const std::string& file);
// Into a folder or USB stick: CONTEST_ID.ankpkg and organiser.pub. Refused
// (ResultsError) when the folder already holds another package, since a
// kiosk loads a folder only when it holds one.
WrittenPackage write_package_to_folder(const results::ContestPackage& package, const results::KeyPair& key,
                                       const std::string& folder);
// "CONTEST_ID.ankpkg" with the characters a FAT stick refuses replaced.
std::string package_file_name(const std::string& contest_id);

}  // namespace ankang::organiser
