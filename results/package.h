// Contest packages: what the organiser loads on kiosks by USB, signed with
// the organiser key so a kiosk runs only contests its organiser issued.
//
//   magic "ANKCPKG1", u16 format version, u32 body length, body, 64-byte
//   Ed25519 signature over everything before it. Layout in docs/RESULTS.md.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "results/codec.h"
#include "results/keys.h"

namespace ankang::results {

struct ContestPackage {
  std::string contest_id;
  std::string name;                  // shown on the kiosk
  std::string config_json;           // the contest rules, as the engine reads them
  std::vector<std::string> question_ids;
  Bytes bank_subset;                 // the questions themselves (e.g. an exported bank file)
  std::int64_t valid_from_ms = 0;    // unix ms; the kiosk refuses to start outside the window
  std::int64_t valid_until_ms = 0;
  bool operator==(const ContestPackage&) const = default;
};

inline constexpr std::size_t kMaxPackageBytes = 256u << 20;

Bytes write_package(const ContestPackage& package, const KeyPair& organiser_key);
// Size cap, magic, version, length, signature, then the body; throws
// ResultsError with the reason in both languages.
ContestPackage read_package(std::span<const std::uint8_t> bytes, const PublicKey& organiser_key);
ContestPackage read_package_file(const std::string& path, const PublicKey& organiser_key);
// Throws when now_ms is outside the package's validity window.
void check_package_window(const ContestPackage& package, std::int64_t now_ms);

}  // namespace ankang::results
