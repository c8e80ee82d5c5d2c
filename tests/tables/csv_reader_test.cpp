#include "tables/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ankang::tables {
namespace {

struct Record {
  std::vector<std::string> cells;
  int line = 0;
  std::string source;
};

std::vector<Record> read_all(std::string_view text, char delimiter = ',') {
  std::vector<Record> out;
  CsvReader reader(text, delimiter);
  while (reader.next()) {
    auto row = reader.row();
    out.push_back({{row.cells.begin(), row.cells.end()}, row.line, std::string(row.source_text)});
    EXPECT_FALSE(reader.problem()) << "line " << row.line << ": " << reader.problem()->en;
  }
  return out;
}

TEST(CsvReader, QuotedFieldsKeepDelimitersQuotesAndLineBreaks) {
  auto records = read_all("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\n3,4");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].cells, (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(records[1].cells, (std::vector<std::string>{"two\nlines", "x"}));
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[1].source, "\"two\nlines\",x");
  EXPECT_EQ(records[2].cells, (std::vector<std::string>{"3", "4"}));
  EXPECT_EQ(records[2].line, 4);  // the record after a two-line field
}

TEST(CsvReader, TabsSeparateTsvAndEmptyFieldsCount) {
  auto records = read_all("a\t\tc\n\nx,y\t\n", '\t');
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].cells, (std::vector<std::string>{"a", "", "c"}));
  EXPECT_EQ(records[1].cells, (std::vector<std::string>{""}));  // a blank line is one empty field
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].cells, (std::vector<std::string>{"x,y", ""}));
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReader, UnterminatedQuoteNamesTheRecordLineAndField) {
  CsvReader reader("h1,h2\nok,\"open\nand on\n", ',');
  ASSERT_TRUE(reader.next());
  EXPECT_FALSE(reader.problem());
  ASSERT_TRUE(reader.next());
  ASSERT_TRUE(reader.problem());
  EXPECT_TRUE(reader.unterminated_quote());
  EXPECT_EQ(reader.problem()->line, 2);
  EXPECT_EQ(reader.problem()->column, 2);
  EXPECT_NE(reader.problem()->zh.find("引号没有闭合"), std::string::npos);
  EXPECT_EQ(reader.row().cells[1], "open\nand on\n");
  EXPECT_FALSE(reader.next());
}

TEST(CsvReader, TextAfterAClosingQuoteIsAProblemButKeptInTheField) {
  CsvReader reader("1,\"ab\"c,d\n", ',');
  ASSERT_TRUE(reader.next());
  ASSERT_TRUE(reader.problem());
  EXPECT_FALSE(reader.unterminated_quote());
  EXPECT_EQ(reader.problem()->line, 1);
  EXPECT_EQ(reader.problem()->column, 2);
  EXPECT_EQ(reader.row().cells[1], "abc");
  EXPECT_EQ(reader.row().cells[2], "d");
}

TEST(CsvReader, ManyRecordsReuseTheSameFieldBuffers) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "q" + std::to_string(i) + ",\"long enough to leave the small-string buffer behind\"\n";
  CsvReader reader(text, ',');
  ASSERT_TRUE(reader.next());
  const std::string* first = &reader.row().cells[1];
  const char* storage = first->data();
  int count = 1;
  while (reader.next()) {
    ++count;
    EXPECT_EQ(reader.row().cells[1].data(), storage);  // the same grown string, not a fresh one
  }
  EXPECT_EQ(count, 1000);
}

}  // namespace
}  // namespace ankang::tables
