// City roll-ups: what an organising unit (a district or industry union, the
// enterprise federation) sends the city federation: the enterprises it
// registered and every result its organiser store holds, signed with the
// unit's organiser key (`ankang keys init`).
//
//   header (104 bytes, little-endian, layout in docs/RESULTS.md)
//   payload (cereal portable binary of RollupPayload, records.h)
//   signature (64 bytes, Ed25519 by the unit's organiser key over header + payload)
//
// The city registers each unit's public key (OrganiserStore::add_unit) and
// imports roll-ups with OrganiserStore::import_rollup (store.h).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "engine/question.h"
#include "results/codec.h"
#include "results/keys.h"
#include "results/records.h"

namespace ankang::results {

class OrganiserStore;

inline constexpr std::uint16_t kRollupFormatVersion = 1;
inline constexpr std::size_t kRollupHeaderBytes = 104;
inline constexpr std::size_t kMaxRollupBytes = 512u << 20;

struct RollupHeader {
  std::uint16_t format_version = kRollupFormatVersion;
  PublicKey unit_key{};             // the unit's organiser public key; it signed the file
  std::int64_t exported_at_ms = 0;  // unix ms; a later export of the unit replaces its registrations
  std::uint32_t enterprise_count = 0;
  std::uint32_t attempt_count = 0;
  std::uint32_t answer_count = 0;
  std::uint32_t team_result_count = 0;
  std::uint32_t payload_length = 0;
  Hash payload_hash{};  // BLAKE2b-256 of the payload
};

struct Rollup {
  RollupHeader header;
  RollupPayload payload;
  Hash hash{};  // BLAKE2b-256 of the whole file: its identity
};

// A unit's roll-up is read only when its key is registered.
using UnitLookup = std::function<bool(const PublicKey&)>;

// A unit's store holds many bundles: caps well above one bundle's, still
// checked against the bytes left before anything is allocated.
PayloadLimits rollup_limits();

struct RollupVerifyOptions {
  std::size_t max_file_bytes = kMaxRollupBytes;
  PayloadLimits limits = rollup_limits();
};

// Signs and lays out a roll-up; the header's counts and hash are filled in.
Bytes write_rollup(const RollupPayload& payload, std::int64_t exported_at_ms, const KeyPair& unit_key);

// The same from payload bytes already serialized, with the counts the
// header declares (tests and the fuzz target sign hostile payloads).
struct RollupCounts {
  std::uint32_t enterprises = 0, attempts = 0, answers = 0, team_results = 0;
};
Bytes seal_rollup(std::span<const std::uint8_t> payload_bytes, const RollupCounts& counts, std::int64_t exported_at_ms,
                  const KeyPair& unit_key);

// Only the fixed header, for messages about a file that fails later.
RollupHeader parse_rollup_header(std::span<const std::uint8_t> bytes);

// Checks, in order: size cap, header, registered unit key (an unknown one is
// refused naming its fingerprint), signature, payload hash, capped archive
// load, meaning (counts, the records' checks of bundles, every registration
// well formed and its USCC listed once, one contest id per team result).
// Throws ResultsError with the first reason.
Rollup read_rollup(std::span<const std::uint8_t> bytes, const UnitLookup& registered, const RollupVerifyOptions& options = {});
// The same from a file: the size cap is applied before the file is read.
Rollup read_rollup_file(const std::string& path, const UnitLookup& registered, const RollupVerifyOptions& options = {});

// What a store's roll-up carries: its registered enterprises and every
// question, worker, attempt with its answers, and team result it holds.
RollupPayload rollup_payload(OrganiserStore& store);
// rollup_payload signed with the unit's key, read back with its public key
// before it is returned, so a key pair that does not match is refused here.
Bytes export_rollup(OrganiserStore& store, const KeyPair& unit_key, std::int64_t exported_at_ms);

// [SECTION] What the city's store hands out about units and registrations

struct RegisteredUnit {
  PublicKey key{};
  std::string fingerprint;
  std::string label;
  std::int64_t added_at = 0;          // unix seconds
  int rollups = 0;                    // roll-up files imported
  std::int64_t newest_export_ms = 0;  // export time of the newest one imported; 0 before the first
  int registrations = 0;              // enterprises it registers now
};

// One registration of an enterprise as the city keeps it.
struct Registration {
  std::string uscc;
  std::string name;
  std::string affiliation;  // district | industry | federation
  std::string unit;         // 组织单位, as registered
  std::int64_t headcount = 0;
  std::string unit_label;   // the registered unit key's label; empty for one made in this store
  std::string fingerprint;  // of that key; empty for one made in this store
  bool counted = false;     // the one the totals count
};

// 重复报名: one USCC registered by two or more units.
struct DuplicateRegistration {
  std::string uscc;
  std::vector<Registration> registrations;  // the counted one first, then in import order
};

// "重复报名：91350100M000100Y43 福州机械 由 鼓楼区总工会（…）与 市建设工会（…）报名；合计计入 鼓楼区总工会".
Text describe(const DuplicateRegistration& duplicate);
// "鼓楼区总工会（鼓楼区 · 3f2a 9c01 …）": the 组织单位 and the unit key it came with.
std::string registration_source(const Registration& r, bool chinese);

}  // namespace ankang::results
