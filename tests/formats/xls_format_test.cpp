// Legacy Excel .xls: a sheet saved by LibreOffice as "MS Excel 97" from
// fixtures/other_system.csv (another exam system's headers, numbers in cells).
#include <gtest/gtest.h>

#include "test_support.h"

namespace ankang::bank {
namespace {

using namespace test;

std::vector<std::uint8_t> fixture() {
  auto bytes = detail_read(ANKANG_SOURCE_DIR "/tests/formats/fixtures/other_system.xls");
  return bytes ? *bytes : std::vector<std::uint8_t>{};
}

TEST(XlsFormat, ReadsTheFirstSheetOfAnExcel97Workbook) {
  auto bytes = fixture();
  ASSERT_FALSE(bytes.empty()) << "tests/formats/fixtures/other_system.xls is missing";
  EXPECT_EQ(detect_format("题库.xls", bytes), Format::xls);
  EXPECT_EQ(detect_format("no-extension", bytes), Format::xls);  // told by its OLE2 signature
  auto r = parse_questions("题库.xls", bytes, Format::xls);
  EXPECT_TRUE(r.file_errors.empty()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 4u) << all_messages(r);
  const auto& fire = r.questions[0].question;
  EXPECT_EQ(fire.type, QuestionType::single);  // the type 0 is a number cell
  EXPECT_EQ(fire.stem, "动火作业前应当办理什么？");
  EXPECT_EQ(fire.options.front(), "动火作业许可证");
  EXPECT_EQ(fire.explanation, "先审批后动火。");
  EXPECT_EQ(fire.category, (std::vector<std::string>{"动火作业", "审批"}));
  EXPECT_EQ(fire.difficulty, 2);
  EXPECT_EQ(r.questions[0].pos.line, 2);
  EXPECT_TRUE(r.questions[1].question.truth);
  EXPECT_EQ(r.questions[1].question.difficulty, 1);
  EXPECT_EQ(r.questions[2].question.correct, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(r.questions[3].question.options, (std::vector<std::string>{"36", "220", "380", "1.5"}));  // number cells as Excel shows them
  EXPECT_EQ(r.questions[3].pos.line, 6);

  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].source_text, "1\t配电箱可以不上锁。\t\t\t\t\t也许\t\t用电安全\t3");
  EXPECT_EQ(format_diagnostic(r.rejected[0].reasons.at(0), true).rfind("题库.xls:5:7: 单元格 G5：正确答案: 判断题答案「也许」无法识别", 0), 0u)
      << all_messages(r);
}

TEST(XlsFormat, ADamagedOrForeignFileIsOneClearError) {
  auto bytes = fixture();
  ASSERT_GT(bytes.size(), 4096u);
  bytes.resize(4096);  // cut short, as a broken download is
  auto r = parse_questions("cut.xls", bytes, Format::xls);
  EXPECT_TRUE(r.questions.empty());
  ASSERT_EQ(r.file_errors.size(), 1u) << all_messages(r);
  EXPECT_NE(r.file_errors[0].message.zh.find("不是有效的 .xls 文件，或文件已损坏"), std::string::npos) << r.file_errors[0].message.zh;
  EXPECT_EQ(format_diagnostic(r.file_errors[0], false).rfind("cut.xls: not a valid .xls file, or a damaged one", 0), 0u)
      << format_diagnostic(r.file_errors[0], false);
  r = parse_questions("text.xls", bytes_of("题型,题干,答案\n判断,x,对\n"), Format::xls);
  ASSERT_EQ(r.file_errors.size(), 1u);
  EXPECT_TRUE(r.questions.empty());
}

TEST(XlsFormat, IsReadOnly) {
  EXPECT_FALSE(format_can_write(Format::xls));
  EXPECT_TRUE(format_can_write(Format::xlsx));
  auto problems = export_problems({sample_of(QuestionType::single)}, Format::xls);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.zh.find("请导出为 xlsx"), std::string::npos);
  EXPECT_THROW(write_questions({sample_of(QuestionType::single)}, Format::xls), ExportError);
}

}  // namespace
}  // namespace ankang::bank
