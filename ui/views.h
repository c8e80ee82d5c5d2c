// View models: everything a screen needs to draw, and nothing else.
// The kiosk fills them from its state (and the contest engine) each frame.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/question.h"

namespace ankang::ui {

struct LeaderRow {
  std::string name;
  std::string team;
  int score = 0;
};

// A team's total today: the best timed-test scores of its workers added up.
struct TeamRow {
  std::string team;
  int workers = 0;  // who took a timed test today
  int points = 0;
};

// Today's leaderboard screen, best first.
struct LeaderboardView {
  std::vector<LeaderRow> workers;
  std::vector<TeamRow> teams;
};

struct AttractView {
  std::string contest_name;
  std::vector<LeaderRow> today;
};

struct SignInView {
  std::vector<std::string> enterprises;
  int enterprise = -1;
  int enterprise_page = 0;  // the page of the list on screen
  std::vector<std::string> teams;  // of the chosen enterprise
  int team = -1;
  int team_page = 0;
  std::string employee_no;
  bool first_time = false;  // the number is new here: ask for a name
  std::string name;
  std::string error;
};

struct ModeView {
  std::string worker_name;
  std::vector<std::string> categories;
  int category_page = 0;  // the page of the practice list on screen
  int mistakes = 0;
  int test_questions = 0;
  int test_minutes = 0;
};

// A texture the kiosk made from a question's picture (0 when none).
struct Picture {
  std::uintptr_t texture = 0;
  int width = 0, height = 0;
};

struct QuestionView {
  const Question* question = nullptr;
  int number = 1;  // 1-based
  int total = 1;
  // Timed test: remaining and limit in milliseconds; limit 0 = untimed.
  int remaining_ms = 0;
  int limit_ms = 0;
  // The draft answer: ticked options (single/multiple/true_false: 0 true,
  // 1 false), the tap order (ordering), for each left item its right index
  // or -1 (matching), typed blanks (fill_blank), tapped point (hotspot).
  std::vector<int> picks;
  std::vector<int> order;  // ordering: item indices in the order shown
  int match_left = -1;     // matching: the left item waiting for its pair
  std::vector<std::string> texts;
  // fill_blank: for each blank the answers to tap (ui/fill_choices.h); a
  // blank without them is typed only.
  std::vector<std::vector<std::string>> blank_choices;
  int tap_x = -1, tap_y = -1;
  Picture picture;
  bool can_end = false;  // practice and the mistake book: 结束练习 ends it here
};

struct FeedbackView {
  const Question* question = nullptr;
  bool correct = false;
  std::string correct_answer;  // already formatted for display
  std::string your_answer;     // what the worker answered, formatted the same way
  bool last = false;           // the next tap shows the result
  bool saved = false;
  bool can_end = false;        // practice and the mistake book: 结束练习
};

struct ResultView {
  std::string worker_name;
  int score = 0;
  int correct = 0;
  int total = 0;
  int seconds = 0;
  bool timed = false;
  bool passed = false;
  int rank_team = 0;        // 0 when unranked (practice)
  int rank_enterprise = 0;
};

struct HostTeam {
  std::string name;
  int score = 0;
  bool buzzed = false;
  bool foul = false;
};

struct HostView {
  std::string round_name;
  int question_number = 0;
  int question_total = 0;
  const Question* question = nullptr;
  std::vector<HostTeam> teams;
  int remaining_ms = 0;
  int limit_ms = 0;
  bool timer_running = false;
  bool revealed = false;
  std::string correct_answer;
  bool paused = false;
  bool finished = false;
  int turn = -1;            // the team answering or choosing a stake (-1: none)
  int member = -1;          // compulsory rotation: the member answering, from 0
  std::vector<int> stakes;  // risk: the stakes offered (empty: no choice now)
  int stake = 0;
  // The host controls the engine accepts now.
  bool can_open = false, can_reveal = false, can_judge = false, can_pass = false, can_next = false;
  bool can_pause = false, can_correct = false, can_undo = false;
  int fixing = 0;  // 1 correct, 2 undo: the reasons are offered
};

struct AdminView {
  bool unlocked = false;
  std::string pin_entry;  // shown as dots
  std::string pin_error;
  int lock_seconds = 0;
  std::string fingerprint;
  int idle_timeout_s = 90;
  int font_scale_pct = 100;
  int language = 0;
  int attempts = 0;
  int answers = 0;
  int questions = 0;
  std::string folder;   // the folder being typed (a USB stick)
  std::string new_pin;  // the new PIN being typed
  std::string message;  // the outcome of the last action
};

}  // namespace ankang::ui
