// Contest packages. The first byte picks how the rest is used:
//   0: the whole file as it is (size, magic, version, length, signature);
//   1: everything before the signature, signed here with the fuzz key;
//   2: a version 1 body (no roster); head and signature are made here;
//   3: a version 2 body (with the roster), the same way.
// A package that loads is used as a kiosk uses it: its config is parsed.
#include "engine_io/config_json.h"
#include "fuzz/fuzz_keys.h"
#include "fuzz/fuzz_target.h"
#include "results/error.h"
#include "results/package.h"

namespace {

using ankang::results::Bytes;

Bytes with_head(std::span<const std::uint8_t> body, std::uint16_t version) {
  ankang::results::ByteWriter w;
  for (char c : std::string_view("ANKCPKG1")) w.u8(static_cast<std::uint8_t>(c));
  w.u16(version);
  w.u32(static_cast<std::uint32_t>(body.size()));
  w.raw(body);
  return std::move(w.bytes());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto rest = ankang::fuzz::bytes_of(data + 1, size - 1);
  Bytes file;
  switch (data[0] % 4) {
    case 0: file.assign(rest.begin(), rest.end()); break;
    case 1: file = ankang::fuzz::signed_with_fuzz_key(rest); break;
    case 2: file = ankang::fuzz::signed_with_fuzz_key(with_head(rest, 1)); break;
    default: file = ankang::fuzz::signed_with_fuzz_key(with_head(rest, 2)); break;
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
