#include "kiosk/sounds.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ankang::kiosk {

namespace {

struct Tone {
  float hz;
  float seconds;
};

}  // namespace

Sounds::Sounds() {
  SDL_AudioSpec want{}, have{};
  want.freq = rate_;
  want.format = AUDIO_F32SYS;
  want.channels = 1;
  want.samples = 1024;
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (device_) {
    rate_ = have.freq;
    SDL_PauseAudioDevice(device_, 0);
  }
}

Sounds::~Sounds() {
  if (device_) SDL_CloseAudioDevice(device_);
}

void Sounds::play(Cue cue) {
  if (!device_ || cue == Cue::none) return;
  std::vector<Tone> tones;
  switch (cue) {
    case Cue::buzz: tones = {{880, 0.25f}}; break;
    case Cue::right: tones = {{660, 0.12f}, {880, 0.12f}, {1320, 0.2f}}; break;
    case Cue::wrong: tones = {{220, 0.35f}}; break;
    case Cue::time_up: tones = {{440, 0.15f}, {0, 0.08f}, {440, 0.15f}, {0, 0.08f}, {440, 0.4f}}; break;
    case Cue::none: return;
  }
  std::vector<float> samples;
  for (const Tone& t : tones) {
    const int n = static_cast<int>(t.seconds * static_cast<float>(rate_));
    for (int i = 0; i < n; ++i) {
      // A short fade in and out keeps the tones from clicking.
      const float fr = static_cast<float>(rate_);
      const float env = std::min({1.0f, static_cast<float>(i) / (0.01f * fr), static_cast<float>(n - i) / (0.02f * fr)});
      samples.push_back(t.hz > 0 ? 0.3f * env * std::sin(6.2831853f * t.hz * static_cast<float>(i) / fr) : 0.0f);
    }
  }
  SDL_ClearQueuedAudio(device_);
  SDL_QueueAudio(device_, samples.data(), static_cast<Uint32>(samples.size() * sizeof(float)));
}

}  // namespace ankang::kiosk
