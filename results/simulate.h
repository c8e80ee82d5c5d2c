// Realistic signed bundles for demos, tests and benchmarks: enterprises with
// teams and workers of varying ability, kiosks that export a bundle every few
// attempts. Deterministic: the same options give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "results/keys.h"
#include "results/store.h"

namespace ankang::results {

struct SimulationOptions {
  int enterprises = 20;
  int kiosks = 4;
  int workers = 500;              // in all, spread over the enterprises
  std::uint64_t seed = 1;
  int year = 2026;
  int questions_per_paper = 20;
  int attempts_per_bundle = 5;
  // Answer ids as kiosks make them now (RFC 9562 version 7, from the answer
  // time); false: random version 4 ids, as kiosks made them before.
  bool time_ordered_ids = true;
  std::string contest_id = "ankang-sim";
};

struct SimulatedBundle {
  std::string name;  // kiosk-003-000012.ankb
  Bytes bytes;
};

struct Simulation {
  std::vector<Enterprise> enterprises;  // registered list (a few workers belong to unlisted ones)
  std::vector<KeyPair> kiosks;
  std::vector<SimulatedBundle> bundles;
  std::size_t answers = 0;
};

Simulation simulate(const SimulationOptions& options);

// Writes DIR/enterprises.csv (UTF-8 with BOM, the columns `ankang enterprise
// import` reads), DIR/devices/kiosk-NNN.pub and DIR/bundles/*.ankb.
void write_simulation(const Simulation& sim, const std::string& dir);

}  // namespace ankang::results
