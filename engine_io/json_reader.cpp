#include "engine_io/json_reader.h"

#include <algorithm>

namespace ankang::io {

FieldProblem syntax_problem(std::string_view text, const nlohmann::json::parse_error& e) {
  int line = 1, column = 1;
  const std::size_t end = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not UTF-8 continuation bytes
    }
  }
  const std::string where_zh = "第 " + std::to_string(line) + " 行第 " + std::to_string(column) + " 列";
  const std::string where_en = "line " + std::to_string(line) + ", column " + std::to_string(column);
  return {"", {where_zh + "：JSON 语法错误（" + e.what() + "）", where_en + ": JSON syntax error (" + e.what() + ")"}};
}

ObjectReader::ObjectReader(const nlohmann::json& object, std::string at) : obj_(object), at_(std::move(at)) {
  if (!obj_.is_object()) {
    std::string name = at_.empty() ? "(top)" : at_.substr(0, at_.size() - 1);
    throw JsonFieldError{{name, {"应为 JSON 对象", "must be a JSON object"}}};
  }
}

void ObjectReader::fail(const char* key, const std::string& zh, const std::string& en) const {
  throw JsonFieldError{{field(key), {"应为" + zh, "must be " + en}}};
}

void ObjectReader::read(const char* key, int& out) {
  seen_.emplace_back(key);
  if (!obj_.contains(key)) return;
  const auto& v = obj_[key];
  if (!v.is_number_integer() || v.get<std::int64_t>() < INT32_MIN || v.get<std::int64_t>() > INT32_MAX)
    fail(key, "整数", "an integer");
  out = v.get<int>();
}

void ObjectReader::read(const char* key, std::int64_t& out) {
  seen_.emplace_back(key);
  if (!obj_.contains(key)) return;
  if (!obj_[key].is_number_integer()) fail(key, "整数", "an integer");
  out = obj_[key].get<std::int64_t>();
}

void ObjectReader::read(const char* key, bool& out) {
  seen_.emplace_back(key);
  if (!obj_.contains(key)) return;
  if (!obj_[key].is_boolean()) fail(key, " true 或 false", "true or false");
  out = obj_[key].get<bool>();
}

void ObjectReader::read(const char* key, std::string& out) {
  seen_.emplace_back(key);
  if (!obj_.contains(key)) return;
  if (!obj_[key].is_string()) fail(key, "字符串", "a string");
  out = obj_[key].get<std::string>();
}

void ObjectReader::read(const char* key, std::vector<std::string>& out) {
  seen_.emplace_back(key);
  if (!obj_.contains(key)) return;
  const auto& v = obj_[key];
  if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const auto& x) { return x.is_string(); }))
    fail(key, "字符串数组", "an array of strings");
  out = v.get<std::vector<std::string>>();
}

void ObjectReader::read(const char* key, std::vector<int>& out) {
  seen_.emplace_back(key);
  if (!obj_.contains(key)) return;
  const auto& v = obj_[key];
  if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const auto& x) { return x.is_number_integer(); }))
    fail(key, "整数数组", "an array of integers");
  out = v.get<std::vector<int>>();
}

void ObjectReader::read(const char* key, std::vector<std::vector<int>>& out) {
  seen_.emplace_back(key);
  if (!obj_.contains(key)) return;
  const auto& v = obj_[key];
  const auto ints = [](const auto& x) {
    return x.is_array() && std::all_of(x.begin(), x.end(), [](const auto& y) { return y.is_number_integer(); });
  };
  if (!v.is_array() || !std::all_of(v.begin(), v.end(), ints)) fail(key, "整数数组的数组", "an array of arrays of integers");
  out = v.get<std::vector<std::vector<int>>>();
}

const nlohmann::json* ObjectReader::child(const char* key) {
  seen_.emplace_back(key);
  return obj_.contains(key) ? &obj_[key] : nullptr;
}

void ObjectReader::check_unknown(std::vector<FieldProblem>& out) const {
  for (const auto& [key, value] : obj_.items())
    if (std::find(seen_.begin(), seen_.end(), key) == seen_.end())
      out.push_back({at_ + key, {"未知字段（拼写错误？）", "unknown field (a typo?)"}});
}

}  // namespace ankang::io
