#include <gtest/gtest.h>

#include "test_support.h"

namespace ankang::bank {
namespace {

using namespace test;

TEST(JsonFormat, ReadsEveryTypeFromTheDocumentedShape) {
  TempDir dir;
  dir.write("images/ladder.png", tiny_png(320, 200));
  auto path = dir.write("bank.json", bytes_of(R"({
  "format": "ankang-questions",
  "version": 1,
  "questions": [
    {"id": "a1", "type": "single", "stem": "安全生产月是几月？", "options": ["3月", "6月"], "answer": "B",
     "explanation": "每年6月。", "basis": {"law": "《中华人民共和国安全生产法》", "article": "第十三条"},
     "category": "安全文化/安全生产月", "tags": ["通用"], "difficulty": 1, "source": "s"},
    {"type": "multiple", "stem": "多选", "options": ["甲", "乙", "丙"], "answer": "CA"},
    {"type": "true_false", "stem": "判断", "answer": false},
    {"type": "fill_blank", "stem": "____第一", "answer": [["安全", "安全生产"]]},
    {"type": "fill_blank", "stem": "多少度", "answer": {"value": 35, "tolerance": 0.5}},
    {"type": "matching", "stem": "连线", "pairs": [["红", "禁止"], ["黄", "警告"]]},
    {"type": "ordering", "stem": "排序", "options": ["一", "二", "三"], "status": "retired"},
    {"type": "hotspot", "stem": "找隐患", "image": "images/ladder.png", "regions": [[1, 2, 30, 40]]}
  ]
})"));
  auto bytes = *detail_read(path);
  auto r = parse_questions(path.string(), bytes, Format::json);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 8u);
  const auto& q0 = r.questions[0].question;
  EXPECT_EQ(q0.id, "a1");
  EXPECT_EQ(q0.correct, std::vector<int>{1});
  EXPECT_EQ(q0.basis.article, "第十三条");
  EXPECT_EQ(q0.category, (std::vector<std::string>{"安全文化", "安全生产月"}));
  EXPECT_EQ(q0.difficulty, 1);
  EXPECT_EQ(r.questions[0].pos.line, 5);
  EXPECT_EQ(r.questions[1].question.correct, (std::vector<int>{0, 2}));
  EXPECT_FALSE(r.questions[2].question.truth);
  EXPECT_EQ(r.questions[3].question.blanks[0][1], "安全生产");
  ASSERT_TRUE(r.questions[4].question.numeric.has_value());
  EXPECT_DOUBLE_EQ(r.questions[4].question.numeric->tolerance, 0.5);
  EXPECT_EQ(r.questions[5].question.pairs[1].right, "警告");
  EXPECT_EQ(r.questions[6].question.status, QuestionStatus::retired);
  const auto& hot = r.questions[7].question;
  EXPECT_EQ(hot.image.mime, "image/png");
  EXPECT_EQ(hot.image.width, 320);
  EXPECT_EQ(hot.image.height, 200);
  EXPECT_EQ(hot.regions[0], (Region{1, 2, 30, 40}));
}

TEST(JsonFormat, SyntaxErrorGivesLineAndColumn) {
  auto r = parse_text("bad.json", "{\n  \"format\": \"ankang-questions\",\n  \"version\": 1,\n  \"questions\": [ } \n}", Format::json);
  ASSERT_EQ(r.file_errors.size(), 1u);
  EXPECT_EQ(r.file_errors[0].pos.line, 4);
  EXPECT_EQ(r.file_errors[0].pos.column, 18);
  EXPECT_EQ(format_diagnostic(r.file_errors[0], false).rfind("bad.json:4:18: JSON syntax error", 0), 0u)
      << format_diagnostic(r.file_errors[0], false);
}

TEST(JsonFormat, BadQuestionIsRejectedAtTheLineWhereItStartsWithItsField) {
  auto r = parse_text("q.json", R"({"format": "ankang-questions", "version": 1, "questions": [
  {"type": "single", "stem": "好", "options": ["a", "b"], "answer": "A"},
  {"type": "single", "stem": "坏",
   "options": ["a", "b"], "answer": "C"},
  {"type": "single", "stem": "拼错", "option": ["a", "b"], "answer": "A"},
  {"type": "essay", "stem": "论述"}
]})", Format::json);
  EXPECT_EQ(r.questions.size(), 1u);
  ASSERT_EQ(r.rejected.size(), 3u);
  EXPECT_EQ(r.rejected[0].pos.line, 3);
  EXPECT_EQ(r.rejected[0].reasons[0].message.en.rfind("answer: ", 0), 0u);
  EXPECT_NE(r.rejected[0].source_text.find("坏"), std::string::npos);
  EXPECT_EQ(r.rejected[1].pos.line, 5);
  EXPECT_NE(all_messages(r).find("option: unknown field"), std::string::npos) << all_messages(r);
  EXPECT_EQ(r.rejected[2].pos.line, 6);
  EXPECT_NE(r.rejected[2].reasons[0].message.zh.find("essay"), std::string::npos);
}

TEST(JsonFormat, RejectsAFileThatIsNotOurs) {
  auto r = parse_text("x.json", R"({"questions": []})", Format::json);
  ASSERT_FALSE(r.file_errors.empty());
  r = parse_text("x.json", R"({"format": "ankang-questions", "version": 1, "questions": [], "extra": 1})", Format::json);
  ASSERT_EQ(r.file_errors.size(), 1u);
  EXPECT_NE(r.file_errors[0].message.en.find("extra"), std::string::npos);
  r = parse_text("x.json", R"({"format": 7, "version": 1, "questions": []})", Format::json);
  EXPECT_FALSE(r.file_errors.empty());
}

TEST(JsonFormat, MissingPictureNamesTheFile) {
  TempDir dir;
  auto path = dir.write("b.json", bytes_of(R"({"format": "ankang-questions", "version": 1, "questions": [
    {"type": "hotspot", "stem": "找", "image": "nope.png", "regions": [[0, 0, 1, 1]]}]})"));
  auto bytes = *detail_read(path);
  auto r = parse_questions(path.string(), bytes, Format::json);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_NE(all_messages(r).find("nope.png"), std::string::npos);
}

TEST(JsonFormat, RoundTripsEveryType) {
  auto questions = sample_questions();
  questions[5].status = QuestionStatus::retired;
  auto bytes = write_questions(questions, Format::json);
  auto text = text_of(bytes);
  EXPECT_NE(text.find("\"image\": \"data:image/png;base64,"), std::string::npos);
  auto r = parse_questions("out.json", bytes, Format::json);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), questions.size());
  for (std::size_t i = 0; i < questions.size(); ++i) EXPECT_EQ(r.questions[i].question, questions[i]) << i;
}

}  // namespace
}  // namespace ankang::bank
