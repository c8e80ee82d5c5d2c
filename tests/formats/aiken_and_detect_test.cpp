#include <gtest/gtest.h>

#include "test_support.h"

namespace ankang::bank {
namespace {

using namespace test;

TEST(AikenFormat, ReadsQuestionsSeparatedByBlankLines) {
  auto r = parse_text("a.txt", "安全生产月是几月？\nA. 3月\nB. 6月\nC) 9月\nANSWER: B\n\r\n"
                               "第二题\n有两行\nＡ．甲\nＢ．乙\n答案：Ａ\n", Format::aiken);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 2u);
  EXPECT_EQ(r.questions[0].question.options, (std::vector<std::string>{"3月", "6月", "9月"}));
  EXPECT_EQ(r.questions[0].question.correct, std::vector<int>{1});
  EXPECT_EQ(r.questions[1].question.stem, "第二题\n有两行");
  EXPECT_EQ(r.questions[1].question.correct, std::vector<int>{0});
  EXPECT_EQ(r.questions[1].pos.line, 7);
}

TEST(AikenFormat, ReportsMissingAnswerWrongLettersAndAnswersOutOfRange) {
  auto r = parse_text("bad.txt", "无答案\nA. 甲\nB. 乙\n\n跳字母\nA. 甲\nC. 丙\nANSWER: A\n\n越界\nA. 甲\nB. 乙\nANSWER: D\n",
                      Format::aiken);
  EXPECT_TRUE(r.questions.empty());
  ASSERT_EQ(r.rejected.size(), 3u);
  EXPECT_EQ(format_diagnostic(r.rejected[0].reasons[0], false), "bad.txt:3:1: the ANSWER: line is missing");
  EXPECT_EQ(r.rejected[1].reasons[0].pos.line, 7);
  EXPECT_EQ(r.rejected[2].pos.line, 10);
  EXPECT_EQ(r.rejected[2].reasons[0].message.en.rfind("answer: ", 0), 0u);
}

TEST(AikenFormat, RoundTripsSingleChoiceAndRefusesTheRest) {
  auto q = sample_of(QuestionType::single);
  auto bytes = write_questions({q}, Format::aiken);
  auto r = parse_questions("out.txt", bytes, Format::aiken);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 1u);
  // Aiken carries stem, options and answer only (docs/FORMATS.md).
  EXPECT_EQ(r.questions[0].question.stem, q.stem);
  EXPECT_EQ(r.questions[0].question.options, q.options);
  EXPECT_EQ(r.questions[0].question.correct, q.correct);
  auto problems = export_problems(sample_questions(), Format::aiken);
  EXPECT_EQ(problems.size(), sample_questions().size() - 1);
  try {
    write_questions(sample_questions(), Format::aiken);
    FAIL() << "expected ExportError";
  } catch (const ExportError& e) {
    EXPECT_EQ(e.problems().size(), problems.size());
    EXPECT_NE(std::string(e.what()).find("only single-choice"), std::string::npos);
  }
}

TEST(DetectFormat, ByExtensionThenByContent) {
  auto none = bytes_of("");
  EXPECT_EQ(detect_format("bank.CSV", none), Format::csv);
  EXPECT_EQ(detect_format("dir.v2/bank.tsv", none), Format::tsv);
  EXPECT_EQ(detect_format("a.xlsx", none), Format::xlsx);
  EXPECT_EQ(detect_format("a.gift", none), Format::gift);
  EXPECT_EQ(detect_format("a.xml", none), Format::moodle_xml);
  EXPECT_EQ(detect_format("a.json", none), Format::json);
  EXPECT_EQ(detect_format("q.txt", bytes_of("// c\n::t:: 对吗？{T}\n")), Format::gift);
  EXPECT_EQ(detect_format("q.txt", bytes_of("题\nA. 甲\nB. 乙\nANSWER: A\n")), Format::aiken);
  EXPECT_EQ(detect_format("noext", bytes_of("<?xml version=\"1.0\"?><quiz/>")), Format::moodle_xml);
  EXPECT_EQ(detect_format("noext", bytes_of("PK\x03\x04rest")), Format::xlsx);
  EXPECT_EQ(detect_format("q.txt", bytes_of("just words")), std::nullopt);
  EXPECT_EQ(format_from_name("xml"), Format::moodle_xml);
  EXPECT_EQ(format_from_name("Moodle-XML"), Format::moodle_xml);
  EXPECT_EQ(format_name(Format::moodle_xml), "moodle-xml");
  EXPECT_EQ(format_from_name("docx"), Format::docx);
  EXPECT_EQ(format_from_name("doc"), std::nullopt);
}

TEST(DetectFormat, GiftFixtureTxtIsGift) {
  auto text = shared_fixture("gift/questions.gift.txt");
  if (text.empty()) GTEST_SKIP() << "../shared/interop/moodle is absent";
  EXPECT_EQ(detect_format("questions.gift.txt", bytes_of(text)), Format::gift);
}

}  // namespace
}  // namespace ankang::bank
