// Sounds made by the program (no sound files): buzz, right, wrong, time-up.
#pragma once

#include <SDL.h>

#include "kiosk/host.h"

namespace ankang::kiosk {

class Sounds {
 public:
  Sounds();  // silent when there is no audio device
  ~Sounds();
  Sounds(const Sounds&) = delete;
  Sounds& operator=(const Sounds&) = delete;
  void play(Cue cue);

 private:
  SDL_AudioDeviceID device_ = 0;
  int rate_ = 48000;
};

}  // namespace ankang::kiosk
