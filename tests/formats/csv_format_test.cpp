#include <gtest/gtest.h>

#include "test_support.h"

namespace ankang::bank {
namespace {

using namespace test;

constexpr std::string_view kHeader = "题型,题干,选项A,选项B,选项C,选项D,答案,解析,依据,分类,难度,标签\n";

TEST(CsvFormat, ReadsTheChineseTemplate) {
  std::string text(kHeader);
  text += "单选,安全生产月是几月？,3月,6月,9月,12月,Ｂ,每年6月。,《安全生产法》第十三条,安全文化/活动,2,\"通用,建筑\"\n";
  text += "多选题,从业人员有哪些权利？,知情权,建议权,拒绝权,,\"A,C\",,,,,\n";
  text += "判断,发现险情可以撤离。,,,,,√,,,,,\n";
  text += "填空,____第一，____为主。,,,,,安全;安全生产|预防,,,,,\n";
  text += "填空题,停止露天作业的气温？,,,,,#40:0.5,,,,,\n";
  text += "排序,排列,甲,乙,丙,,CAB,,,,,\n";
  text += "连线,连线,红色 -> 禁止,黄色→警告,,,,,,,,\n";
  auto r = parse_text("bank.csv", text, Format::csv);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 7u);
  const auto& q = r.questions[0].question;
  EXPECT_EQ(q.type, QuestionType::single);
  EXPECT_EQ(q.options.size(), 4u);
  EXPECT_EQ(q.correct, std::vector<int>{1});
  EXPECT_EQ(q.basis.law, "《安全生产法》");
  EXPECT_EQ(q.basis.article, "第十三条");
  EXPECT_EQ(q.category, (std::vector<std::string>{"安全文化", "活动"}));
  EXPECT_EQ(q.difficulty, 2);
  EXPECT_EQ(q.tags, (std::vector<std::string>{"通用", "建筑"}));
  EXPECT_EQ(r.questions[0].pos.line, 2);
  EXPECT_EQ(r.questions[1].question.options.size(), 3u);
  EXPECT_EQ(r.questions[1].question.correct, (std::vector<int>{0, 2}));
  EXPECT_TRUE(r.questions[2].question.truth);
  EXPECT_EQ(r.questions[3].question.blanks, (std::vector<std::vector<std::string>>{{"安全", "安全生产"}, {"预防"}}));
  EXPECT_EQ(r.questions[4].question.numeric, (NumericAnswer{40, 0.5}));
  EXPECT_EQ(r.questions[5].question.options, (std::vector<std::string>{"丙", "甲", "乙"}));
  EXPECT_EQ(r.questions[6].question.pairs[1], (MatchPair{"黄色", "警告"}));
}

TEST(CsvFormat, ReadsEnglishHeadersAndQuotedFieldsWithNewlines) {
  std::string text = "id,type,stem,option_a,option_b,answer\r\n";
  text += "x1,single,\"第一行\r\n第二行，含\"\"引号\"\", 和逗号\",是,否,A\r\n";
  text += "x2,true_false,判断,,,错\r\n";
  auto r = parse_text("e.csv", text, Format::csv);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 2u);
  EXPECT_EQ(r.questions[0].question.stem, "第一行\r\n第二行，含\"引号\", 和逗号");
  EXPECT_EQ(r.questions[0].question.id, "x1");
  EXPECT_EQ(r.questions[1].pos.line, 4);  // the quoted newline moved it down a line
  EXPECT_FALSE(r.questions[1].question.truth);
}

TEST(CsvFormat, ReadsUtf8WithBomAndGbk) {
  std::string text = std::string(kHeader) + "判断,高温天气应当采取防暑降温措施。,,,,,对,,,职业健康/高温,,\n";
  auto with_bom = parse_text("bom.csv", "\xEF\xBB\xBF" + text, Format::csv);
  ASSERT_TRUE(with_bom.ok()) << all_messages(with_bom);
  auto gbk_text = to_gbk(text);
  ASSERT_NE(gbk_text, text);
  auto gbk = parse_text("gbk.csv", gbk_text, Format::csv);
  ASSERT_TRUE(gbk.ok()) << all_messages(gbk);
  ASSERT_EQ(gbk.questions.size(), 1u);
  EXPECT_EQ(gbk.questions[0].question.stem, "高温天气应当采取防暑降温措施。");
  EXPECT_EQ(gbk.questions[0].question.category, with_bom.questions[0].question.category);
}

