#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "cli/commands.h"

namespace ankang::cli {

bool locale_is_chinese() {
  // The first of these that is set decides, as in POSIX.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return std::string_view(value).starts_with("zh");
  }
  return false;
}

std::string parse_error_zh(const CLI::ParseError& e) {
  const std::string what = e.what();
  auto after = [&](std::string_view prefix) -> std::optional<std::string> {
    if (!what.starts_with(prefix)) return std::nullopt;
    return what.substr(prefix.size());
  };
  auto before = [&](std::string_view suffix) -> std::optional<std::string> {
    if (!what.ends_with(suffix)) return std::nullopt;
    return what.substr(0, what.size() - suffix.size());
  };
  std::string zh;
  if (what == "A subcommand is required") zh = "缺少子命令";
  else if (auto rest = after("The following arguments were not expected: ")) zh = "无法识别的参数：" + *rest;
  else if (auto rest = after("The following argument was not expected: ")) zh = "无法识别的参数：" + *rest;
  else if (auto rest = after("Could not convert: ")) zh = "参数值的格式不对：" + *rest;
  else if (auto option = before(" is required")) zh = "缺少必需的选项 " + *option;
  else if (auto at = what.find(": File does not exist: "); at != std::string::npos)
    zh = what.substr(0, at) + "：文件不存在：" + what.substr(at + 23);
  else if (auto at = what.find(": Value "); at != std::string::npos && what.find(" not in range ") != std::string::npos)
    zh = what.substr(0, at) + "：数值超出允许的范围（" + what.substr(at + 2) + "）";
  else zh = "命令行参数有误（" + what + "）";
  return zh + "。用 --help 查看用法。";
}

const std::string& localized(const Text& text) {
  static const bool chinese = locale_is_chinese();
  return chinese ? text.zh : text.en;
}

}  // namespace ankang::cli
