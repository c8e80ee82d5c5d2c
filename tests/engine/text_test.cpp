#include "engine/text.h"

#include <gtest/gtest.h>

namespace ankang {
namespace {

TEST(NormalizeText, FoldsFullWidthCaseAndSpaces) {
  EXPECT_EQ(normalize_text("ＰＭ２．５"), "pm2.5");
  EXPECT_EQ(normalize_text("  安全　第一 \t"), "安全第一");
  EXPECT_EQ(normalize_text("ABC abc"), "abcabc");
  // Full-width parentheses U+FF08/U+FF09 are in the folded range too.
  EXPECT_EQ(normalize_text("（１２０）"), "(120)");
}

TEST(NormalizeText, KeepsChinesePunctuationAndBadBytes) {
  EXPECT_EQ(normalize_text("安全、预防"), "安全、预防");
  EXPECT_EQ(normalize_text(std::string("a\xEF\xBC", 3)), std::string("a\xEF\xBC", 3));
  EXPECT_EQ(normalize_text(""), "");
}

}  // namespace
}  // namespace ankang
