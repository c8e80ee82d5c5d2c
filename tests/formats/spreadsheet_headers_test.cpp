// Sheets from other exam systems: their column names, coded types, difficulty in
// words, and the message on a header the template cannot read.
#include <gtest/gtest.h>

#include "test_support.h"

namespace ankang::bank {
namespace {

using namespace test;

TEST(SpreadsheetHeaders, ReadsAnotherSystemsColumnNames) {
  std::string text = "题目类型（0单选1判断2多选）,试题,A,B,C,D,正确答案（多选用英文逗号分隔）,答案解析,知识点,难度\n";
  text += "0,动火作业前应当办理什么？,动火作业许可证,营业执照,健康证,驾驶证,A,先审批后动火。,动火作业/审批,易\n";
  text += "1,有限空间作业应当先通风、再检测、后作业。,,,,,正确,,有限空间,中\n";
  text += "2,灭火的基本方法有哪些？,冷却,窒息,隔离,加热,\"A,B,C\",,消防安全,难\n";
  auto r = parse_text("other.csv", text, Format::csv);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 3u);
  const auto& single = r.questions[0].question;
  EXPECT_EQ(single.type, QuestionType::single);
  EXPECT_EQ(single.stem, "动火作业前应当办理什么？");
  EXPECT_EQ(single.options.size(), 4u);
  EXPECT_EQ(single.correct, std::vector<int>{0});
  EXPECT_EQ(single.explanation, "先审批后动火。");
  EXPECT_EQ(single.category, (std::vector<std::string>{"动火作业", "审批"}));
  EXPECT_EQ(single.difficulty, 1);
  EXPECT_EQ(r.questions[1].question.type, QuestionType::true_false);
  EXPECT_TRUE(r.questions[1].question.truth);
  EXPECT_EQ(r.questions[1].question.difficulty, 3);
  EXPECT_EQ(r.questions[2].question.type, QuestionType::multiple);
  EXPECT_EQ(r.questions[2].question.correct, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(r.questions[2].question.difficulty, 5);
}

TEST(SpreadsheetHeaders, TheTypeNoteSaysWhatTheCodesMean) {
  // Another system numbers its types from 1; the note in the header says so.
  auto r = parse_text("codes.csv", "\"题型(1:单选, 2:多选, 3:判断)\",问题,答案\n3,佩戴安全帽前应检查帽壳是否完好。,对\n", Format::csv);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  EXPECT_EQ(r.questions[0].question.type, QuestionType::true_false);
  r = parse_text("codes.csv", "\"题型(1:单选, 2:多选, 3:判断)\",问题,答案\n0,一道题,对\n", Format::csv);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(format_diagnostic(r.rejected[0].reasons[0], true).rfind("codes.csv:2:1: 题型(1:单选, 2:多选, 3:判断): 未知题型「0」", 0), 0u)
      << all_messages(r);
}

TEST(SpreadsheetHeaders, MessagesNameTheColumnAsTheSheetCallsIt) {
  auto r = parse_text("named.csv", "题目类型,题目,正确答案,难度\n1,高处作业必须系安全带。,也许,很难\n", Format::csv);
  ASSERT_EQ(r.rejected.size(), 1u);
  ASSERT_EQ(r.rejected[0].reasons.size(), 2u) << all_messages(r);
  EXPECT_EQ(format_diagnostic(r.rejected[0].reasons[0], true).rfind("named.csv:2:3: 正确答案: 判断题答案「也许」无法识别", 0), 0u)
      << all_messages(r);
  EXPECT_EQ(format_diagnostic(r.rejected[0].reasons[1], true).rfind("named.csv:2:4: 难度: 难度必须是 1 到 5 的整数或 易", 0), 0u)
      << all_messages(r);
}

TEST(SpreadsheetHeaders, AnUnknownLayoutListsItsColumnsAndTheTemplates) {
  auto r = parse_text("layout.csv", "序号,题面,答案\n1,题,A\n", Format::csv);
  ASSERT_EQ(r.file_errors.size(), 5u) << all_messages(r);  // two unknown columns, no 题型, no 题干, the summary
  EXPECT_EQ(r.file_errors[0].pos.column, 1);
  EXPECT_EQ(r.file_errors[1].pos.column, 2);
  const auto& summary = r.file_errors.back().message;
  EXPECT_NE(summary.zh.find("表头的列：序号（第1列）、题面（第2列）、答案（第3列）"), std::string::npos) << summary.zh;
  EXPECT_NE(summary.zh.find("模板的列名：编号、题型、题干、选项A…选项Z、答案"), std::string::npos) << summary.zh;
  EXPECT_NE(summary.zh.find("题目类型"), std::string::npos) << summary.zh;
  EXPECT_NE(summary.en.find("Its columns: 序号 (column 1), 题面 (column 2), 答案 (column 3)"), std::string::npos) << summary.en;
  EXPECT_NE(summary.en.find("the template's headers: id, type, stem, option_a … option_z, answer"), std::string::npos) << summary.en;
}

TEST(SpreadsheetHeaders, AColumnOfAllOptionsIsNotOptionS) {
  for (std::string_view header : {"options", "Options", "选项"}) {
    auto r = parse_text("plural.csv", "type,stem," + std::string(header) + ",answer\nsingle,题,甲|乙,A\n", Format::csv);
    ASSERT_FALSE(r.file_errors.empty()) << header;
    EXPECT_EQ(r.file_errors[0].pos.column, 3) << header;
    EXPECT_NE(r.file_errors[0].message.zh.find("每个选项要单独一列，列名为 选项A、选项B"), std::string::npos) << r.file_errors[0].message.zh;
    EXPECT_NE(r.file_errors[0].message.en.find("each option needs a column of its own"), std::string::npos) << r.file_errors[0].message.en;
  }
  auto r = parse_text("letters.csv", "type,stem,OptionA,optionB,answer\nsingle,题,甲,乙,B\n", Format::csv);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  EXPECT_EQ(r.questions[0].question.options, (std::vector<std::string>{"甲", "乙"}));
  r = parse_text("numbers.csv", "题型,题干,选项1,选项2,选项3,答案\n单选,题,甲,乙,丙,C\n", Format::csv);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  EXPECT_EQ(r.questions[0].question.options, (std::vector<std::string>{"甲", "乙", "丙"}));
  EXPECT_EQ(r.questions[0].question.correct, std::vector<int>{2});
}

}  // namespace
}  // namespace ankang::bank
