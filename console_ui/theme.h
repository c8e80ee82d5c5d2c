// The console's desktop theme: the kiosk's colours (ui/theme.h) at desktop
// sizes, for a mouse and a keyboard rather than gloves.
#pragma once

namespace ankang::console_ui {

// ui_scale: window height / 1080.
void apply_console_theme(float ui_scale);

}  // namespace ankang::console_ui
