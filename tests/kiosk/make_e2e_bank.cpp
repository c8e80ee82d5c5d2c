// Writes a bank of five single-choice questions (answer A) for the
// end-to-end test, so its taps land on known places.
#include <cstdio>

#include "question_bank/bank.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_e2e_bank BANK.db\n");
    return 2;
  }
  std::vector<ankang::Question> qs;
  for (int i = 1; i <= 5; ++i) {
    ankang::Question q;
    q.type = ankang::QuestionType::single;
    q.stem = "端到端测试题 " + std::to_string(i);
    q.options = {"正确选项 " + std::to_string(i), "干扰项甲", "干扰项乙", "干扰项丙"};
    q.correct = {0};
    q.explanation = "测试解析";
    q.category = {"测试"};
    qs.push_back(q);
  }
  auto bank = ankang::bank::Bank::open(argv[1]);
  const auto outcome = bank.insert(qs);
  std::printf("%d\n", outcome.inserted);
  return outcome.inserted == 5 ? 0 : 1;
}
