#include <gtest/gtest.h>

#include <string>

#include "ui/strings.h"

namespace ankang::testing {
namespace {

int format_args(const std::string& s) {
  int n = 0;
  for (std::size_t i = 0; i + 1 < s.size(); ++i)
    if (s[i] == '%' && s[i + 1] != '%') ++n;
  return n;
}

TEST(Strings, EveryStringHasBothLanguagesWithTheSamePlaceholders) {
  for (int i = 0; i < static_cast<int>(ui::S::count_); ++i) {
    const auto id = static_cast<ui::S>(i);
    const std::string zh = ui::tr(id, ui::Lang::zh), en = ui::tr(id, ui::Lang::en);
    EXPECT_FALSE(zh.empty()) << i;
    EXPECT_FALSE(en.empty()) << i;
    EXPECT_EQ(format_args(zh), format_args(en)) << zh << " / " << en;
  }
}

TEST(Strings, LanguageSwitches) {
  ui::set_language(ui::Lang::en);
  EXPECT_STREQ(ui::tr(ui::S::submit), "Submit");
  ui::set_language(ui::Lang::zh);
  EXPECT_STREQ(ui::tr(ui::S::submit), "提交答案");
  EXPECT_STREQ(ui::tr(ui::S::theme), "强意识，查隐患，促发展，保安康");
}

TEST(Strings, AllStringsFeedTheAtlas) {
  EXPECT_EQ(ui::all_strings().size(), 2u * static_cast<std::size_t>(ui::S::count_));
}

}  // namespace
}  // namespace ankang::testing
