// The kiosk's state machine: which screen shows, the signed-in worker, the
// running attempt and the admin screen. It turns screen intents into engine
// intents and store writes, and builds each screen's view model. No SDL here:
// the main loop (loop.cpp) feeds it time and input.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/admin.h"
#include "kiosk/answer_draft.h"
#include "kiosk/host.h"
#include "kiosk/kiosk_files.h"
#include "kiosk/options.h"
#include "kiosk/package_loader.h"
#include "kiosk/session.h"
#include "kiosk/sign_in.h"
#include "kiosk/store.h"
#include "question_bank/bank.h"
#include "results/keys.h"
#include "ui/intents.h"
#include "ui/views.h"

namespace ankang::kiosk {

// The main loop (loop.cpp): opens the window and runs until the admin exits.
int run_kiosk(const Options& options);


enum class Screen { attract, sign_in, mode, question, feedback, result, host, admin, leaderboard };

class App {
 public:
  // Opens (creating on first start) the data directory: kiosk store, bank,
  // device key. Throws with a message naming the file on failure.
  explicit App(const std::string& data_dir);

  // Time: unix ms (wall) and a monotonic ms clock, both from the main loop.
  void set_time(std::int64_t unix_ms, std::int64_t steady_ms);

  // Draws the current screen and applies what it asked for.
  void frame();
  void apply(const ui::Intent& in);
  // Keyboard text outside a text field (a badge scanner types digits + Enter).
  void typed(const std::string& text);
  void enter_pressed();
  // Any input: resets the idle timer, unless 还在吗？ shows: then only its
  // button does, and a tap elsewhere reaches nothing.
  void touched();
  // The last seconds before the idle timeout: 还在吗？ shows over the screen
  // with the seconds left (0: no prompt now). tick() opens it.
  static constexpr int kIdleWarningS = 15;
  int idle_prompt_seconds() const;
  // Timers: countdown, checkpoint, idle timeout. True when the screen changed.
  bool tick();
  // Milliseconds the main loop may sleep before tick() has work (-1 = forever).
  int sleep_ms() const;

  bool running() const { return running_; }
  Screen screen() const { return screen_; }
  // Texts the font atlas lacks glyphs for (names typed, the questions of a
  // paper); the loop calls prepare_frame() before each frame, rebuilds the
  // atlas when fonts_dirty() and then calls fonts_rebuilt().
  void prepare_frame();
  // The question the screen shows (attempt or host mode), or null.
  const Question* question_on_screen() const;
  bool fonts_dirty() const { return fonts_dirty_; }
  void fonts_rebuilt() { fonts_dirty_ = false; }
  std::vector<std::string_view> atlas_texts() const;
  // Texts drawn in the large and title fonts: the contest's name, team names.
  std::vector<std::string_view> title_texts() const;
  float font_scale() const { return static_cast<float>(admin_.font_scale_pct()) / 100.0f; }

  // The picture of the question on screen, as a texture made by the loop.
  void set_picture(std::uintptr_t texture, int w, int h) { picture_ = {texture, w, h}; }
  const Question* picture_question() const;

  Host& host() { return host_; }
  // A buzzer press of team `team` at `at_ms` (the input event's time), in host mode.
  void buzz(int team, std::int64_t at_ms);
  // The sounds host input asked for since the last call, in order. Every
  // host input leaves its cue here: the host screen's buttons and the
  // shortcut keys through apply(), the buzzers through buzz(), a timer that
  // runs out through tick().
  std::vector<Cue> take_cues() { return std::exchange(cues_, {}); }
  // Whether the last answer was committed (the feedback screen's 已保存).
  bool answer_saved() const { return last_saved_; }
  // The question of the attempt on screen, for the intents that name it.
  std::string draft_question() const { return draft_.question_id(); }
  // Admin: loads a folder (a USB stick): its contest package (*.ankpkg) if it
  // has one, else its question files. True when something was loaded; the
  // admin message says what, or why nothing was.
  bool load_folder(const std::string& folder);
  // The feedback screen's view model: the verdict, the worker's answer and
  // the correct one.
  ui::FeedbackView feedback_view() const;
  // The outcome of the last admin action, as the admin screen shows it.
  const std::string& admin_message() const { return admin_.message(); }
  // The message box over the current screen; empty when there is none.
  const std::string& message() const { return message_; }
  // Why a timed test or a host contest may not start: the loaded package's
  // last day is past (practice goes on). nullopt when it may.
  std::optional<std::string> contest_closed() const;

 private:
  App(const std::string& data_dir, KioskFiles files);
  void to_attract();
  void host_cue(Cue cue);
  // Whether the idle timeout applies on the current screen (a worker's screens).
  bool idle_watched() const;
  std::int64_t idle_left_ms() const;
  void start_session(Mode mode, int category);
  void resume_open_attempt();
  void resume_host_contest();
  void sync_draft();
  void submit_answer();
  void after_events(const std::vector<Event>& events);
  void send(IntentKind kind);
  void sign_in();
  void answer_intent(const ui::Intent& in);
  void start_host_contest();
  void roster_changed();
  // The config host mode runs: the package's team contest, else the example.
  const ContestConfig& host_contest_config() const;
  void export_to(const std::string& folder);
  void note_text(const std::string& text);
  void note_question(const Question& q);
  // The answers offered to tap for a fill-in question at `index` of the paper.
  std::vector<std::vector<std::string>> blank_choices(const Question& q, int index) const;
  const std::vector<Question>& questions() const;
  Millis clock() const;
  std::vector<std::string> categories() const;

  ui::AttractView attract_view() const;
  ui::ModeView mode_view() const;
  ui::QuestionView question_view() const;
  ui::ResultView result_view() const;
  ui::AdminView admin_view() const;
  ui::LeaderboardView leaderboard_view() const;

  std::string data_dir_;
  Store store_;
  bank::Bank bank_;
  PackageLoader loader_;
  // Active questions of the bank, read when first needed (not at start-up:
  // the attract screen does not show them).
  mutable std::optional<std::vector<Question>> questions_;
  results::KeyPair device_key_;
  std::string fingerprint_;  // of device_key_, shown on the admin screen
  SessionRules rules_;

  bool running_ = true;
  Screen screen_ = Screen::attract;
  std::int64_t unix_ms_ = 0;
  std::int64_t steady_ms_ = 0;
  std::int64_t last_input_ms_ = 0;
  std::int64_t last_checkpoint_ms_ = 0;
  std::string message_;

  SignIn sign_in_form_{store_};
  int category_page_ = 0;  // the page of the mode screen's categories
  std::optional<Worker> worker_;

  // The attempt.
  std::unique_ptr<Session> session_;
  std::int64_t session_steady_base_ = 0;
  AnswerDraft draft_;
  bool last_saved_ = false;
  ui::Picture picture_;

  // Admin.
  Screen admin_return_ = Screen::attract;
  Screen leaderboard_return_ = Screen::attract;
  Admin admin_{store_};
  bool idle_prompt_open_ = false;
  int idle_prompt_shown_ = 0;  // the seconds the prompt showed at the last tick

  Host host_;
  std::vector<Cue> cues_;  // waiting for take_cues()
  // The contest the last package set (none on a kiosk that never loaded one).
  std::optional<CurrentContest> contest_;
  std::optional<ContestConfig> contest_config_;  // when the package's is a team contest
  std::vector<std::string> title_texts_;

  std::vector<std::string> extra_texts_;
  bool fonts_dirty_ = false;
};

}  // namespace ankang::kiosk
