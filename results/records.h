// Score records: plain structs that travel in signed bundles.
// Serialized with cereal (see records.cpp): portable binary in bundles, JSON
// for inspection. Every struct carries a CEREAL_CLASS_VERSION.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "results/codec.h"

namespace ankang::results {

using Uuid = std::array<std::uint8_t, 16>;

struct Worker {
  std::string employee_no;      // 工号, unique inside the enterprise
  std::string name;
  std::string team;             // 班组
  std::string enterprise_uscc;  // 统一社会信用代码 of the enterprise
  bool operator==(const Worker&) const = default;
};

// A question a bundle refers to; answers point into the bundle's table of
// these instead of repeating the 36-character id.
struct QuestionRef {
  std::string id;        // UUID of the question in the bank
  std::string category;  // "职业病防治/粉尘", for the per-category statistics
  bool operator==(const QuestionRef&) const = default;
};

struct AnswerRecord {
  Uuid uuid{};                          // made by the kiosk; the same answer keeps it for life
  std::uint32_t question = 0;           // index into BundlePayload::questions
  std::string response;                 // compact: "AC", "T", "3|1|2", blanks joined by '|'
  std::uint16_t correct_permille = 0;   // how correct, 0..1000 (partial credit)
  std::int32_t centipoints = 0;         // points × 100 (may be negative: risk stakes)
  std::uint32_t shown_ms = 0;           // when the question appeared, ms after the attempt started
  std::uint32_t latency_ms = 0;         // from shown to answered
  bool operator==(const AnswerRecord&) const = default;
};

struct Attempt {
  std::uint32_t worker = 0;  // index into BundlePayload::workers
  std::string contest_id;
  std::uint64_t paper_seed = 0;
  std::int64_t started_at_ms = 0;  // unix time, ms
  std::int64_t ended_at_ms = 0;
  std::int32_t max_centipoints = 0;  // full marks of the paper, for a 100-point score
  std::vector<AnswerRecord> answers;
  bool operator==(const Attempt&) const = default;

  std::int64_t centipoints() const;
  int correct_count() const;  // answers fully right (correct_permille == 1000)
  // Score out of 100 (0 when the paper has no points).
  double percent() const;
};

// One team's final standing in a host-mode team contest (班组赛) run on the
// kiosk; payload version 2 on.
struct TeamResult {
  Uuid contest{};               // the host contest: every team of it shares this id
  std::string team;             // 班组
  std::string enterprise_uscc;  // the enterprise the teams belong to
  std::uint32_t rank = 0;       // 1 = first, ties share a rank
  std::int32_t centipoints = 0;
  std::uint32_t correct = 0;    // questions fully right
  std::uint32_t fouls = 0;
  std::uint64_t paper_seed = 0;
  std::int64_t started_at_ms = 0;  // unix time, ms
  std::int64_t ended_at_ms = 0;
  bool operator==(const TeamResult&) const = default;
};

struct BundlePayload {
  std::vector<QuestionRef> questions;
  std::vector<Worker> workers;
  std::vector<Attempt> attempts;
  std::vector<TeamResult> team_results;  // empty in a version 1 payload
  bool operator==(const BundlePayload&) const = default;
  std::size_t answer_count() const;
};

// Limits checked while reading, before anything is allocated.
struct PayloadLimits {
  std::size_t max_text_bytes = 1024;      // any name, id or category
  std::size_t max_response_bytes = 255;
  std::size_t max_questions = 65535;
  std::size_t max_workers = 100000;
  std::size_t max_attempts = 1000000;
  std::size_t max_answers_per_attempt = 10000;
  std::size_t max_team_results = 100000;
  std::size_t max_enterprises = 100000;   // registrations in a roll-up
};

// An enterprise as an organising unit registered it, travelling in its
// roll-up to the city federation (results/rollup.h).
struct RollupEnterprise {
  std::string uscc;         // normalised
  std::string name;
  std::string affiliation;  // district | industry | federation
  std::string unit;         // 组织单位
  std::int64_t headcount = 0;
  bool operator==(const RollupEnterprise&) const = default;
};

// What a roll-up carries: the unit's registrations and every result its
// store holds, in the bundle's records so the city imports them the same way.
struct RollupPayload {
  std::vector<RollupEnterprise> enterprises;
  BundlePayload records;
  // The contest of each of records.team_results, in the same order (a
  // bundle names one contest in its header; a unit's store holds many).
  std::vector<std::string> team_contest_ids;
  bool operator==(const RollupPayload&) const = default;
};

// cereal PortableBinary bytes of a payload.
Bytes write_payload(const BundlePayload& payload);
// Reads what write_payload wrote. Every declared count and length is checked
// against its cap and the bytes that remain before cereal reads it; throws
// ResultsError naming the field on bad input.
BundlePayload read_payload(std::span<const std::uint8_t> bytes, const PayloadLimits& limits = {});
// cereal JSON, for `ankang results show`.
std::string payload_to_json(const BundlePayload& payload);

// The same for a roll-up's payload, read with the same capped reader.
Bytes write_rollup_payload(const RollupPayload& payload);
RollupPayload read_rollup_payload(std::span<const std::uint8_t> bytes, const PayloadLimits& limits);

std::string uuid_to_string(const Uuid& uuid);

}  // namespace ankang::results
