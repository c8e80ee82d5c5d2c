// The kiosk's font atlas: the first one holds the UI strings and the roster
// only, and the glyphs of a paper's questions are in it before a question is
// drawn (no missing-glyph box ever shows), a stretch of questions at a time.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "kiosk/app.h"
#include "machine/font_lookup.h"
#include "question_bank/bank.h"
#include "ui/fonts.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;
using ui::Act;

class KioskAtlas : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ui::fonts() = {};  // no pointer into another test's atlas
    font = machine::find_cjk_font();
    if (font.path.empty()) GTEST_SKIP() << "no CJK font installed (fonts-noto-cjk)";
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = std::filesystem::temp_directory_path() /
          ("ankang-atlas-" + std::to_string(::getpid()) + "-" + info->name());
    std::filesystem::remove_all(dir);
  }
  void TearDown() override {
    ui::fonts() = {};
    ImGui::DestroyContext();
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }

  // What the main loop does between frames.
  int rebuild_if_dirty(App& app) {
    app.prepare_frame();
    if (!app.fonts_dirty()) return 0;
    build(app.atlas_texts());
    app.fonts_rebuilt();
    return 1;
  }
  void build(const std::vector<std::string_view>& texts) {
    ASSERT_TRUE(ui::build_fonts(*ImGui::GetIO().Fonts, font.path, font.index, 36.0f, texts));
  }
  static void sign_in(App& app) {
    app.set_time(1'000'000, 1000);
    app.apply({Act::start});
    app.apply({Act::pick_enterprise, 0});
    app.apply({Act::pick_team, 0});
    app.typed("1001");
    app.apply({Act::set_name, 0, "王芳"});
    app.enter_pressed();
  }
  static void expect_covered(const Question& q) {
    std::vector<std::string_view> texts;
    ui::add_question_texts(q, texts);
    for (std::string_view t : texts) EXPECT_TRUE(ui::fonts_cover(t)) << q.id << ": " << t;
  }

  machine::FontFile font;
  std::filesystem::path dir;
};

TEST_F(KioskAtlas, UiStringsAreInTheBodyFontAndTitleStringsInTheTitleFont) {
  build({});
  for (std::string_view s : ui::all_strings()) EXPECT_TRUE(ui::fonts_cover(s)) << s;
  const ImFont* title = ui::fonts().title;
  ASSERT_NE(title, nullptr);
  for (ui::S id : ui::title_strings())
    for (ui::Lang lang : {ui::Lang::zh, ui::Lang::en}) {
      const std::string_view s = ui::tr(id, lang);
      for (const char* p = s.data(); p < s.data() + s.size();) {
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, s.data() + s.size());
        EXPECT_NE(title->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr) << s;
      }
    }
  // The title font carries only what titles show, not every UI string.
  EXPECT_LT(title->Glyphs.Size, ui::fonts().body->Glyphs.Size / 2);
}

TEST_F(KioskAtlas, TheFirstAtlasLeavesTheBankOutButHasTheRoster) {
  App app(dir.string());
  app.set_time(1'000'000, 1000);
  rebuild_if_dirty(app);
  build(app.atlas_texts());
  const int first = ui::fonts().body->Glyphs.Size;
  EXPECT_TRUE(ui::fonts_cover("示范企业"));
  EXPECT_TRUE(ui::fonts_cover("四班"));

  const auto bank = bank::Bank::open((dir / "bank.db").string());
  const auto all = bank.all();
  ASSERT_GT(all.size(), 300u);
  build(ui::question_texts(all));
  const int whole_bank = ui::fonts().body->Glyphs.Size;
  EXPECT_LT(first * 2, whole_bank) << "first atlas " << first << " glyphs, with the whole bank " << whole_bank;
}

TEST_F(KioskAtlas, AQuestionIsNeverDrawnWithoutItsGlyphs) {
  App app(dir.string());
  sign_in(app);
  rebuild_if_dirty(app);
  ASSERT_EQ(app.screen(), Screen::mode);
  // A timed test, then a practice (with feedback screens).
  for (Act mode : {Act::timed_test, Act::practice}) {
    app.apply({mode, -1});
    int questions = 0, rebuilds = 0;
    std::string last;
    for (int step = 0; step < 100; ++step) {
      rebuilds += rebuild_if_dirty(app);
      ASSERT_FALSE(app.fonts_dirty());
      const Question* q = app.question_on_screen();
      if (!q) break;
      expect_covered(*q);
      if (q->id != last) ++questions;
      last = q->id;
      ui::Intent in{Act::next};
      if (app.screen() == Screen::question) {
        ui::Intent pick{Act::toggle_option, 0};
        pick.question_id = q->id;
        app.apply(pick);
        in = {Act::submit};
        in.question_id = q->id;
      }
      app.apply(in);
    }
    EXPECT_EQ(app.screen(), Screen::result);
    EXPECT_GE(questions, mode == Act::timed_test ? SessionRules{}.test_questions : 5);
    // One rebuild brings the glyphs of a stretch of the paper, not of one question.
    EXPECT_EQ(rebuilds, 1) << questions << " questions";
    app.apply({Act::back_to_start});
    sign_in(app);
    rebuild_if_dirty(app);
  }
}

TEST_F(KioskAtlas, AResumedAttemptHasItsQuestionInTheFirstAtlas) {
  {
    App app(dir.string());
    sign_in(app);
    app.apply({Act::timed_test});
    ASSERT_EQ(app.screen(), Screen::question);
  }  // ended without signing out, like a power cut
  ImGui::GetIO().Fonts->Clear();
  ui::fonts() = {};
  App again(dir.string());
  again.set_time(2'000'000, 1000);
  ASSERT_EQ(again.screen(), Screen::question);
  EXPECT_EQ(rebuild_if_dirty(again), 1);
  const Question* q = again.question_on_screen();
  ASSERT_NE(q, nullptr);
  expect_covered(*q);
}

}  // namespace
}  // namespace ankang::testing
