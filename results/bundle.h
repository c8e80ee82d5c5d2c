// Signed score bundles: what a kiosk exports and the organiser imports.
//
//   header (172 bytes, little-endian, layout in docs/RESULTS.md)
//   payload (cereal portable binary of BundlePayload, records.h)
//   signature (64 bytes, Ed25519 by the kiosk key over header + payload)
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>

#include "results/codec.h"
#include "results/keys.h"
#include "results/records.h"

namespace ankang::results {

inline constexpr std::uint16_t kBundleFormatVersion = 1;
inline constexpr std::size_t kBundleHeaderBytes = 172;
inline constexpr std::size_t kContestIdBytes = 64;
inline constexpr std::size_t kMaxBundleBytes = 64u << 20;

struct BundleHeader {
  std::uint16_t format_version = kBundleFormatVersion;
  std::string contest_id;
  DeviceId device_id{};
  std::uint64_t sequence = 0;  // 1, 2, 3 ... per device
  Hash previous_hash{};        // hash of the device's bundle sequence-1; zero for the first
  std::uint32_t record_count = 0;  // answers in the payload
  std::uint32_t payload_length = 0;
  Hash payload_hash{};  // BLAKE2b-256 of the payload
};

struct Bundle {
  BundleHeader header;
  BundlePayload payload;
  Hash hash{};  // BLAKE2b-256 of the whole file: its identity and the next bundle's previous_hash
};

// Signs and lays out a bundle; the header's counts and hashes are filled in.
Bytes write_bundle(const std::string& contest_id, std::uint64_t sequence, const Hash& previous_hash,
                   const BundlePayload& payload, const KeyPair& device_key);

// The same from payload bytes already serialized (tests use it to sign
// hostile payloads).
Bytes seal_bundle(const std::string& contest_id, std::uint64_t sequence, const Hash& previous_hash,
                  std::span<const std::uint8_t> payload_bytes, std::uint32_t record_count, const KeyPair& device_key);

// The public key of a registered kiosk, or nullopt for an unknown one.
using DeviceLookup = std::function<std::optional<PublicKey>(const DeviceId&)>;

struct VerifyOptions {
  std::size_t max_file_bytes = kMaxBundleBytes;
  std::string expected_contest_id;  // empty: any contest
  PayloadLimits limits;
};

// Only the fixed header, for messages about a bundle that fails later.
BundleHeader parse_bundle_header(std::span<const std::uint8_t> bytes);

// Checks, in order: size cap, header, known device, signature, payload hash,
// capped archive load, meaning. Throws ResultsError with the first reason
// the bundle is refused.
Bundle read_bundle(std::span<const std::uint8_t> bytes, const DeviceLookup& lookup, const VerifyOptions& options = {});
// The same from a file: the size cap is applied before the file is read.
Bundle read_bundle_file(const std::string& path, const DeviceLookup& lookup, const VerifyOptions& options = {});

// The meaning checks every payload of authentic bytes passes, bundle or
// roll-up: each worker has an employee number and a USCC; each attempt is of
// `contest_id` (empty: of any one contest), its indexes are in range, its
// correctness at most 1000‰ and its end not before its start; no answer id
// twice. Throws ResultsError with the first reason.
void check_records(const BundlePayload& payload, std::string_view contest_id);

// cereal JSON of header and payload, for `ankang results show`.
std::string bundle_to_json(const Bundle& bundle);

}  // namespace ankang::results
