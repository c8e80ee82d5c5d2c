// The contest package page (竞赛包): the contest rules and their summary, the
// question source, the contest's name, id and validity, a sample paper, and
// building the signed package onto a folder or USB stick.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/question.h"  // Text

namespace ankang::console_ui {

// A problem of an input, located; the message in both languages.
struct LocatedProblem {
  std::string where;  // "team.json:3:5", or empty
  std::string field;
  Text message;
};

struct PreviewQuestion {
  Text type;  // 单选题 / single
  std::string stem;
  std::string answer;
};

struct ContestView {
  // The rules: a built-in contest or a file.
  std::vector<std::string> builtin;  // names of the built-in contests
  int builtin_selected = -1;         // -1: a file (or nothing yet)
  std::string rules_file;            // where the chosen rules came from
  std::vector<Text> summary;         // the rules in plain words
  std::vector<LocatedProblem> rules_problems;

  // The question source: the workspace bank.
  bool bank_loaded = false;
  int bank_questions = 0;
  int questions_needed = 0;
  Text teams_note;  // "enough for up to 12 teams" (team contests)
  std::vector<LocatedProblem> pool_problems;

  // The contest and its validity (edited here; the defaults come from the rules).
  std::string contest_id, name, from, until;
  std::vector<LocatedProblem> form_problems;

  // The roster of enterprises and teams: optional.
  std::string roster_file;
  int roster_enterprises = 0, roster_teams = 0;
  std::vector<LocatedProblem> roster_problems;

  // The sample paper.
  std::vector<PreviewQuestion> preview;
  unsigned long long seed = 0;
  Text preview_error;

  // The last build.
  std::optional<bool> built_ok;
  std::vector<Text> built;  // the outcome, line by line

  bool can_build() const {
    return !rules_file.empty() && rules_problems.empty() && pool_problems.empty() && form_problems.empty() &&
           roster_problems.empty() && bank_loaded;
  }
};

struct ContestIntent {
  int pick_builtin = -1;
  bool pick_rules_file = false;
  bool go_bank = false;
  std::optional<std::string> contest_id, name, from, until;
  bool pick_roster = false;
  bool clear_roster = false;
  bool preview = false;
  bool redraw = false;
  bool build = false;
};

ContestIntent contest_screen(const ContestView& view);

}  // namespace ankang::console_ui
