// What a screen asks for. Screens only append intents; the kiosk applies
// them between frames (docs/ARCHITECTURE.md).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ankang::ui {

enum class Act {
  start,              // attract: tap anywhere
  pick_enterprise,    // value = index
  pick_team,          // value = index
  key_digit,          // value = 0..9
  key_backspace,
  key_clear,
  set_name,           // text
  sign_in,
  back,
  practice,           // value = category index, -1 for all
  timed_test,
  mistake_book,
  leaderboard,        // attract or mode: today's leaderboard screen
  sign_out,
  toggle_option,      // question_id, value = option index (single/multiple/true_false/fill choice)
  tap_item,           // question_id, value = item index (ordering, matching left/right)
  tap_right,          // question_id, value = right index (matching)
  undo_pick,          // question_id
  set_text,           // question_id, value = blank index, text
  tap_image,          // question_id, x/y in image pixels
  submit,             // question_id
  next,               // feedback -> next question or result
  back_to_start,
  admin_open,         // hidden corner on the attract screen
  pin_digit,          // value = 0..9
  pin_backspace,
  pin_submit,
  admin_set_folder,   // text = folder being typed
  admin_set_new_pin,  // text = new PIN being typed
  admin_load_folder,  // text = folder
  admin_export,       // text = folder
  admin_idle_timeout, // value = seconds
  admin_font_scale,   // value = percent
  admin_language,     // value = 0 zh, 1 en
  admin_change_pin,   // text = new pin
  admin_host_mode,
  admin_exit,
  admin_close,
  host_start_timer,
  host_reveal,
  host_right,
  host_wrong,
  host_next,
  host_next_round,
  host_pause,         // pause, or resume when paused
  host_pass,          // speed round: the team skips the question
  host_stake,         // risk round: value = stake, 0 = decline
  host_correct,       // flip the last judgement (asks for a reason first)
  host_undo,          // take back the last scoring (asks for a reason first)
  host_reason,        // value = index into fix_reasons()
  host_cancel_fix,
  host_exit,
  dismiss_message,
  leaderboard_close,  // back to the screen the leaderboard was opened from
  page_enterprises,   // sign-in: value = the page of the enterprise list
  page_teams,         // sign-in: value = the page of the team list
  page_categories,    // mode: value = the page of the practice categories
  end_practice,       // question or feedback in practice: hand in now, see the result
  still_here,         // the idle prompt: the worker is back, the timeout starts again
};

struct Intent {
  Intent() = default;
  Intent(Act a, int v = 0, std::string t = {}) : act(a), value(v), text(std::move(t)) {}

  Act act = Act::start;
  int value = 0;
  std::string text;
  std::string question_id;  // answers name their question: a late tap is rejected
  int x = 0, y = 0;
  bool operator==(const Intent&) const = default;
};

using Intents = std::vector<Intent>;

}  // namespace ankang::ui
