// The admin screen's own state: the PIN pad with its lock-out, the fields
// being typed (folder, new PIN), the kiosk settings (idle timeout, font
// size, language, PIN) kept in the store, and the message of the last
// action. What acts on the rest of the kiosk (loading a folder, exporting,
// host mode, exit) App does, once unlocked() says the PIN was given.
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/admin_pin.h"
#include "kiosk/store.h"
#include "ui/intents.h"
#include "ui/views.h"

namespace ankang::kiosk {

class Admin {
 public:
  // The settings and the lock-out as the store keeps them.
  explicit Admin(Store& store);

  // The admin screen opens locked with an empty pad.
  void open();
  void close() { unlocked_ = false; }
  bool unlocked() const { return unlocked_; }

  // pin_digit, pin_backspace, pin_submit at `unix_ms`; once unlocked also
  // admin_set_folder, admin_set_new_pin, admin_idle_timeout,
  // admin_font_scale, admin_language, admin_change_pin. Anything else, or a
  // setting while locked, changes nothing.
  void apply(const ui::Intent& in, std::int64_t unix_ms);

  // Milliseconds left of the PIN lock-out (0: a PIN may be tried).
  std::int64_t lock_ms(std::int64_t unix_ms) const { return guard_.wait_ms(unix_ms); }
  int idle_timeout_s() const { return idle_timeout_s_; }
  int font_scale_pct() const { return font_scale_pct_; }
  const std::string& message() const { return message_; }
  void set_message(std::string message) { message_ = std::move(message); }

  // The admin screen's fields; the kiosk adds the fingerprint and the counts.
  ui::AdminView view(std::int64_t unix_ms) const;

 private:
  void submit_pin(std::int64_t unix_ms);

  Store& store_;
  bool unlocked_ = false;
  std::string pin_entry_, pin_error_, folder_, new_pin_, message_;
  PinGuard guard_;
  int idle_timeout_s_ = 90;
  int font_scale_pct_ = 100;
};

}  // namespace ankang::kiosk
