// The frame around the pages: the sidebar leads to every page, the language
// switches, and a second console cannot open the same workspace.
#include "tests/console/headless.h"
#include "ui/fonts.h"

#include "machine/data_dir.h"

namespace ankang::test {
namespace {

using console_ui::PageId;

TEST(ConsoleShell, TheSidebarLeadsToEveryPage) {
  Headless h("sidebar");
  h.frame();
  const std::pair<const char*, PageId> pages[] = {
      {"题库", PageId::bank},       {"参赛企业", PageId::enterprises}, {"竞赛包", PageId::contest},
      {"收集成绩", PageId::collect}, {"成绩", PageId::results},         {"报表", PageId::reports},
      {"城市汇总", PageId::rollup},  {"首页", PageId::home}};
  for (const auto& [label, page] : pages) {
    h.click(label);
    EXPECT_EQ(h.app().page(), page) << label;
  }
}

TEST(ConsoleShell, EnglishIsOneClickAwayAndBack) {
  Headless h("language");
  h.click("English");
  EXPECT_EQ(console_ui::language(), console_ui::Lang::en);
  EXPECT_TRUE(h.shows("Question bank"));
  EXPECT_FALSE(h.shows("题库"));
  h.click("中文");
  EXPECT_EQ(console_ui::language(), console_ui::Lang::zh);
  EXPECT_TRUE(h.shows("题库"));
}

TEST(ConsoleShell, EveryTextOnScreenHasItsGlyphs) {
  Headless h("glyphs");
  h.frames(2);
  for (const auto& t : console_ui::recorded_texts())
    EXPECT_TRUE(ui::font_covers(console_ui::console_fonts().body, t)) << t;
}

TEST(ConsoleShell, ASecondConsoleOnTheSameWorkspaceIsRefusedWithAMessage) {
  Headless h("lock");
  try {
    console::Workspace second(h.workspace().dir());
    FAIL() << "a second console opened the workspace";
  } catch (const machine::DataDirBusy& e) {
    EXPECT_NE(std::string(e.what()).find("已被另一个组织单位工作台使用"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace ankang::test
