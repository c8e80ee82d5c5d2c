// Contest packages. The first byte picks how the rest is used:
//   0: the whole file as it is (size, magic, version, length, signature);
//   1: everything before the signature, signed here with the fuzz key;
//   2: the body only; head and signature are made here.
// A package that loads is used as a kiosk uses it: its config is parsed.
#include "engine_io/config_json.h"
#include "fuzz/fuzz_keys.h"
#include "fuzz/fuzz_target.h"
#include "results/error.h"
#include "results/package.h"

namespace {

using ankang::results::Bytes;

Bytes with_head(std::span<const std::uint8_t> body) {
  ankang::results::ByteWriter w;
  for (char c : std::string_view("ANKCPKG1")) w.u8(static_cast<std::uint8_t>(c));
  w.u16(1);
  w.u32(static_cast<std::uint32_t>(body.size()));
  w.raw(body);
  return std::move(w.bytes());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto rest = ankang::fuzz::bytes_of(data + 1, size - 1);
  Bytes file;
  switch (data[0] % 3) {
    case 0: file.assign(rest.begin(), rest.end()); break;
    case 1: file = ankang::fuzz::signed_with_fuzz_key(rest); break;
    default: file = ankang::fuzz::signed_with_fuzz_key(with_head(rest)); break;
  }
  try {
    auto package = ankang::results::read_package(file, ankang::fuzz::fuzz_key().public_key);
    (void)ankang::io::parse_config(package.config_json);
    ankang::results::check_package_window(package, 0);
  } catch (const ankang::results::ResultsError&) {
    // A refusal is the expected outcome for most inputs.
  }
  return 0;
}
