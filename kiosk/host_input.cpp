#include "kiosk/host_input.h"

namespace ankang::kiosk {

std::optional<ui::Act> host_shortcut(SDL_Keycode key) {
  switch (key) {
    case SDLK_SPACE: return ui::Act::host_start_timer;
    case SDLK_r: return ui::Act::host_reveal;
    case SDLK_y: return ui::Act::host_right;
    case SDLK_n: return ui::Act::host_wrong;
    case SDLK_RIGHT: return ui::Act::host_next;
    case SDLK_s: return ui::Act::host_pass;
    case SDLK_p: return ui::Act::host_pause;
    case SDLK_c: return ui::Act::host_correct;
    case SDLK_u: return ui::Act::host_undo;
    default: return std::nullopt;
  }
}

int buzzer_team(const SDL_Event& e) {
  if (e.type == SDL_KEYDOWN && !e.key.repeat && e.key.keysym.sym >= SDLK_1 && e.key.keysym.sym <= SDLK_9)
    return e.key.keysym.sym - SDLK_1;
  if (e.type == SDL_CONTROLLERBUTTONDOWN) return static_cast<int>(e.cbutton.which);
  if (e.type == SDL_JOYBUTTONDOWN) return static_cast<int>(e.jbutton.which);
  return -1;
}

}  // namespace ankang::kiosk
