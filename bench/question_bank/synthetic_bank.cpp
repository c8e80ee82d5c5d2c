#include "synthetic_bank.h"

#include <array>

namespace ankang::bench {

namespace {

constexpr std::array<const char*, 16> kWords{
    "安全生产", "职业病", "防护用品", "隐患排查", "应急预案", "高温作业", "粉尘浓度", "噪声控制",
    "消防通道", "特种作业", "安全培训", "事故报告", "劳动保护", "有限空间", "危险化学品", "安全标志"};

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return x;
}

std::string words(std::uint64_t seed, int n) {
  std::string s;
  for (int k = 0; k < n; ++k) s += kWords[mix(seed + static_cast<std::uint64_t>(k) * 7919) % kWords.size()];
  return s;
}

QuestionType type_of(std::uint64_t i) {
  switch (i % 5) {
    case 0: case 1: case 2: return QuestionType::single;
    case 3: return QuestionType::multiple;
    default: return QuestionType::true_false;
  }
}

}  // namespace

std::string synthetic_category(int top) {
  return "类别" + std::string(top < 10 ? "0" : "") + std::to_string(top);
}

Question synthetic_question(std::uint64_t i) {
  Question q;
  q.type = type_of(i);
  q.stem = "第" + std::to_string(i) + "题：关于" + words(i, 3) + "，下列说法正确的是" + words(i + 1, 2) + "（　）。";
  if (q.type != QuestionType::true_false) {
    for (int k = 0; k < 4; ++k) q.options.push_back(words(i * 4 + static_cast<std::uint64_t>(k), 2) + "选项" + "ABCD"[k]);
    q.correct = q.type == QuestionType::single ? std::vector<int>{static_cast<int>(i % 4)} : std::vector<int>{0, 2, 3};
  } else {
    q.truth = i % 2 == 0;
  }
  q.explanation = "解析：" + words(i + 3, 4) + "是本题的要点。";
  q.basis.law = "《中华人民共和国安全生产法》";
  int top = static_cast<int>(mix(i) % 12);
  q.category = {synthetic_category(top), "子类" + std::to_string(mix(i + 5) % 3)};
  q.tags = {"通用"};
  q.difficulty = 1 + static_cast<int>(mix(i + 9) % 5);
  q.source = "benchmark";
  return q;
}

std::string synthetic_csv_header() { return "题型,题干,选项A,选项B,选项C,选项D,答案,解析,依据,分类,难度,标签\n"; }

std::string synthetic_csv_row(std::uint64_t i) {
  auto q = synthetic_question(i);
  std::string type = q.type == QuestionType::single ? "单选" : q.type == QuestionType::multiple ? "多选" : "判断";
  std::string row = type + "," + q.stem;
  for (int k = 0; k < 4; ++k) row += "," + (q.options.empty() ? std::string() : q.options[static_cast<std::size_t>(k)]);
  std::string answer;
  if (q.type == QuestionType::true_false) answer = q.truth ? "对" : "错";
  for (int c : q.correct) answer += "ABCD"[c];
  row += "," + answer + "," + q.explanation + "," + q.basis.law + "," + join_category(q.category) + "," +
         std::to_string(q.difficulty) + "," + q.tags[0] + "\n";
  return row;
}

}  // namespace ankang::bench
