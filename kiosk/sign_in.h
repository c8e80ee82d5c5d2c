// The sign-in screen's state: the enterprise and team picked, the pages of
// their lists, the employee number typed and, for a number new here, the
// worker's name. It owns that state and nothing else; App routes the
// sign-in intents here and takes the worker it signs in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/store.h"
#include "ui/intents.h"
#include "ui/views.h"

namespace ankang::kiosk {

class SignIn {
 public:
  explicit SignIn(Store& store) : store_(store) {}

  // The roster changed (a contest package, the first start): the lists again.
  void roster_changed();
  const std::vector<Named>& enterprises() const { return enterprises_; }

  // pick_enterprise, pick_team, page_enterprises, page_teams, key_digit,
  // key_backspace, key_clear, set_name; any other intent changes nothing.
  void apply(const ui::Intent& in);
  // 登录: the worker the number belongs to, or a new worker with the typed
  // name (added to the store at `unix_s`); nullopt with the reason on screen
  // when something is missing.
  std::optional<Worker> sign_in(std::int64_t unix_s);
  // Back to an empty form (the roster stays).
  void clear();

  const std::string& name() const { return name_; }
  ui::SignInView view() const;

 private:
  // The worker the typed number belongs to at the picked enterprise.
  void look_up_worker();

  Store& store_;
  std::vector<Named> enterprises_;
  std::vector<Named> teams_;  // of the picked enterprise
  int enterprise_ = -1, team_ = -1;
  int enterprise_page_ = 0, team_page_ = 0;
  std::string employee_no_, name_, error_;
  std::optional<Worker> known_;
};

}  // namespace ankang::kiosk
