// City roll-ups, read and imported as the city does. The first byte picks
// how the rest is used:
//   0: the whole file as it is (size, header, length, unit key, signature);
//   1: header and payload, with the fuzz key written into the header (bytes
//      12-43) and the file signed here with it;
//   2: bytes 1-16 the declared counts (enterprises, attempts, answers, team
//      results: u32, little-endian), the rest the payload; header, hash and
//      signature are made here with the fuzz key.
// Every unit key is taken as registered for reading; the fuzz key is the
// one registered unit of the store the roll-ups that verify are imported into.
#include <algorithm>

#include "fuzz/fuzz_keys.h"
#include "fuzz/fuzz_target.h"
#include "results/error.h"
#include "results/rollup.h"
#include "results/store.h"

namespace {

using ankang::results::Bytes;

Bytes with_fuzz_key(std::span<const std::uint8_t> rest) {
  Bytes file(rest.begin(), rest.end());
  const auto& key = ankang::fuzz::fuzz_key().public_key;
  if (file.size() >= 44) std::copy(key.begin(), key.end(), file.begin() + 12);
  return ankang::fuzz::signed_with_fuzz_key(file);
}

Bytes sealed(std::span<const std::uint8_t> rest) {
  if (rest.size() < 16) return {};
  ankang::results::ByteReader r(rest.first(16));
  ankang::results::RollupCounts counts;
  counts.enterprises = r.u32();
  counts.attempts = r.u32();
  counts.answers = r.u32();
  counts.team_results = r.u32();
  return ankang::results::seal_rollup(rest.subspan(16), counts, 1785000000000, ankang::fuzz::fuzz_key());
}

ankang::results::OrganiserStore& city() {
  static ankang::results::OrganiserStore store = [] {
    ankang::results::OrganiserStore s(":memory:");
    s.add_unit(ankang::fuzz::fuzz_key().public_key, "fuzz");
    return s;
  }();
  return store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto rest = ankang::fuzz::bytes_of(data + 1, size - 1);
  try {
    Bytes file;
    switch (data[0] % 3) {
      case 0: file.assign(rest.begin(), rest.end()); break;
      case 1: file = with_fuzz_key(rest); break;
      default: file = sealed(rest); break;
    }
    (void)ankang::results::read_rollup(file, [](const ankang::results::PublicKey&) { return true; });
    // A refusal comes back in the outcome; only a database error would throw.
    (void)city().import_rollup(file, "fuzz.ankr");
  } catch (const ankang::results::ResultsError&) {
    // A refusal is the expected outcome for most inputs.
  }
  return 0;
}
