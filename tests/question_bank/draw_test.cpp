#include "question_bank/draw.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <set>

#include "sample_questions.h"

namespace ankang::bank {
namespace {

// Per category x {single, true_false} x difficulty 1..3: `per_stratum` questions.
Bank make_bank(int per_stratum) {
  auto bank = Bank::open(":memory:");
  std::vector<Question> qs;
  for (std::string category : {"职业病防治/粉尘", "职业病防治/噪声", "消防安全"})
    for (int d = 1; d <= 3; ++d)
      for (int i = 0; i < per_stratum; ++i) {
        auto q = testing::single_choice(category + " 难度" + std::to_string(d) + " 第" + std::to_string(i) + "题",
                                        split_category(category), d);
        qs.push_back(q);
        q.type = QuestionType::true_false;
        q.options.clear();
        q.correct.clear();
        q.truth = i % 2 == 0;
        q.stem += "（判断）";
        qs.push_back(q);
      }
  bank.insert(qs);
  return bank;
}

Blueprint blueprint() {
  return parse_blueprint("bp.json", R"({
    "format": "ankang-blueprint", "version": 1,
    "strata": [
      {"category": "职业病防治", "type": "single", "difficulty": [2, 3], "count": 5},
      {"category": "职业病防治/噪声", "type": "true_false", "difficulty": 1, "count": 3},
      {"category": "消防安全", "count": 4}
    ]})");
}

std::multiset<int> difficulties(Bank& bank, const std::vector<std::string>& ids) {
  std::multiset<int> out;
  for (const auto& id : ids) out.insert(bank.get(id)->difficulty);
  return out;
}

TEST(Draw, TheSameSeedGivesTheSamePaperAndAnotherSeedAnother) {
  auto bank = make_bank(10);
  auto a = draw_papers(bank, blueprint(), {.seed = 42});
  auto b = draw_papers(bank, blueprint(), {.seed = 42});
  auto c = draw_papers(bank, blueprint(), {.seed = 43});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].size(), 12u);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(Draw, EachStratumGetsWhatTheBlueprintAsks) {
  auto bank = make_bank(10);
  auto paper = draw_papers(bank, blueprint(), {.seed = 7})[0];
  ASSERT_EQ(paper.size(), 12u);
  for (std::size_t i = 0; i < paper.size(); ++i) {
    auto q = *bank.get(paper[i]);
    if (i < 5) {
      EXPECT_EQ(q.category.front(), "职业病防治");
      EXPECT_EQ(q.type, QuestionType::single);
      EXPECT_GE(q.difficulty, 2);
    } else if (i < 8) {
      EXPECT_EQ(q.category, (std::vector<std::string>{"职业病防治", "噪声"}));
      EXPECT_EQ(q.type, QuestionType::true_false);
      EXPECT_EQ(q.difficulty, 1);
    } else {
      EXPECT_EQ(q.category.front(), "消防安全");
    }
  }
}

TEST(Draw, NoQuestionTwiceEvenWhenStrataOverlap) {
  auto bank = make_bank(4);
  // The first line's pool (12 questions) lies inside the second one's (24).
  auto bp = parse_blueprint("bp.json", R"({"strata": [
      {"category": "职业病防治/粉尘", "type": "single", "count": 10},
      {"category": "职业病防治", "type": "single", "count": 14}]})");
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    auto paper = draw_papers(bank, bp, {.seed = seed})[0];
    std::set<std::string> unique(paper.begin(), paper.end());
    ASSERT_EQ(paper.size(), 24u);
    EXPECT_EQ(unique.size(), 24u) << "seed " << seed;
  }
}

TEST(Draw, ATooSmallStratumIsNamedWithNeededAndAvailable) {
  auto bank = make_bank(3);
  auto bp = parse_blueprint("bp.json", R"({"strata": [
      {"category": "消防安全", "type": "single", "difficulty": [1, 2], "count": 7}]})");
  try {
    draw_papers(bank, bp, {.seed = 1});
    FAIL() << "expected BankError";
  } catch (const BankError& e) {
    EXPECT_NE(e.text().zh.find("消防安全 / 单选题 / 难度 1,2"), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().zh.find("需要 7 道题"), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().zh.find("只有 6 道"), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().en.find("needs 7 questions, the bank has 6"), std::string::npos) << e.text().en;
  }
  auto unknown = parse_blueprint("bp.json", R"({"strata": [{"category": "没有这个分类", "count": 1}]})");
  EXPECT_THROW(draw_papers(bank, unknown, {.seed = 1}), BankError);
}

TEST(Draw, ParallelPapersAreDisjointWithEqualDifficulties) {
  auto bank = make_bank(10);
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    auto papers = draw_papers(bank, blueprint(), {.seed = seed, .papers = 3});
    ASSERT_EQ(papers.size(), 3u);
    std::set<std::string> all;
    for (const auto& p : papers) {
      EXPECT_EQ(p.size(), 12u);
      all.insert(p.begin(), p.end());
      EXPECT_EQ(difficulties(bank, p), difficulties(bank, papers[0])) << "seed " << seed;
    }
    EXPECT_EQ(all.size(), 36u) << "seed " << seed;
  }
}

