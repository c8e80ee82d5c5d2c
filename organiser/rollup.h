// The city roll-up as the organiser's tasks: a unit writes its signed
// roll-up (.ankr) with its public key beside it; the city verifies and
// merges every roll-up of a folder in one batch, and imports last year's
// 参赛企业汇总表 as the baseline. Called by `ankang rollup|baseline` and by
// the console's 城市汇总 page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "results/baseline.h"
#include "results/rollup.h"
#include "results/store.h"

namespace ankang::organiser {

// The roll-up files an argument list names: a folder stands for its *.ankr
// files (sorted), a file for itself.
std::vector<std::string> rollup_files(const std::vector<std::string>& args);

// "鼓楼区总工会 (3f2a 9c01 …)", or the fingerprint alone when unnamed.
std::string unit_name(const std::string& label, const std::string& fingerprint);

struct RollupWritten {
  std::string file;      // the .ankr written
  std::string key_file;  // the unit's public key written beside it; empty when not asked for
  results::RollupHeader header;
  std::string fingerprint;  // of the key that signed it
};

// Signs the store's roll-up with the key pair KEY_STEM.key/.pub and writes
// it to OUT (atomically).
RollupWritten export_rollup_file(results::OrganiserStore& store, const std::string& key_stem, const std::string& out,
                                 std::int64_t now_ms);

// A unit's name as a file name: characters a USB stick's file system
// refuses (/ \ : * ? " < > |) and control characters become '_'.
std::string file_name_of(const std::string& unit);

// The unit side of the console: FOLDER/UNIT.ankr and the unit's public key
// beside it as FOLDER/UNIT.organiser.pub, for the city to register the unit.
RollupWritten export_unit_rollup(results::OrganiserStore& store, const std::string& key_stem, const std::string& folder,
                                 const std::string& unit, std::int64_t now_ms);

struct RollupsImported {
  std::vector<results::RollupOutcome> files;  // one per file, in order; source is the path
  int imported = 0, already = 0, refused = 0;
  long answers = 0;
  std::vector<results::DuplicateRegistration> duplicates;  // 重复报名 in the store after the import
};

// Verifies and merges FILES into the city's store as one batch: a refused
// roll-up (unregistered unit, bad signature, unreadable file) is an outcome
// with its reason, not an error; a database error throws and rolls back
// the whole batch. progress(done, total) after each file.
RollupsImported import_rollups(results::OrganiserStore& store, const std::vector<std::string>& files,
                               const std::function<void(std::size_t, std::size_t)>& progress = {});

struct BaselineImported {
  results::BaselineRead read;                     // problems: nothing imported, the store not opened
  std::optional<results::BaselineOutcome> outcome;  // set once the figures were offered to the store
};

// Reads FILE (XLSX or CSV as filed) as the 参赛企业汇总表 of YEAR and, when
// it has no problem, stores it in the organiser store at DB.
BaselineImported import_baseline_file(const std::string& db, const std::string& file, int year, bool replace);

}  // namespace ankang::organiser
