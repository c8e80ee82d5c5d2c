// Reading a JSON object field by field, naming the field and the problem.
// Internal to engine_io.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/question.h"

namespace ankang::io {

// Thrown for a syntax error or a field of the wrong type; the problem says which.
struct JsonFieldError {
  FieldProblem problem;
};

// "第 3 行第 7 列：…" / "line 3, column 7: …" from a parse error's byte offset.
FieldProblem syntax_problem(std::string_view text, const nlohmann::json::parse_error& e);

class ObjectReader {
 public:
  // `at` is the field path of this object ("rounds[1]."), "" at the top.
  ObjectReader(const nlohmann::json& object, std::string at);

  bool has(const char* key) const { return obj_.contains(key); }
  void read(const char* key, int& out);
  void read(const char* key, std::int64_t& out);
  void read(const char* key, bool& out);
  void read(const char* key, std::string& out);
  void read(const char* key, std::vector<std::string>& out);
  void read(const char* key, std::vector<int>& out);
  void read(const char* key, std::vector<std::vector<int>>& out);
  const nlohmann::json* child(const char* key);  // null when absent
  std::string field(const char* key) const { return at_ + key; }

  // Every key not read is an unknown field: a typo must not silently pass.
  void check_unknown(std::vector<FieldProblem>& out) const;
  [[noreturn]] void fail(const char* key, const std::string& zh_expected, const std::string& en_expected) const;

 private:
  const nlohmann::json& obj_;
  std::string at_;
  std::vector<std::string> seen_;
};

}  // namespace ankang::io
