#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>

#include <gtest/gtest.h>

#include "test_support.h"

namespace ankang::bank {
namespace {

using namespace test;

// A workbook as Excel users fill in the template: numbers as numbers, empty cells left out.
std::vector<std::uint8_t> template_workbook(const TempDir& dir) {
  auto path = (dir.path() / "in.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
  const char* header[] = {"题型", "题干", "选项A", "选项B", "选项C", "答案", "难度", "分类"};
  for (int c = 0; c < 8; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  worksheet_write_string(ws, 1, 0, "单选题", nullptr);
  worksheet_write_string(ws, 1, 1, "灭火器压力表指针在哪个区域表示正常？", nullptr);
  worksheet_write_string(ws, 1, 2, "红区", nullptr);
  worksheet_write_string(ws, 1, 3, "绿区", nullptr);
  worksheet_write_string(ws, 1, 4, "黄区", nullptr);
  worksheet_write_string(ws, 1, 5, "B", nullptr);
  worksheet_write_number(ws, 1, 6, 2, nullptr);
  worksheet_write_string(ws, 1, 7, "消防安全/灭火器", nullptr);
  // row 3 left empty; row 4 has a bad answer and a bad difficulty
  worksheet_write_string(ws, 3, 0, "判断", nullptr);
  worksheet_write_string(ws, 3, 1, "可以用水扑灭电气火灾。", nullptr);
  worksheet_write_string(ws, 3, 5, "不知道", nullptr);
  worksheet_write_number(ws, 3, 6, 7, nullptr);
  worksheet_write_string(ws, 4, 0, "填空", nullptr);
  worksheet_write_string(ws, 4, 1, "火警电话是____。", nullptr);
  worksheet_write_number(ws, 4, 5, 119, nullptr);
  workbook_close(wb);
  return *detail_read(path);
}

TEST(XlsxFormat, ReadsTheFirstSheetWithNumbersAndGaps) {
  TempDir dir;
  auto r = parse_questions("in.xlsx", template_workbook(dir), Format::xlsx);
  EXPECT_TRUE(r.file_errors.empty()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 2u) << all_messages(r);
  const auto& q = r.questions[0].question;
  EXPECT_EQ(q.options, (std::vector<std::string>{"红区", "绿区", "黄区"}));
  EXPECT_EQ(q.correct, std::vector<int>{1});
  EXPECT_EQ(q.difficulty, 2);
  EXPECT_EQ(q.category, (std::vector<std::string>{"消防安全", "灭火器"}));
  EXPECT_EQ(r.questions[0].pos.line, 2);
  EXPECT_EQ(r.questions[1].question.blanks, (std::vector<std::vector<std::string>>{{"119"}}));
  EXPECT_EQ(r.questions[1].pos.line, 5);
  ASSERT_EQ(r.rejected.size(), 1u);
  ASSERT_EQ(r.rejected[0].reasons.size(), 2u);
  EXPECT_EQ(format_diagnostic(r.rejected[0].reasons[0], false).rfind("in.xlsx:4:6: cell F4: 答案: ", 0), 0u)
      << format_diagnostic(r.rejected[0].reasons[0], false);
  EXPECT_EQ(r.rejected[0].reasons[1].pos.column, 7);
  EXPECT_NE(r.rejected[0].reasons[1].message.zh.find("单元格 G4"), std::string::npos);
}

// Other programs write inline strings and rich-text shared strings; build such a file by hand.
std::vector<std::uint8_t> hand_made_xlsx(const TempDir& dir) {
  return zip_of(dir, {
    {"xl/workbook.xml", R"(<workbook xmlns:r="r"><sheets><sheet name="题目" sheetId="1" r:id="rId7"/></sheets></workbook>)"},
    {"xl/_rels/workbook.xml.rels", R"(<Relationships><Relationship Id="rId7" Target="worksheets/data.xml"/></Relationships>)"},
    {"xl/sharedStrings.xml", R"(<sst><si><t>题型</t></si><si><r><t>题</t></r><r><t>干</t></r><rPh><t>ティ</t></rPh></si><si><t>判断题</t></si></sst>)"},
    {"xl/worksheets/data.xml", R"(<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>答案</t></is></c></row>
<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="inlineStr"><is><r><t>安全帽</t></r><r><t>必须系好下颏带。</t></r></is></c><c r="D3" t="b"><v>1</v></c></row>
</sheetData></worksheet>)"},
  });
}

TEST(XlsxFormat, ReadsInlineAndRichStringsFromTheSheetTheWorkbookNames) {
  TempDir dir;
  auto r = parse_questions("hand.xlsx", hand_made_xlsx(dir), Format::xlsx);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 1u);
  EXPECT_EQ(r.questions[0].question.stem, "安全帽必须系好下颏带。");
  EXPECT_TRUE(r.questions[0].question.truth);
  EXPECT_EQ(r.questions[0].pos.line, 3);
}

TEST(XlsxFormat, NotAZipIsAFileError) {
  auto r = parse_text("x.xlsx", "题型,题干\n", Format::xlsx);
  ASSERT_EQ(r.file_errors.size(), 1u);
  EXPECT_NE(r.file_errors[0].message.en.find("XLSX"), std::string::npos);
}

TEST(XlsxFormat, RoundTripsEveryTypeItCanCarry) {
  auto questions = sample_questions();
  questions.erase(questions.begin() + 6);  // hotspot
  auto bytes = write_questions(questions, Format::xlsx);
  ASSERT_GT(bytes.size(), 4u);
  EXPECT_EQ(bytes[0], 'P');
  EXPECT_EQ(bytes[1], 'K');
  auto r = parse_questions("out.xlsx", bytes, Format::xlsx);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), questions.size());
  for (std::size_t i = 0; i < questions.size(); ++i) EXPECT_EQ(r.questions[i].question, questions[i]) << i;
  EXPECT_THROW(write_questions(sample_questions(), Format::xlsx), ExportError);
}

}  // namespace
}  // namespace ankang::bank
