// The layout a gloved, hurried worker relies on: targets that stay where
// they were seen, never overlap and are whole on screen, at 1920x1080 and at
// 1366x768.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "headless.h"
#include "kiosk/demo.h"
#include "sample_question.h"
#include "ui/screens.h"
#include "ui/strings.h"

namespace ankang::testing {
namespace {

using ui::Act;
using ui::Intents;
using ui::Target;

const Target* find(const std::vector<Target>& targets, const std::string& label) {
  for (const Target& t : targets)
    if (t.label == label) return &t;
  return nullptr;
}

std::vector<std::string> keypad_labels() {
  std::vector<std::string> keys;
  for (int d = 0; d <= 9; ++d) keys.push_back(std::to_string(d));
  keys.push_back(ui::tr(ui::S::delete_digit));
  keys.push_back(ui::tr(ui::S::clear));
  return keys;
}

std::string size_name(const ::testing::TestParamInfo<ImVec2>& info) {
  return std::to_string(static_cast<int>(info.param.x)) + "x" + std::to_string(static_cast<int>(info.param.y));
}

const auto kSizes = ::testing::Values(ImVec2(1920, 1080), ImVec2(1366, 768));

class KeypadStays : public ::testing::TestWithParam<ImVec2> {};

// The issue: the name field appeared after the first digit and the keys
// shrank and moved up, so taps for 1001 gave 11.
TEST_P(KeypadStays, TheKeysDoNotMoveWhenTheNameFieldAppears) {
  Headless h(GetParam().x, GetParam().y);
  ui::SignInView v;
  v.enterprises = {"华安机械制造有限公司", "康泰化工股份有限公司"};
  v.teams = {"一班", "二班", "三班", "四班"};
  v.enterprise = 0;
  v.team = 1;
  auto draw = [&](Intents& out) { ui::draw_sign_in(v, out); };
  const std::vector<Target> before = h.targets(draw);
  v.employee_no = "1";
  v.first_time = true;  // a number this kiosk has not seen: the name is asked for
  const std::vector<Target> after = h.targets(draw);
  ASSERT_TRUE(find(after, "name")) << "the name field shows after the first digit";
  EXPECT_FALSE(find(before, "name"));
  for (const std::string& key : keypad_labels()) {
    const Target* a = find(before, key);
    const Target* b = find(after, key);
    ASSERT_TRUE(a && b) << "key " << key;
    EXPECT_EQ(a->min.x, b->min.x) << "key " << key;
    EXPECT_EQ(a->min.y, b->min.y) << "key " << key;
    EXPECT_EQ(a->max.x, b->max.x) << "key " << key;
    EXPECT_EQ(a->max.y, b->max.y) << "key " << key;
  }
}

// Taps at the places the keys had on the first frame, the view changing
// after each as the kiosk changes it: 1001 is 1001.
TEST_P(KeypadStays, TapsWhereTheKeysWereSeenTypeTheNumber) {
  Headless h(GetParam().x, GetParam().y);
  ui::SignInView v;
  v.enterprises = {"华安机械制造有限公司"};
  v.teams = {"一班", "二班"};
  v.enterprise = 0;
  v.team = 0;
  auto draw = [&](Intents& out) { ui::draw_sign_in(v, out); };
  const std::vector<Target> seen = h.targets(draw);
  for (char digit : std::string("1001")) {
    const Target* key = find(seen, std::string(1, digit));
    ASSERT_TRUE(key) << digit;
    for (const auto& in : h.tap(draw, key->center())) {
      ASSERT_EQ(in.act, Act::key_digit);
      v.employee_no += static_cast<char>('0' + in.value);
      v.first_time = true;
    }
  }
  EXPECT_EQ(v.employee_no, "1001");
}


INSTANTIATE_TEST_SUITE_P(Sizes, KeypadStays, kSizes, size_name);

class Letters : public ::testing::TestWithParam<ImVec2> {};

// The letter inside an option's shape is drawn in the body font, as large as
// the option's text (it was 0.7 of it).
TEST_P(Letters, OptionLettersAreBodySize) {
  Headless h(GetParam().x, GetParam().y);
  const Question q = single_question();
  ui::QuestionView v;
  v.question = &q;
  v.picks = {2};  // a filled shape too
  auto draw = [&](Intents& out) { ui::draw_question(v, out); };
  const std::vector<Target> targets = h.targets(draw);
  const std::vector<Headless::Box> glyphs = Headless::glyph_boxes();
  for (const char* option : {"110", "119", "120", "122"}) {
    const Target* t = find(targets, option);
    ASSERT_TRUE(t) << option;
    // The leftmost glyph on the option is its letter; the option's digits,
    // in the body font, follow the shape.
    std::vector<Headless::Box> on;
    for (const auto& g : glyphs)
      if (g.min.x >= t->min.x && g.max.x <= t->max.x && g.min.y >= t->min.y && g.max.y <= t->max.y) on.push_back(g);
    ASSERT_EQ(on.size(), 4u) << option << ": a letter and three digits";
    std::sort(on.begin(), on.end(), [](const auto& a, const auto& b) { return a.min.x < b.min.x; });
    const float letter = on[0].max.y - on[0].min.y;
    float digits = 0;
    for (std::size_t i = 1; i < on.size(); ++i) digits = std::max(digits, on[i].max.y - on[i].min.y);
    // A capital and a digit are about as tall in one font (a pixel or two of
    // rounding apart at 768p); at 0.7 of it the letter was 13 px against 20.
    EXPECT_GE(letter, 0.8f * digits) << option << ": letter " << letter << " px, body digits " << digits << " px";
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, Letters, kSizes, size_name);

// Every screen the kiosk has, as the screenshots show it (kiosk/demo.cpp),
// plus the cases the issue was filed on.
class NoOverlap : public ::testing::TestWithParam<ImVec2> {
 protected:
  // Whole inside the window, not cut by a list, no two sharing a pixel.
  static void check(const std::string& screen, const std::vector<Target>& targets) {
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    const float eps = 0.5f;
    EXPECT_FALSE(targets.empty()) << screen;
    for (const Target& t : targets) {
      const std::string what = screen + ": " + t.label;
      EXPECT_GE(t.min.x, -eps) << what;
      EXPECT_GE(t.min.y, -eps) << what;
      EXPECT_LE(t.max.x, d.x + eps) << what;
      EXPECT_LE(t.max.y, d.y + eps) << what;
      EXPECT_NEAR(t.shown_min.y, t.min.y, eps) << what << " is cut at the top";
      EXPECT_NEAR(t.shown_max.y, t.max.y, eps) << what << " is cut at the bottom";
      EXPECT_NEAR(t.shown_max.x, t.max.x, eps) << what << " is cut at the right";
    }
    for (std::size_t i = 0; i < targets.size(); ++i)
      for (std::size_t j = i + 1; j < targets.size(); ++j) {
        const Target& a = targets[i];
        const Target& b = targets[j];
        const float w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
        const float h = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
        EXPECT_FALSE(w > eps && h > eps) << screen << ": “" << a.label << "” and “" << b.label << "” overlap by " << w
                                         << " x " << h << " px";
      }
  }
};

TEST_P(NoOverlap, EveryDemoScreen) {
  Headless h(GetParam().x, GetParam().y);
  for (const std::string& name : kiosk::demo_screen_names()) {
    auto draw = [&](Intents& out) { kiosk::draw_demo_screen(name, 1, out); };
    check(name, h.targets(draw));
  }
}

TEST_P(NoOverlap, ThirteenCategoriesPageAboveTheBottomRow) {
  Headless h(GetParam().x, GetParam().y);
  ui::ModeView v;
  v.worker_name = "王芳";
  for (int i = 1; i <= 13; ++i) v.categories.push_back("类别" + std::to_string(i));
  auto draw = [&](Intents& out) { ui::draw_mode(v, out); };
  const std::vector<Target> first = h.targets(draw);
  check("mode", first);
  ASSERT_TRUE(find(first, ui::tr(ui::S::next_page))) << "14 choices do not fit one page";
  ASSERT_TRUE(find(first, ui::tr(ui::S::next_page))->enabled);
  ASSERT_FALSE(find(first, ui::tr(ui::S::previous_page))->enabled) << "on the first page";
  // Every category is on some page, and a tap on 下一页 asks for the next one.
  const Intents next = h.tap(draw, find(first, ui::tr(ui::S::next_page))->center());
  ASSERT_EQ(next, Intents{ui::Intent(Act::page_categories, 1)});
  std::vector<std::string> seen;
  for (int page = 0; page < 5; ++page) {
    v.category_page = page;
    const std::vector<Target> shown = h.targets(draw);
    check("mode page " + std::to_string(page + 1), shown);
    for (const Target& t : shown)
      if (t.label.rfind("类别", 0) == 0 && std::find(seen.begin(), seen.end(), t.label) == seen.end())
        seen.push_back(t.label);
  }
  EXPECT_EQ(seen.size(), 13u);
  v.category_page = 1;
  const std::vector<Target> second = h.targets(draw);  // kept: `last` points into it
  const Target* last = find(second, "类别13");
  ASSERT_TRUE(last) << "the 13th category is on the second page";
  EXPECT_EQ(h.tap(draw, last->center()), Intents{ui::Intent(Act::practice, 12)});
}

TEST_P(NoOverlap, TheTeamListShowsWholeRowsAndPages) {
  Headless h(GetParam().x, GetParam().y);
  ui::SignInView v;
  v.enterprises = {"华安机械制造有限公司", "康泰化工股份有限公司", "新区公交集团", "东方电力检修公司"};
  v.enterprise = 0;
  for (int i = 1; i <= 9; ++i) v.teams.push_back(std::to_string(i) + "班");
  v.employee_no = "1001";
  v.first_time = true;
  v.error = ui::tr(ui::S::enter_name);
  auto draw = [&](Intents& out) { ui::draw_sign_in(v, out); };
  std::vector<std::string> seen;
  for (int page = 0; page < 9; ++page) {
    v.team_page = page;
    const std::vector<Target> shown = h.targets(draw);
    check("sign_in team page " + std::to_string(page + 1), shown);
    for (const Target& t : shown)
      if (t.label.size() > 3 && t.label.substr(t.label.size() - 3) == "班" &&
          std::find(seen.begin(), seen.end(), t.label) == seen.end())
        seen.push_back(t.label);
  }
  EXPECT_EQ(seen.size(), 9u) << "every team on some page";
}

INSTANTIATE_TEST_SUITE_P(Sizes, NoOverlap, kSizes, size_name);

}  // namespace
}  // namespace ankang::testing
