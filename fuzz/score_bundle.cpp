// Score bundles. The first byte picks how the rest is used:
//   0: the whole file as it is (size, header, length, device, signature);
//   1: header and payload, signed here with the fuzz key;
//   2: bytes 1-4 the record count (little-endian), the rest the payload;
//      header, hash and signature are made here (contest "fuzz", sequence 1).
// Every device id is taken as registered with the fuzz key.
#include <optional>

#include "fuzz/fuzz_keys.h"
#include "fuzz/fuzz_target.h"
#include "results/bundle.h"
#include "results/error.h"

namespace {

using ankang::results::Bytes;

Bytes sealed(std::span<const std::uint8_t> rest) {
  if (rest.size() < 4) return {};
  ankang::results::ByteReader r(rest.first(4));
  auto record_count = r.u32();
  return ankang::results::seal_bundle("fuzz", 1, {}, rest.subspan(4), record_count, ankang::fuzz::fuzz_key());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto rest = ankang::fuzz::bytes_of(data + 1, size - 1);
  auto lookup = [](const ankang::results::DeviceId&) -> std::optional<ankang::results::PublicKey> {
    return ankang::fuzz::fuzz_key().public_key;
  };
  try {
    Bytes file;
    switch (data[0] % 3) {
      case 0: file.assign(rest.begin(), rest.end()); break;
      case 1: file = ankang::fuzz::signed_with_fuzz_key(rest); break;
      default: file = sealed(rest); break;
    }
    auto bundle = ankang::results::read_bundle(file, lookup);
    (void)ankang::results::bundle_to_json(bundle);
  } catch (const ankang::results::ResultsError&) {
    // A refusal is the expected outcome for most inputs.
  }
  return 0;
}
