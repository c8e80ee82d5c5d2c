#include "tables/text_encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ankang::tables {
namespace {

std::vector<std::uint8_t> bytes(std::string_view s) { return {s.begin(), s.end()}; }

TEST(TextEncoding, PlainUtf8IsAViewOfTheInput) {
  auto in = bytes("题型,题干\n");
  Problem p;
  auto d = decode_text(in, p);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->encoding(), "UTF-8");
  EXPECT_EQ(d->text(), "题型,题干\n");
  EXPECT_EQ(static_cast<const void*>(d->text().data()), static_cast<const void*>(in.data()));
}

TEST(TextEncoding, ByteOrderMarkIsDropped) {
  auto in = bytes("\xEF\xBB\xBF" "a,b");
  Problem p;
  auto d = decode_text(in, p);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->encoding(), "UTF-8 BOM");
  EXPECT_EQ(d->text(), "a,b");
}

TEST(TextEncoding, GbkIsConvertedAndSurvivesAMove) {
  // "安全" in GBK: B0 B2 C8 AB; short enough for the small-string buffer.
  Problem p;
  auto d = decode_text(bytes("\xB0\xB2\xC8\xAB,1"), p);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->encoding(), "GB18030");
  auto moved = std::move(*d);
  EXPECT_EQ(moved.text(), "安全,1");
}

TEST(TextEncoding, Utf16BothByteOrders) {
  Problem p;
  auto le = decode_text(bytes(std::string("\xFF\xFE" "a\0,\0\x89\x5B", 8)), p);  // a,安
  ASSERT_TRUE(le);
  EXPECT_EQ(le->encoding(), "UTF-16LE");
  EXPECT_EQ(le->text(), "a,安");
  auto be = decode_text(bytes(std::string("\xFE\xFF\0a\0,\x5B\x89", 8)), p);
  ASSERT_TRUE(be);
  EXPECT_EQ(be->encoding(), "UTF-16BE");
  EXPECT_EQ(be->text(), "a,安");
}

TEST(TextEncoding, BadBytesAfterAUtf8MarkNameTheirLine) {
  Problem p;
  EXPECT_FALSE(decode_text(bytes("\xEF\xBB\xBF" "a\nb\n\xFF\n"), p));
  EXPECT_EQ(p.line, 3);
  EXPECT_NE(p.zh.find("UTF-8"), std::string::npos);
}

TEST(TextEncoding, NeitherUtf8NorGb18030NamesTheLine) {
  Problem p;
  EXPECT_FALSE(decode_text(bytes("ok\n\x81\x20\n"), p));  // 0x81 must lead a two- or four-byte character
  EXPECT_EQ(p.line, 2);
  EXPECT_NE(p.en.find("GB18030"), std::string::npos);
}

TEST(TextEncoding, InvalidUtf8Offsets) {
  EXPECT_FALSE(invalid_utf8_at("plain ascii and 汉字"));
  EXPECT_EQ(invalid_utf8_at("abc\xC0\x80"), 3u);          // overlong
  EXPECT_EQ(invalid_utf8_at("\xED\xA0\x80"), 0u);         // surrogate
  EXPECT_EQ(invalid_utf8_at("12345678\xE5\xAE"), 8u);     // cut short
}

}  // namespace
}  // namespace ankang::tables
