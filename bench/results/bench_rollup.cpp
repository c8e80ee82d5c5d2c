// bench_rollup [UNITS] [ANSWERS_PER_UNIT] [ROUNDS]
//
// Simulates UNITS organising units (default 20), each with its own kiosks,
// enterprises and ANSWERS_PER_UNIT answers (default 50,000: attempts of 20
// answers, 5 to a bundle), imports each unit's bundles into its own store
// and exports its roll-up (not timed), then, ROUNDS times (default 3), in
// turn which goes first:
//   bundles:  every unit's bundle files read, verified and imported into a
//             fresh store in one batch, as `ankang results import` does
//   roll-ups: every unit's roll-up file read, verified and imported into a
//             fresh city store in one batch, as `ankang rollup import` does
// and prints CPU and wall time of each and the ratio roll-ups / bundles
// (target <= 2), per round and the medians.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "results/rollup.h"
#include "results/simulate.h"
#include "results/store.h"

using namespace ankang::results;
namespace fs = std::filesystem;

namespace {

constexpr int kYear = 2026;  // the simulated contest year, registrations included

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

struct Timing {
  double wall = 0, cpu = 0;
  long answers = 0;
  int refused = 0;
};

template <class F>
Timing timed(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_seconds();
  Timing t = f();
  t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  t.cpu = cpu_seconds() - c0;
  return t;
}

void write(const fs::path& path, const Bytes& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void remove_store(const std::string& path) {
  for (const auto* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Unit {
  Simulation sim;
  KeyPair key;
  std::vector<std::string> bundle_files;
  std::string rollup_file;
};

}  // namespace

int main(int argc, char** argv) {
  const int unit_count = argc > 1 ? std::atoi(argv[1]) : 20;
  const int answers_per_unit = argc > 2 ? std::atoi(argv[2]) : 50000;
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
  const auto dir = fs::temp_directory_path() / ("ankang-bench-rollup-" + std::to_string(::getpid()));
  fs::create_directories(dir);

  std::printf("simulating %d units of %d answers, exporting their roll-ups...\n", unit_count, answers_per_unit);
  std::vector<Unit> units;
  std::size_t bundle_bytes = 0, bundle_files = 0, rollup_bytes = 0, answers = 0;
  double export_cpu = 0;
  for (int u = 0; u < unit_count; ++u) {
    SimulationOptions o;
    o.questions_per_paper = 20;
    o.attempts_per_bundle = 5;
    o.workers = answers_per_unit / o.questions_per_paper;
    o.kiosks = 5;
    o.enterprises = 40;
    o.seed = 1000 + static_cast<std::uint64_t>(u);
    o.year = kYear;
    o.contest_id = "ankang-bench";
    Unit unit;
    unit.sim = simulate(o);
    for (auto& e : unit.sim.enterprises) e.unit = "组织单位 " + std::to_string(u + 1);
    std::array<std::uint8_t, 32> seed{};
    seed.fill(static_cast<std::uint8_t>(u + 1));
    unit.key = key_pair_from_seed(seed);
    const auto unit_dir = dir / ("unit-" + std::to_string(u + 1));
    fs::create_directories(unit_dir);
    for (const auto& b : unit.sim.bundles) {
      unit.bundle_files.push_back((unit_dir / b.name).string());
      write(unit.bundle_files.back(), b.bytes);
      bundle_bytes += b.bytes.size();
    }
    bundle_files += unit.sim.bundles.size();
    answers += unit.sim.answers;
    const auto store_path = (unit_dir / "unit.db").string();
    {
      OrganiserStore store(store_path);
      for (const auto& k : unit.sim.kiosks) store.add_device(k.public_key, "");
      for (const auto& e : unit.sim.enterprises) store.add_enterprise(e, kYear);
      store.begin_batch();
      for (const auto& b : unit.sim.bundles) store.import_bundle(b.bytes, b.name);
      store.commit_batch();
      const double c0 = cpu_seconds();
      const auto rollup = export_rollup(store, unit.key, 1785000000000 + u);
      export_cpu += cpu_seconds() - c0;
      unit.rollup_file = (unit_dir / "unit.ankr").string();
      write(unit.rollup_file, rollup);
      rollup_bytes += rollup.size();
    }
    remove_store(store_path);
    units.push_back(std::move(unit));
  }
  std::printf("%zu answers; bundles %.1f MB in %zu files, roll-ups %.1f MB in %d files; export %.2f s cpu in all\n", answers,
              static_cast<double>(bundle_bytes) / 1e6, bundle_files, static_cast<double>(rollup_bytes) / 1e6, unit_count, export_cpu);

  auto import_bundles = [&] {
    const auto path = (dir / "bundles.db").string();
    remove_store(path);
    Timing t;
    {
      OrganiserStore store(path);
      for (const auto& u : units) {
        for (const auto& k : u.sim.kiosks) store.add_device(k.public_key, "");
        for (const auto& e : u.sim.enterprises) store.add_enterprise(e, kYear);
      }
      t = timed([&] {
        Timing r;
        store.begin_batch();
        for (const auto& u : units)
          for (const auto& f : u.bundle_files) {
            const auto out = store.import_bundle(read_file(f, kMaxBundleBytes), f);
            r.refused += out.status != ImportOutcome::Status::imported;
            r.answers += out.answers;
          }
        store.commit_batch();
        return r;
      });
    }
    remove_store(path);
    return t;
  };
  auto import_rollups = [&] {
    const auto path = (dir / "city.db").string();
    remove_store(path);
    Timing t;
    {
      OrganiserStore city(path);
      for (const auto& u : units) city.add_unit(u.key.public_key, "");
      t = timed([&] {
        Timing r;
        city.begin_batch();
        for (const auto& u : units) {
          const auto out = city.import_rollup(read_file(u.rollup_file, kMaxRollupBytes), u.rollup_file);
          r.refused += out.status != ImportOutcome::Status::imported;
          r.answers += out.answers;
        }
        city.commit_batch();
        return r;
      });
    }
    remove_store(path);
    return t;
  };

  std::printf("round  first     bundles wall / cpu    roll-ups wall / cpu   ratio wall / cpu\n");
  std::vector<double> wall_ratios, cpu_ratios, bundle_cpu, rollup_cpu;
  int refused = 0;
  for (int r = 0; r < rounds; ++r) {
    Timing b, u;
    if (r % 2 == 0) {
      b = import_bundles();
      u = import_rollups();
    } else {
      u = import_rollups();
      b = import_bundles();
    }
    refused += b.refused + u.refused;
    if (b.answers != u.answers || b.answers != static_cast<long>(answers)) {
      std::fprintf(stderr, "answers differ: bundles %ld, roll-ups %ld, simulated %zu\n", b.answers, u.answers, answers);
      return 1;
    }
    wall_ratios.push_back(u.wall / b.wall);
    cpu_ratios.push_back(u.cpu / b.cpu);
    bundle_cpu.push_back(b.cpu);
    rollup_cpu.push_back(u.cpu);
    std::printf("%5d  %-8s  %7.2f s / %6.2f s   %7.2f s / %6.2f s   %5.2f / %5.2f\n", r + 1, r % 2 == 0 ? "bundles" : "roll-ups",
                b.wall, b.cpu, u.wall, u.cpu, u.wall / b.wall, u.cpu / b.cpu);
  }
  std::printf("median ratio roll-ups / bundles: %.2f wall, %.2f cpu (target <= 2); cpu bundles %.2f s, roll-ups %.2f s\n",
              median(wall_ratios), median(cpu_ratios), median(bundle_cpu), median(rollup_cpu));
  fs::remove_all(dir);
  return refused == 0 ? 0 : 1;
}
