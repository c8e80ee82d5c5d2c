// Small questions of every type for the bank tests.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <string>
#include <vector>

#include "engine/question.h"

namespace ankang::bank::testing {

// A file name in the test temporary folder, as SQLite spells it (no "//"),
// with the process id: two builds testing at once must not share files.
inline std::string temp_path(const std::string& name) {
  std::string dir = ::testing::TempDir();
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir + "/" + std::to_string(::getpid()) + "-" + name;
}

inline Question single_choice(std::string stem, std::vector<std::string> category = {"安全生产法律法规"}, int difficulty = 2) {
  Question q;
  q.type = QuestionType::single;
  q.stem = std::move(stem);
  q.options = {"安全第一、预防为主、综合治理", "预防为主、防消结合", "以人为本、效益优先"};
  q.correct = {0};
  q.explanation = "安全生产法第三条规定的方针。";
  q.basis = {"《中华人民共和国安全生产法》", "第三条"};
  q.category = std::move(category);
  q.tags = {"通用", "矿山"};
  q.difficulty = difficulty;
  q.source = "test";
  return q;
}

inline std::vector<Question> every_type() {
  std::vector<Question> qs;
  qs.push_back(single_choice("安全生产工作坚持的方针是（　）。"));

  Question m;
  m.type = QuestionType::multiple;
  m.stem = "下列属于职业病危害因素的有（　）。";
  m.options = {"粉尘", "噪声", "高温", "加班餐"};
  m.correct = {0, 1, 2};
  m.explanation = "粉尘、噪声、高温都是常见的职业病危害因素。";
  m.category = {"职业病防治", "粉尘"};
  m.difficulty = 3;
  qs.push_back(m);

  Question tf;
  tf.type = QuestionType::true_false;
  tf.stem = "每年6月是全国安全生产月。";
  tf.truth = true;
  tf.explanation = "安全生产月在每年6月。";
  tf.category = {"安全文化"};
  qs.push_back(tf);

  Question fb;
  fb.type = QuestionType::fill_blank;
  fb.stem = "安全生产工作坚持____、预防为主、综合治理的方针。";
  fb.blanks = {{"安全第一", "安全第一位"}};
  fb.explanation = "见安全生产法第三条。";
  fb.category = {"安全生产法律法规"};
  qs.push_back(fb);

  Question num;
  num.type = QuestionType::fill_blank;
  num.stem = "日最高气温达到____℃以上时，应停止当日室外露天作业。";
  num.numeric = NumericAnswer{40, 0};
  num.explanation = "防暑降温措施管理办法第八条。";
  num.category = {"高温劳动保护"};
  qs.push_back(num);

  Question mt;
  mt.type = QuestionType::matching;
  mt.stem = "将防护用品与所防护的危害连线。";
  mt.pairs = {{"防尘口罩", "粉尘"}, {"耳塞", "噪声"}};
  mt.explanation = "按危害选择防护用品。";
  mt.category = {"职业病防治", "个体防护"};
  qs.push_back(mt);

  Question od;
  od.type = QuestionType::ordering;
  od.stem = "发现火情后，按先后顺序排列。";
  od.options = {"报警", "疏散", "扑救初起火灾"};
  od.explanation = "先报警。";
  od.category = {"消防安全"};
  qs.push_back(od);

  Question hs;
  hs.type = QuestionType::hotspot;
  hs.stem = "找出图中的隐患。";
  hs.image = Image{"image/png", {0x89, 'P', 'N', 'G', 1, 2, 3, 4}, 640, 480};
  hs.regions = {{10, 20, 100, 50}, {300, 200, 40, 40}};
  hs.explanation = "梯子没有人扶。";
  hs.category = {"隐患排查治理"};
  hs.difficulty = 4;
  qs.push_back(hs);
  return qs;
}

}  // namespace ankang::bank::testing
