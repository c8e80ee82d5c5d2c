// parse_blueprint and describe_stratum: the paper blueprint JSON (docs/FORMATS.md).
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "question_bank/draw.h"

namespace ankang::bank {

using nlohmann::json;

namespace {

[[noreturn]] void bad(std::string_view file, const std::string& field, const std::string& zh, const std::string& en) {
  std::string where = std::string(file) + ": " + field;
  throw BlueprintError(Text{where + "：" + zh, where + ": " + en});
}

// Line and column (1-based, column in bytes) of a byte offset.
std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

BlueprintStratum parse_stratum(std::string_view file, const json& j, std::size_t index) {
  const std::string at = "strata[" + std::to_string(index) + "]";
  if (!j.is_object()) bad(file, at, "每一层必须是一个对象", "each stratum must be an object");
  BlueprintStratum s;
  for (const auto& [key, value] : j.items()) {
    const std::string field = at + "." + key;
    if (key == "category") {
      if (!value.is_string()) bad(file, field, "必须是字符串，如 \"职业病防治/粉尘\"", "must be a string such as \"职业病防治/粉尘\"");
      s.category = split_category(value.get<std::string>());
    } else if (key == "type") {
      auto type = value.is_string() ? type_from_code(value.get<std::string>()) : std::nullopt;
      if (!type)
        bad(file, field, "题型必须是 single、multiple、true_false、fill_blank、matching、ordering 或 hotspot",
            "type must be single, multiple, true_false, fill_blank, matching, ordering or hotspot");
      s.type = type;
    } else if (key == "difficulty") {
      std::set<int> levels;
      for (const auto& d : value.is_array() ? value : json::array({value})) {
        if (!d.is_number_integer() || d.get<int>() < 1 || d.get<int>() > 5)
          bad(file, field, "难度必须是 1 到 5 的整数或这样的整数列表", "difficulty must be an integer 1..5 or a list of them");
        levels.insert(d.get<int>());
      }
      if (levels.empty()) bad(file, field, "难度列表为空", "the difficulty list is empty");
      s.difficulties.assign(levels.begin(), levels.end());
    } else if (key == "count") {
      if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 100000)
        bad(file, field, "题数必须是 1 到 100000 的整数", "count must be an integer from 1 to 100000");
      s.count = value.get<int>();
    } else {
      bad(file, field, "未知字段（拼写错误？）", "unknown field (a typo?)");
    }
  }
  if (s.count == 0) bad(file, at + ".count", "缺少题数", "count is missing");
  return s;
}

}  // namespace

Blueprint parse_blueprint(std::string_view file, std::string_view text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    auto [line, column] = line_column(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string where = std::string(file) + ":" + std::to_string(line) + ":" + std::to_string(column);
    throw BlueprintError(Text{where + "：不是有效的 JSON（" + e.what() + "）", where + ": not valid JSON (" + e.what() + ")"});
  } catch (const json::out_of_range& e) {
    // The parser refuses a number beyond a double (1e400) this way, not as a syntax error.
    const std::string where(file);
    throw BlueprintError(Text{where + "：JSON 数值超出范围（" + e.what() + "）", where + ": JSON number out of range (" + e.what() + ")"});
  }
  if (!j.is_object()) bad(file, "(top level)", "组卷方案必须是一个 JSON 对象", "a blueprint must be a JSON object");
  Blueprint bp;
  for (const auto& [key, value] : j.items()) {
    if (key == "format") {
      if (value != "ankang-blueprint") bad(file, key, "必须是 \"ankang-blueprint\"", "must be \"ankang-blueprint\"");
    } else if (key == "version") {
      if (value != 1) bad(file, key, "本程序只认识第 1 版", "only version 1 is known");
    } else if (key == "strata") {
      if (!value.is_array() || value.empty()) bad(file, key, "必须是非空数组", "must be a non-empty array");
      for (std::size_t i = 0; i < value.size(); ++i) bp.strata.push_back(parse_stratum(file, value[i], i));
    } else {
      bad(file, key, "未知字段（拼写错误？）", "unknown field (a typo?)");
    }
  }
  if (bp.strata.empty()) bad(file, "strata", "缺少 strata", "strata is missing");
  return bp;
}

Text describe_stratum(const BlueprintStratum& s) {
  Text t;
  t.zh = s.category.empty() ? "全部分类" : join_category(s.category);
  t.en = s.category.empty() ? "all categories" : join_category(s.category);
  t.zh += " / " + (s.type ? std::string(type_name_zh(*s.type)) : std::string("全部题型"));
  t.en += " / " + (s.type ? std::string(type_code(*s.type)) : std::string("any type"));
  std::string levels;
  for (int d : s.difficulties) levels += (levels.empty() ? "" : ",") + std::to_string(d);
  t.zh += " / 难度 " + (levels.empty() ? std::string("不限") : levels);
  t.en += " / difficulty " + (levels.empty() ? std::string("any") : levels);
  return t;
}

}  // namespace ankang::bank
