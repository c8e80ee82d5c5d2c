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

TEST(Strings, FormatFillsThePlaceholdersInTheCurrentLanguage) {
  EXPECT_EQ(ui::format(ui::S::questions_imported, 3, 0), "已导入 3 题，重复 0 题");
  EXPECT_EQ(ui::format(ui::S::no_such_folder, "/media/usb"), "找不到文件夹：/media/usb");
  ui::set_language(ui::Lang::en);
  EXPECT_EQ(ui::format(ui::S::questions_imported, 3, 0), "imported 3 questions, 0 duplicates");
  const std::string long_name(600, 'x');  // longer than any fixed buffer a screen uses
  EXPECT_EQ(ui::format(ui::S::no_such_folder, long_name.c_str()), "no such folder: " + long_name);
  EXPECT_EQ(ui::format(ui::S::bundle_exported, "b.ankbdl", 2, 9, 1, 18446744073709551615ull),
            "exported b.ankbdl: 2 attempts, 9 answers, 1 team contests, sequence 18446744073709551615");
  ui::set_language(ui::Lang::zh);
}

TEST(Strings, AMessageInBothLanguagesIsToldInTheCurrentOne) {
  const Text text{"签名无效", "invalid signature"};
  EXPECT_EQ(ui::tr(text), "签名无效");
  ui::set_language(ui::Lang::en);
  EXPECT_EQ(ui::tr(text), "invalid signature");
  ui::set_language(ui::Lang::zh);
}

}  // namespace
}  // namespace ankang::testing
