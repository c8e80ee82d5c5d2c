// Host mode's hardware: the shortcut keys and the buzzers (keys 1-9, game
// controllers). They map an SDL event to what the host screen's buttons ask
// for, so every host input reaches the contest through App.
#pragma once

#include <SDL.h>

#include <optional>

#include "ui/intents.h"

namespace ankang::kiosk {

// Space 请抢答, R reveal, Y right, N wrong, S skip (speed round), P pause or
// resume, C correct and U undo (a reason is then picked on screen), → next.
// nullopt for any other key.
std::optional<ui::Act> host_shortcut(SDL_Keycode key);

// The team whose buzzer the event is (keys 1-9 for teams 1-9; a game
// controller or joystick by its index), or -1 when it is no buzzer.
int buzzer_team(const SDL_Event& e);

}  // namespace ankang::kiosk
