// Contest configs in JSON (data/contests/*.json; the schema is in docs/ENGINE.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/config.h"

namespace ankang::io {

struct LoadedConfig {
  ContestConfig config;
  std::vector<FieldProblem> problems;  // syntax, types, unknown fields, then validate()
  bool ok() const { return problems.empty(); }
};

// Parses and validates. Never throws on bad content: every problem is listed,
// each naming its field (and line and column for a syntax error).
LoadedConfig parse_config(std::string_view json_text);
LoadedConfig config_from_json(const nlohmann::json& j);
nlohmann::ordered_json config_to_json(const ContestConfig& config);

// "FILE: field: message" in the chosen language, one per line.
std::string describe_problems(std::string_view file, const std::vector<FieldProblem>& problems, bool chinese);

}  // namespace ankang::io
