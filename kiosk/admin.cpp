#include "kiosk/admin.h"

#include <algorithm>

#include "ui/strings.h"

namespace ankang::kiosk {

Admin::Admin(Store& store) : store_(store) {
  if (auto v = store_.setting("idle_timeout_s")) idle_timeout_s_ = std::stoi(*v);
  if (auto v = store_.setting("font_scale_pct")) font_scale_pct_ = std::stoi(*v);
  if (auto v = store_.setting("language")) ui::set_language(*v == "en" ? ui::Lang::en : ui::Lang::zh);
  if (auto v = store_.setting("pin_failures")) guard_.failures = std::stoi(*v);
  if (auto v = store_.setting("pin_locked_until")) guard_.locked_until = std::stoll(*v);
}

void Admin::open() {
  unlocked_ = false;
  pin_entry_.clear();
  pin_error_.clear();
}

void Admin::apply(const ui::Intent& in, std::int64_t unix_ms) {
  using ui::Act;
  switch (in.act) {
    case Act::pin_digit:
      // While locked out nothing is typed, so no half PIN waits for the end.
      if (guard_.wait_ms(unix_ms) == 0 && pin_entry_.size() < 12) pin_entry_ += static_cast<char>('0' + in.value);
      return;
    case Act::pin_backspace:
      if (in.value == 1)
        pin_entry_.clear();
      else if (!pin_entry_.empty())
        pin_entry_.pop_back();
      return;
    case Act::pin_submit: submit_pin(unix_ms); return;
    default: break;
  }
  if (!unlocked_) return;  // everything below needs the PIN
  switch (in.act) {
    case Act::admin_set_folder: folder_ = in.text; return;
    case Act::admin_set_new_pin: new_pin_ = in.text; return;
    case Act::admin_idle_timeout:
      idle_timeout_s_ = std::clamp(in.value, 30, 600);
      store_.set_setting("idle_timeout_s", std::to_string(idle_timeout_s_));
      return;
    case Act::admin_font_scale:
      font_scale_pct_ = std::clamp(in.value, 80, 150);
      store_.set_setting("font_scale_pct", std::to_string(font_scale_pct_));
      return;
    case Act::admin_language:
      ui::set_language(in.value == 1 ? ui::Lang::en : ui::Lang::zh);
      store_.set_setting("language", in.value == 1 ? "en" : "zh");
      return;
    case Act::admin_change_pin:
      if (!pin_acceptable(in.text)) {
        message_ = ui::tr(ui::S::new_pin);
      } else {
        store_.set_setting("pin_hash", hash_pin(in.text));
        new_pin_.clear();
        message_ = std::string(ui::tr(ui::S::change_pin)) + " ✓";
      }
      return;
    default: return;
  }
}

// The wrong tries and the lock-out are stored at once, so a restart does not reset them.
void Admin::submit_pin(std::int64_t unix_ms) {
  if (guard_.wait_ms(unix_ms) > 0) {
    pin_entry_.clear();
    return;
  }
  if (pin_matches(store_.setting("pin_hash").value_or(""), pin_entry_)) {
    unlocked_ = true;
    guard_.succeeded();
    message_.clear();
  } else {
    guard_.failed(unix_ms);
    pin_error_ = ui::tr(ui::S::pin_wrong);
  }
  store_.set_setting("pin_failures", std::to_string(guard_.failures));
  store_.set_setting("pin_locked_until", std::to_string(guard_.locked_until));
  pin_entry_.clear();
}

ui::AdminView Admin::view(std::int64_t unix_ms) const {
  ui::AdminView v;
  v.unlocked = unlocked_;
  v.pin_entry = pin_entry_;
  v.pin_error = pin_error_;
  v.lock_seconds = static_cast<int>((guard_.wait_ms(unix_ms) + 999) / 1000);
  v.idle_timeout_s = idle_timeout_s_;
  v.font_scale_pct = font_scale_pct_;
  v.language = ui::language() == ui::Lang::en ? 1 : 0;
  v.folder = folder_;
  v.new_pin = new_pin_;
  v.message = message_;
  return v;
}

}  // namespace ankang::kiosk
