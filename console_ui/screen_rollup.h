// 城市汇总: a unit writes its signed roll-up for the city; the city
// registers units, imports their roll-ups, lists 重复报名, and files last
// year's 参赛企业汇总表 as the baseline.
#pragma once

#include <string>
#include <vector>

#include "engine/question.h"  // Text

namespace ankang::console_ui {

enum class RollupSection { unit, city, baseline };

struct RollupUnitRow {
  std::string label;
  std::string fingerprint;
  int rollups = 0;
  std::string newest_export;  // China date, empty before the first
  int registrations = 0;
};

struct RollupFileRow {
  enum class Result { imported, already, refused } result = Result::refused;
  std::string file;  // its name
  std::string unit;  // label (fingerprint), when the header could be read
  Text detail;       // what it added, or why it was refused
};

// One registration of an enterprise registered by two or more units (重复报名):
// its rows follow each other, the counted one first.
struct RollupDuplicateRow {
  std::string uscc;  // on the first row of the enterprise; empty on the others
  std::string name;
  Text source;       // 组织单位 and the unit key it came with
  bool counted = false;
};

// One located problem of the baseline table.
struct RollupProblem {
  std::string where;  // "LINE:COLUMN", "LINE" or empty for the whole file
  Text field;
  Text message;
};

struct RollupView {
  bool loaded = false;

  // Unit side.
  std::string own_fingerprint;  // this workspace's organiser key; empty until made
  bool exported = false, export_ok = false;
  Text export_text;

  // City side.
  std::vector<RollupUnitRow> units;
  std::string key_file;         // an organiser.pub picked, to register with a name
  std::string key_fingerprint;  // its fingerprint, to compare with the unit's
  std::vector<RollupFileRow> files;  // the last import, file by file
  bool imported = false, import_ok = false;
  Text import_text;
  int duplicate_count = 0;                     // enterprises registered twice
  std::vector<RollupDuplicateRow> duplicates;  // their registrations

  // Last year's baseline.
  std::vector<Text> baselines;  // the years stored
  bool baseline_done = false, baseline_ok = false;
  std::string baseline_file;
  Text baseline_text;
  std::vector<RollupProblem> baseline_problems;
};

// What the user types and chooses on the page.
struct RollupInputs {
  RollupSection section = RollupSection::unit;
  std::string unit_name;       // this unit's name, for the exported files
  std::string register_label;  // the name of the unit being registered
  std::string year;            // the baseline's year
  bool replace = false;        // replace a baseline stored for that year
};

struct RollupIntent {
  enum class Kind { none, export_rollup, pick_unit_key, register_unit, cancel_unit_key, import_rollups, import_baseline } kind =
      Kind::none;
};

RollupIntent rollup_screen(const RollupView& view, RollupInputs& inputs);

}  // namespace ankang::console_ui
