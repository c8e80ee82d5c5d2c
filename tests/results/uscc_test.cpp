#include "results/uscc.h"

#include <gtest/gtest.h>

namespace ankang::results {
namespace {

// The worked example of GB 32100-2015, and codes whose check character was
// computed by hand from the weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
const char* const kValid[] = {"91350100M000100Y43", "91110000802100433B", "914403001922038216", "91440300708461136T"};

TEST(Uscc, ValidCodesPass) {
  for (const char* code : kValid) EXPECT_EQ(uscc_problem(code), std::nullopt) << code;
}

TEST(Uscc, CheckCharacterThirtyOneBecomesZero) {
  // 17 zeros: sum 0, 31 - 0 = 31 -> '0'.
  EXPECT_EQ(uscc_check_character("00000000000000000"), '0');
  // "10000000000000000": sum 1 -> 30 -> 'Y', the last letter of the alphabet.
  EXPECT_EQ(uscc_check_character("10000000000000000"), 'Y');
}

TEST(Uscc, EverySingleSubstitutionIsRefused) {
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (const char* valid : kValid) {
    for (std::size_t i = 0; i < 18; ++i)
      for (char c : alphabet) {
        std::string code = valid;
        if (code[i] == c) continue;
        code[i] = c;
        EXPECT_NE(uscc_problem(code), std::nullopt) << code;
      }
  }
}

TEST(Uscc, WrongCheckNamesTheExpectedCharacter) {
  auto problem = uscc_problem("91350100M000100Y44");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->en.find("expected '3'"), std::string::npos);
  EXPECT_NE(problem->zh.find("应为“3”"), std::string::npos);
}

TEST(Uscc, ForbiddenLettersAndLengthAreRefused) {
  EXPECT_NE(uscc_problem("91350100M000100O43"), std::nullopt);
  EXPECT_NE(uscc_problem("91350100M000100Y4"), std::nullopt);
}

TEST(Uscc, NormalisesFullWidthCaseAndSpaces) {
  EXPECT_EQ(normalize_uscc("９１３５ ０１００ｍ000100y43"), "91350100M000100Y43");
  EXPECT_EQ(normalize_uscc(" 91350100m000100y43\u3000"), "91350100M000100Y43");
}

}  // namespace
}  // namespace ankang::results
