#include "kiosk/sign_in.h"

#include <algorithm>

#include "ui/strings.h"

namespace ankang::kiosk {

void SignIn::roster_changed() { enterprises_ = store_.enterprises(); }

void SignIn::apply(const ui::Intent& in) {
  using ui::Act;
  switch (in.act) {
    case Act::pick_enterprise:
      if (in.value < 0 || in.value >= static_cast<int>(enterprises_.size())) return;
      enterprise_ = in.value;
      team_ = -1;
      team_page_ = 0;
      teams_ = store_.teams(enterprises_[static_cast<std::size_t>(in.value)].id);
      look_up_worker();
      return;
    case Act::pick_team:
      if (in.value >= 0 && in.value < static_cast<int>(teams_.size())) team_ = in.value;
      return;
    case Act::page_enterprises: enterprise_page_ = std::max(0, in.value); return;
    case Act::page_teams: team_page_ = std::max(0, in.value); return;
    case Act::key_digit:
      if (employee_no_.size() < 20) employee_no_ += static_cast<char>('0' + in.value);
      look_up_worker();
      return;
    case Act::key_backspace:
      if (!employee_no_.empty()) employee_no_.pop_back();
      look_up_worker();
      return;
    case Act::key_clear:
      employee_no_.clear();
      look_up_worker();
      return;
    case Act::set_name: name_ = in.text; return;
    default: return;
  }
}

void SignIn::look_up_worker() {
  known_.reset();
  if (enterprise_ >= 0 && !employee_no_.empty())
    known_ = store_.find_worker(enterprises_[static_cast<std::size_t>(enterprise_)].id, employee_no_);
}

std::optional<Worker> SignIn::sign_in(std::int64_t unix_s) {
  if (enterprise_ < 0 || team_ < 0 || employee_no_.empty()) {
    error_ = ui::tr(ui::S::choose_enterprise_team);
    return std::nullopt;
  }
  look_up_worker();
  if (known_) return known_;
  if (name_.empty()) {
    error_ = ui::tr(ui::S::enter_name);
    return std::nullopt;
  }
  return store_.add_worker(enterprises_[static_cast<std::size_t>(enterprise_)].id,
                           teams_[static_cast<std::size_t>(team_)].id, employee_no_, name_, unix_s);
}

void SignIn::clear() {
  known_.reset();
  enterprise_ = team_ = -1;
  enterprise_page_ = team_page_ = 0;
  employee_no_.clear();
  name_.clear();
  error_.clear();
  teams_.clear();
}

ui::SignInView SignIn::view() const {
  ui::SignInView v;
  for (const auto& e : enterprises_) v.enterprises.push_back(e.name);
  for (const auto& t : teams_) v.teams.push_back(t.name);
  v.enterprise = enterprise_;
  v.enterprise_page = enterprise_page_;
  v.team = team_;
  v.team_page = team_page_;
  v.employee_no = employee_no_;
  v.first_time = enterprise_ >= 0 && !employee_no_.empty() && !known_;
  v.name = name_;
  v.error = error_;
  return v;
}

}  // namespace ankang::kiosk
