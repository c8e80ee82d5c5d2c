#include "results/uscc.h"

#include "engine/text.h"

namespace ankang::results {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c) {
  auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

std::string normalize_uscc(std::string_view text) {
  auto out = normalize_text(text);  // half-width, lower case, no spaces
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::optional<char> uscc_check_character(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    int v = value_of(first17[i]);
    if (v < 0) return std::nullopt;
    sum += v * kWeights[i];
  }
  int check = 31 - sum % 31;
  return kAlphabet[static_cast<std::size_t>(check == 31 ? 0 : check)];
}

std::optional<Text> uscc_problem(std::string_view code) {
  if (code.size() != 18)
    return Text{"统一社会信用代码应为 18 位，实为 " + std::to_string(code.size()) + " 位",
                "a unified social credit code has 18 characters, this one has " + std::to_string(code.size())};
  for (std::size_t i = 0; i < code.size(); ++i)
    if (value_of(code[i]) < 0)
      return Text{"统一社会信用代码第 " + std::to_string(i + 1) + " 位“" + std::string(1, code[i]) + "”不是合法字符（不用 I、O、S、V、Z）",
                  "character " + std::to_string(i + 1) + " '" + std::string(1, code[i]) +
                      "' is not allowed in a unified social credit code (no I, O, S, V, Z)"};
  char expected = *uscc_check_character(code.substr(0, 17));
  if (code[17] != expected)
    return Text{"统一社会信用代码校验位错误：应为“" + std::string(1, expected) + "”，实为“" + std::string(1, code[17]) + "”",
                "wrong check character in the unified social credit code: expected '" + std::string(1, expected) + "', found '" +
                    std::string(1, code[17]) + "'"};
  return std::nullopt;
}

}  // namespace ankang::results