TEST(Draw, ParallelPapersFindEqualDifficultiesWhenOneLevelIsScarce) {
  auto bank = Bank::open(":memory:");
  std::vector<Question> qs;
  for (int i = 0; i < 3; ++i) qs.push_back(testing::single_choice("稀少的简单题" + std::to_string(i), {"消防安全"}, 1));
  for (int i = 0; i < 20; ++i) qs.push_back(testing::single_choice("常见的中等题" + std::to_string(i), {"消防安全"}, 2));
  bank.insert(qs);
  auto bp = parse_blueprint("bp.json", R"({"strata": [{"category": "消防安全", "count": 3}]})");
  for (std::uint64_t seed = 0; seed < 30; ++seed) {
    auto papers = draw_papers(bank, bp, {.seed = seed, .papers = 2});
    EXPECT_EQ(difficulties(bank, papers[0]), difficulties(bank, papers[1])) << "seed " << seed;
    EXPECT_LE(difficulties(bank, papers[0]).count(1), 1u) << "seed " << seed;
  }
}

TEST(Draw, ParallelPapersNeedEnoughForEveryTeam) {
  auto bank = make_bank(2);  // 2 per (category, type, difficulty)
  auto bp = parse_blueprint("bp.json", R"({"strata": [{"category": "消防安全", "type": "single", "count": 4}]})");
  EXPECT_EQ(draw_papers(bank, bp, {.seed = 1, .papers = 1})[0].size(), 4u);
  EXPECT_THROW(draw_papers(bank, bp, {.seed = 1, .papers = 2}), BankError);  // 8 needed, 6 there
}

TEST(Draw, RetiredQuestionsAreNeverDrawn) {
  auto bank = make_bank(3);
  auto bp = parse_blueprint("bp.json", R"({"strata": [{"category": "消防安全", "type": "true_false", "count": 8}]})");
  auto all = draw_papers(bank, bp, {.seed = 3})[0];
  bank.retire(all[0]);
  bank.retire(all[5]);
  EXPECT_THROW(draw_papers(bank, bp, {.seed = 3}), BankError);
  bp.strata[0].count = 7;
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    auto paper = draw_papers(bank, bp, {.seed = seed})[0];
    std::set<std::string> unique(paper.begin(), paper.end());
    EXPECT_EQ(unique.size(), 7u);
    EXPECT_FALSE(unique.contains(all[0]));
    EXPECT_FALSE(unique.contains(all[5]));
  }
}

TEST(Draw, PreferLeastUsedTakesUnusedQuestionsFirstAndCountsUse) {
  auto bank = make_bank(2);  // 消防安全 single: 6 questions
  auto bp = parse_blueprint("bp.json", R"({"strata": [{"category": "消防安全", "type": "single", "count": 3}]})");
  auto first = draw_papers(bank, bp, {.seed = 5, .prefer_least_used = true})[0];
  auto second = draw_papers(bank, bp, {.seed = 5, .prefer_least_used = true})[0];
  std::set<std::string> both(first.begin(), first.end());
  both.insert(second.begin(), second.end());
  EXPECT_EQ(both.size(), 6u);  // the second draw took the three unused ones
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(bank.handle(), "SELECT sum(use_count), max(use_count) FROM questions", -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 6);
  EXPECT_EQ(sqlite3_column_int(st, 1), 1);
  sqlite3_finalize(st);
}

TEST(Blueprint, ErrorsNameTheFileThePlaceAndWhy) {
  auto message = [](const char* text) {
    try {
      parse_blueprint("bp.json", text);
    } catch (const BlueprintError& e) {
      return e.text().en;
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("{\n  \"strata\": [\n    {\"count\": 1,}\n  ]\n}").rfind("bp.json:3:", 0), 0u)
      << message("{\n  \"strata\": [\n    {\"count\": 1,}\n  ]\n}");
  EXPECT_NE(message(R"({"strata": [{"count": 0}]})").find("strata[0].count"), std::string::npos);
  EXPECT_NE(message(R"({"strata": [{"count": 2, "typ": "single"}]})").find("strata[0].typ: unknown field"),
            std::string::npos);
  EXPECT_NE(message(R"({"strata": [{"count": 2, "type": "essay"}]})").find("strata[0].type"), std::string::npos);
  EXPECT_NE(message(R"({"strata": [{"count": 2, "difficulty": [1, 6]}]})").find("strata[0].difficulty"),
            std::string::npos);
  EXPECT_NE(message(R"({"strata": []})").find("strata"), std::string::npos);
  EXPECT_EQ(message(R"({"strata": [{"count": 1e400}]})").rfind("bp.json: JSON number out of range", 0), 0u)
      << message(R"({"strata": [{"count": 1e400}]})");
  EXPECT_NE(message(R"({"strata": [{"category": "消防安全"}]})").find("count is missing"), std::string::npos);
}

}  // namespace
}  // namespace ankang::bank