TEST(CsvFormat, TsvUsesTabs) {
  auto r = parse_text("t.tsv", "题型\t题干\t答案\n判断\t含,逗号的题干\t错\n", Format::tsv);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  EXPECT_EQ(r.questions[0].question.stem, "含,逗号的题干");
}

TEST(CsvFormat, ErrorsNameLineAndColumnOfTheField) {
  std::string text(kHeader);
  text += "单选,好题,甲,乙,,,A,,,,,\n";
  text += "判断,坏答案,,,,,也许,,,,,\n";
  text += "单选,答案越界,甲,乙,,,D,,,,,\n";
  text += "论述,未知题型,,,,,,,,,9,\n";
  auto r = parse_text("bad.csv", text, Format::csv);
  EXPECT_EQ(r.questions.size(), 1u);
  ASSERT_EQ(r.rejected.size(), 3u);
  auto first = format_diagnostic(r.rejected[0].reasons[0], true);
  EXPECT_EQ(first.rfind("bad.csv:3:7: 答案: ", 0), 0u) << first;
  EXPECT_EQ(r.rejected[0].source_text, "判断,坏答案,,,,,也许,,,,,");
  EXPECT_EQ(format_diagnostic(r.rejected[1].reasons[0], false).rfind("bad.csv:4:7: answer: ", 0), 0u)
      << format_diagnostic(r.rejected[1].reasons[0], false);
  ASSERT_EQ(r.rejected[2].reasons.size(), 2u);
  EXPECT_EQ(r.rejected[2].reasons[0].pos.column, 1);
  EXPECT_EQ(r.rejected[2].reasons[1].pos.column, 11);
}

TEST(CsvFormat, BadHeaderAndBadQuotingAreReported) {
  auto r = parse_text("h.csv", "题型,题干,答按\n", Format::csv);
  ASSERT_EQ(r.file_errors.size(), 2u);  // the column, then what the header holds
  EXPECT_EQ(r.file_errors[0].pos.column, 3);
  r = parse_text("h.csv", "题干,答案\n", Format::csv);
  ASSERT_FALSE(r.file_errors.empty());
  EXPECT_NE(r.file_errors[0].message.zh.find("题型"), std::string::npos);
  r = parse_text("q.csv", "题型,题干,答案\n判断,\"未闭合,对\n判断,x,对\n", Format::csv);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].reasons[0].pos.line, 2);
  EXPECT_EQ(r.rejected[0].reasons[0].pos.column, 2);
  r = parse_text("empty.csv", "", Format::csv);
  EXPECT_FALSE(r.file_errors.empty());
}

TEST(CsvFormat, InvalidGbkIsAFileErrorWithTheLine) {
  auto r = parse_text("x.csv", "题型,题干,答案\n判断,\xFF\xFF,对\n", Format::csv);
  ASSERT_EQ(r.file_errors.size(), 1u);
  EXPECT_EQ(r.file_errors[0].pos.line, 2);
}

TEST(CsvFormat, RoundTripsEveryTypeItCanCarry) {
  auto questions = sample_questions();
  questions.erase(questions.begin() + 6);  // hotspot: no picture in a spreadsheet
  questions[0].status = QuestionStatus::retired;
  for (auto format : {Format::csv, Format::tsv}) {
    auto bytes = write_questions(questions, format);
    ASSERT_GE(bytes.size(), 3u);
    EXPECT_EQ(bytes[0], 0xEF);
    auto r = parse_questions("out", bytes, format);
    ASSERT_TRUE(r.ok()) << all_messages(r);
    ASSERT_EQ(r.questions.size(), questions.size());
    for (std::size_t i = 0; i < questions.size(); ++i) EXPECT_EQ(r.questions[i].question, questions[i]) << i;
  }
}

TEST(CsvFormat, ExportRefusesHotspotQuestionsNamingThem) {
  auto questions = sample_questions();
  auto problems = export_problems(questions, Format::csv);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].index, 6u);
  EXPECT_EQ(problems[0].id, questions[6].id);
  EXPECT_THROW(write_questions(questions, Format::csv), ExportError);
}

}  // namespace
}  // namespace ankang::bank
