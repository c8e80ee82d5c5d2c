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

#include "engine/question.h"
#include "results/codec.h"
#include "results/keys.h"
#include "results/table_file.h"

namespace ankang::results {

// An enterprise taking part and its teams (班组), as the kiosk's sign-in
// screen lists them.
struct RosterEnterprise {
  std::string uscc;  // 统一社会信用代码, normalised and checked
  std::string name;
  std::vector<std::string> teams;
  bool operator==(const RosterEnterprise&) const = default;
};

struct ContestPackage {
  std::string contest_id;
  std::string name;                  // shown on the kiosk
  std::string config_json;           // the contest rules, as the engine reads them
  std::vector<std::string> question_ids;
  Bytes bank_subset;                 // the questions themselves (Ankang's question JSON)
  std::int64_t valid_from_ms = 0;    // unix ms; the kiosk refuses to load it outside the window
  std::int64_t valid_until_ms = 0;
  std::vector<RosterEnterprise> roster;  // format version 2; empty in a version 1 package
  bool operator==(const ContestPackage&) const = default;
};

inline constexpr std::size_t kMaxPackageBytes = 256u << 20;
// Roster caps, checked while reading before anything is allocated.
inline constexpr std::uint32_t kMaxRosterEnterprises = 10000;
inline constexpr std::uint32_t kMaxTeamsPerEnterprise = 1000;
inline constexpr std::uint32_t kMaxRosterTeams = 100000;
inline constexpr std::uint32_t kMaxRosterName = 256;  // bytes of an enterprise or team name

// Writes format version 2 (with the roster).
Bytes write_package(const ContestPackage& package, const KeyPair& organiser_key);
// Size cap, magic, version (1 or 2), length, signature, then the body; throws
// ResultsError with the reason in both languages.
ContestPackage read_package(std::span<const std::uint8_t> bytes, const PublicKey& organiser_key);
ContestPackage read_package_file(const std::string& path, const PublicKey& organiser_key);
// Throws when now_ms is outside the package's validity window.
void check_package_window(const ContestPackage& package, std::int64_t now_ms);

// The organiser's roster table: one row per team, headed 统一社会信用代码,
// 企业名称, 班组 (or uscc, name, team); an enterprise's rows may be anywhere.
struct RosterProblem {
  int line = 0;
  int column = 0;
  std::string field;  // uscc, name, team
  Text message;
};
struct Roster {
  std::vector<RosterEnterprise> enterprises;
  std::vector<RosterProblem> problems;
  // Line and column of each enterprise's code in its first row, for
  // messages about it (parallel to enterprises).
  std::vector<std::pair<int, int>> first_seen;
};
Roster read_roster(const std::vector<Row>& rows);

}  // namespace ankang::results
