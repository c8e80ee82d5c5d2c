#include "tables/xlsx_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ankang::tables {
namespace {

// A workbook of the given parts, zipped in a temporary file and read back.
std::vector<std::uint8_t> workbook(const std::map<std::string, std::string>& parts) {
  auto path = (std::filesystem::temp_directory_path() / ("tables-test-" + std::to_string(getpid()) + ".xlsx")).string();
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, text] : parts) {
    auto* copy = static_cast<char*>(std::malloc(text.size()));
    std::memcpy(copy, text.data(), text.size());
    zip_file_add(z, name.c_str(), zip_source_buffer(z, copy, text.size(), 1), ZIP_FL_ENC_UTF_8);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
  std::filesystem::remove(path);
  return bytes;
}

struct Sheet {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  std::vector<std::string> sources;
  std::vector<Problem> problems;
  std::optional<Problem> failure;
};

Sheet read(const std::vector<std::uint8_t>& bytes) {
  Sheet s;
  s.failure = read_xlsx(
      bytes,
      [&](const Row& r) {
        s.rows.emplace_back(r.cells.begin(), r.cells.end());
        s.lines.push_back(r.line);
        s.sources.emplace_back(r.source_text);
        return true;
      },
      [&](const Problem& p) { s.problems.push_back(p); });
  return s;
}

const std::map<std::string, std::string> kNamedSheet = {
    {"xl/workbook.xml", R"(<workbook xmlns:r="r"><sheets><sheet name="名单" sheetId="1" r:id="rId7"/></sheets></workbook>)"},
    {"xl/_rels/workbook.xml.rels", R"(<Relationships><Relationship Id="rId7" Target="worksheets/data.xml"/></Relationships>)"},
    {"xl/sharedStrings.xml",
     R"(<sst><si><t>名称</t></si><si><r><t>安康</t></r><r><t>公司</t></r><rPh><t>アンカン</t></rPh></si></sst>)"},
    {"xl/worksheets/sheet1.xml", R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>)"}};

TEST(XlsxReader, SharedAndInlineStringsPlacedByTheirCellReferences) {
  auto parts = kNamedSheet;
  parts["xl/worksheets/data.xml"] = R"(<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>人</t></r><r><t>数</t></r></is></c></row>
<row r="4"><c r="B4" t="s"><v>1</v></c><c r="C4"><v>120</v></c><c r="D4" t="b"><v>1</v></c></row>
<row><c t="inlineStr"><is><t>x</t></is></c><c><v>2.5</v></c></row>
</sheetData></worksheet>)";
  auto s = read(workbook(parts));
  ASSERT_FALSE(s.failure) << s.failure->en;
  EXPECT_TRUE(s.problems.empty());
  ASSERT_EQ(s.rows.size(), 3u);
  EXPECT_EQ(s.rows[0], (std::vector<std::string>{"名称", "", "人数"}));
  EXPECT_EQ(s.lines[0], 1);
  EXPECT_EQ(s.rows[1], (std::vector<std::string>{"", "安康公司", "120", "TRUE"}));  // phonetic hint left out
  EXPECT_EQ(s.lines[1], 4);
  EXPECT_EQ(s.sources[1], "\t安康公司\t120\tTRUE");
  EXPECT_EQ(s.rows[2], (std::vector<std::string>{"x", "2.5"}));  // no references: in order
  EXPECT_EQ(s.lines[2], 5);                                     // no number: after the row before
}

TEST(XlsxReader, AnUnreadableCellReferenceIsReportedWithItsRow) {
  auto parts = kNamedSheet;
  parts["xl/worksheets/data.xml"] = R"(<worksheet><sheetData>
<row r="2"><c r="A2"><v>1</v></c><c r="b2"><v>2</v></c><c r="C2"><v>3</v></c></row>
</sheetData></worksheet>)";
  auto s = read(workbook(parts));
  ASSERT_FALSE(s.failure);
  ASSERT_EQ(s.problems.size(), 1u);
  EXPECT_EQ(s.problems[0].line, 2);
  EXPECT_NE(s.problems[0].zh.find("b2"), std::string::npos);
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(s.rows[0], (std::vector<std::string>{"1", "", "3"}));
}

TEST(XlsxReader, StopsWhenTheRowCallbackSaysSo) {
  auto parts = kNamedSheet;
  parts["xl/worksheets/data.xml"] = R"(<worksheet><sheetData><row><c><v>1</v></c></row><row><c><v>2</v></c></row></sheetData></worksheet>)";
  int calls = 0;
  auto failure = read_xlsx(workbook(parts), [&](const Row&) { return ++calls < 1; }, [](const Problem&) {});
  EXPECT_FALSE(failure);
  EXPECT_EQ(calls, 1);
}

TEST(XlsxReader, FileProblemsAreReturned) {
  std::vector<std::uint8_t> not_zip{'a', ',', 'b'};
  auto s = read(not_zip);
  ASSERT_TRUE(s.failure);
  EXPECT_NE(s.failure->en.find("XLSX"), std::string::npos);

  auto no_sheet = kNamedSheet;  // names data.xml, which is absent
  s = read(workbook(no_sheet));
  ASSERT_TRUE(s.failure);
  EXPECT_NE(s.failure->en.find("xl/worksheets/data.xml"), std::string::npos);

  auto damaged = kNamedSheet;
  damaged["xl/worksheets/data.xml"] = "<worksheet><sheetData><row>";
  s = read(workbook(damaged));
  ASSERT_TRUE(s.failure);
  EXPECT_NE(s.failure->zh.find("已损坏"), std::string::npos);
  EXPECT_TRUE(s.rows.empty());
}

TEST(XlsxReader, CellReferencesAndColumnNames) {
  int column = 0, row = 0;
  EXPECT_TRUE(parse_cell_ref("C12", column, row));
  EXPECT_EQ(column, 3);
  EXPECT_EQ(row, 12);
  EXPECT_TRUE(parse_cell_ref("AB1", column, row));
  EXPECT_EQ(column, 28);
  EXPECT_FALSE(parse_cell_ref("12", column, row));
  EXPECT_FALSE(parse_cell_ref("C", column, row));
  EXPECT_FALSE(parse_cell_ref("ZZZZZZZ1", column, row));  // beyond Excel's last column
  EXPECT_EQ(column_name(1), "A");
  EXPECT_EQ(column_name(26), "Z");
  EXPECT_EQ(column_name(28), "AB");
  EXPECT_EQ(column_name(16384), "XFD");
}

}  // namespace
}  // namespace ankang::tables
