// A scripted kiosk worker for the reliability harnesses: a fixed question
// pool, a roster, and the next intent a worker would send on the screen the
// engine shows. It drives the real kiosk store and session code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/session.h"
#include "kiosk/store.h"

namespace ankang::reliability {

inline constexpr int kPoolSize = 20;
inline constexpr int kPaperSize = 8;
inline constexpr Millis kTestMs = 60000;

// Twenty single-choice questions "q0" … "q19".
const std::vector<Question>& question_pool();
// The paper of stored question ids (for a resume), in their order.
std::vector<Question> paper_of(const std::vector<std::string>& ids);
// A paper of kPaperSize questions picked by the seed.
std::vector<Question> draw_paper(std::uint64_t seed);

// The demonstration enterprise, a team and worker number n (made if missing).
kiosk::Worker ensure_worker(kiosk::Store& store, int n);

// The rules of the scripted attempts: short practices, short timed tests.
kiosk::SessionRules script_rules();
// Starts a new attempt of the mode (stored at once, as the kiosk does).
kiosk::Session start_attempt(kiosk::Store& store, const kiosk::Worker& worker, kiosk::Mode mode, std::uint64_t seed,
                             std::int64_t now_unix_ms);

// What the worker does next on the screen the engine shows: answer (right
// or wrong by `roll`), go on after the feedback, or start. Nullopt when the
// attempt is over or nothing is allowed.
std::optional<Intent> next_intent(const kiosk::Session& session, Millis clock, std::uint64_t roll);

// A small deterministic generator (SplitMix64), seeded per run.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next();
  // Uniform in [0, n).
  std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }

 private:
  std::uint64_t s_;
};

// PRAGMA integrity_check of a connection: "ok" or the first problem.
std::string integrity(const kiosk::Store& store);

}  // namespace ankang::reliability
