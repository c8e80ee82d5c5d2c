#include "question_bank/question_columns.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sample_questions.h"

namespace ankang::bank {
namespace {

TEST(QuestionColumns, OptionsAndAnswerAreTheJsonThatNlohmannWrites) {
  auto q = testing::single_choice("题干");
  q.type = QuestionType::multiple;
  q.options = {"引号\"与反斜杠\\", "换行\n制表\t回车\r", std::string("控制\x01\x1f字符") + "\b\f", "全角Ａ、空格　和 emoji 🔥", ""};
  q.correct = {0, 2, 4};
  auto columns = encode_answer(q);
  EXPECT_EQ(columns.options, nlohmann::json(q.options).dump());
  EXPECT_EQ(columns.answer, nlohmann::json(q.correct).dump());
  Question back;
  back.type = q.type;
  decode_answer(columns, back);
  EXPECT_EQ(back.options, q.options);
  EXPECT_EQ(back.correct, q.correct);
  q.options.clear();
  q.correct.clear();
  EXPECT_EQ(encode_answer(q).options, "[]");
  EXPECT_EQ(encode_answer(q).answer, "[]");
}

TEST(QuestionColumns, PairsAndRegionsAreTheJsonThatNlohmannWritesAndEmptyArraysWithout) {
  for (const auto& q : testing::every_type()) {
    auto columns = encode_answer(q);
    nlohmann::json pairs = nlohmann::json::array();
    for (const auto& p : q.pairs) pairs.push_back({p.left, p.right});
    nlohmann::json regions = nlohmann::json::array();
    for (const auto& r : q.regions) regions.push_back({r.x, r.y, r.width, r.height});
    EXPECT_EQ(columns.pairs, pairs.dump()) << type_code(q.type);
    EXPECT_EQ(columns.regions, regions.dump()) << type_code(q.type);
    Question back;
    back.type = q.type;
    decode_answer(columns, back);
    EXPECT_EQ(back.pairs.size(), q.pairs.size());
    EXPECT_EQ(back.regions.size(), q.regions.size());
  }
  EXPECT_EQ(encode_answer(testing::single_choice("题干")).pairs, "[]");
  EXPECT_EQ(encode_answer(testing::single_choice("题干")).regions, "[]");
}

TEST(QuestionColumns, InvalidUtf8InAnOptionIsRefusedAsBefore) {
  auto q = testing::single_choice("题干");
  q.options = {"好的选项", "坏的\xff选项"};
  EXPECT_THROW(encode_answer(q), nlohmann::json::type_error);
}

}  // namespace
}  // namespace ankang::bank
