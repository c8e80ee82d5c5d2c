#include <gtest/gtest.h>

#include "test_support.h"

namespace ankang::bank {
namespace {

using namespace test;

#define REQUIRE_FIXTURE(var, name)                                                              \
  auto var = shared_fixture(name);                                                              \
  if (var.empty()) GTEST_SKIP() << "../shared/interop/moodle/" name " is absent; fixture test skipped"

TEST(GiftFixtures, QuestionsFile) {
  REQUIRE_FIXTURE(text, "gift/questions.gift.txt");
  auto r = parse_text("questions.gift.txt", text, Format::gift);
  EXPECT_TRUE(r.file_errors.empty());
  // Moodle counts 9 questions: 8 we can run, and the essay, reported.
  ASSERT_EQ(r.questions.size(), 8u) << all_messages(r);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].pos.line, 2);
  EXPECT_NE(r.rejected[0].reasons[0].message.en.find("essay"), std::string::npos);

  const auto& match = r.questions[0].question;
  EXPECT_EQ(match.type, QuestionType::matching);
  EXPECT_EQ(match.stem, "Match the activity to the description.");
  ASSERT_EQ(match.pairs.size(), 4u);
  EXPECT_EQ(match.pairs[0], (MatchPair{"An activity supporting asynchronous discussions.", "Forum"}));
  EXPECT_EQ(match.pairs[3], (MatchPair{"A collection of web pages that anyone can add to or edit.", "Wiki"}));

  const auto& q2 = r.questions[1].question;
  EXPECT_EQ(q2.type, QuestionType::single);
  EXPECT_EQ(q2.stem, "What's between orange and green in the spectrum?");
  EXPECT_EQ(q2.options, (std::vector<std::string>{"yellow", "red", "blue"}));
  EXPECT_EQ(q2.correct, std::vector<int>{0});

  const auto& colours = r.questions[2].question;
  EXPECT_EQ(colours.type, QuestionType::multiple);
  EXPECT_EQ(colours.options, (std::vector<std::string>{"yellow", "red", "off-beige", "blue"}));
  EXPECT_EQ(colours.correct, (std::vector<int>{0, 2}));

  const auto& q5 = r.questions[3].question;
  EXPECT_EQ(q5.type, QuestionType::fill_blank);
  EXPECT_EQ(q5.numeric, (NumericAnswer{3, 2}));
  EXPECT_EQ(q5.stem, "What is a number from 1 to 5? ____\";");  // Moodle's missing-word rule: text after }

  const auto& shortanswer = r.questions[4].question;
  EXPECT_EQ(shortanswer.blanks, (std::vector<std::vector<std::string>>{{"Frog"}}));

  const auto& q1 = r.questions[5].question;
  EXPECT_EQ(q1.type, QuestionType::true_false);
  EXPECT_FALSE(q1.truth);
  EXPECT_EQ(q1.explanation, "This is, of course, a Hitchiker's Guide to the Galaxy reference.");
  EXPECT_TRUE(r.questions[6].question.truth);
  EXPECT_TRUE(r.questions[7].question.truth);
  EXPECT_EQ(r.questions[7].question.stem, "TSL is blablabla.");
  EXPECT_EQ(r.questions[7].pos.line, 49);
  for (const auto& p : r.questions) EXPECT_TRUE(p.question.category.empty());
  // The "= -> Chat" distractor and the partial-credit Cat are reported, not dropped silently.
  EXPECT_EQ(r.warnings.size(), 2u);
}

TEST(GiftFixtures, QuestionsInCategory) {
  REQUIRE_FIXTURE(text, "gift/questions_in_category.gift.txt");
  auto r = parse_text("cat.gift.txt", text, Format::gift);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 4u);
  for (const auto& p : r.questions) EXPECT_EQ(p.question.category, std::vector<std::string>{"Default for New Features"});
  EXPECT_EQ(r.questions[0].question.type, QuestionType::matching);
  const auto& greeting = r.questions[1].question;
  EXPECT_EQ(greeting.type, QuestionType::single);
  EXPECT_EQ(greeting.stem, "Listen to this greeting:\nWhat language is being spoken?");
  EXPECT_EQ(greeting.options, (std::vector<std::string>{"English", "French", "German", "Spanish"}));
  EXPECT_EQ(greeting.correct, std::vector<int>{1});
  EXPECT_EQ(r.questions[2].question.blanks, (std::vector<std::vector<std::string>>{{"Moodler"}}));
  EXPECT_EQ(r.questions[2].question.stem, "Anyone who uses Moodle is a ...");
  EXPECT_EQ(r.questions[3].question.type, QuestionType::true_false);
  EXPECT_TRUE(r.questions[3].question.truth);
  EXPECT_EQ(r.questions[3].question.stem, "Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment.");
}

TEST(Gift, EscapesWeightsRangesAndUnsupportedTypes) {
  auto r = parse_text("g.gift", R"(// comment
::t1:: 1 \+ 1 \= 2\: 对吗？ {T}

价格 \{含税\} 是多少？ {#1..5}

::bad weights:: 选出正确项 {~%60%甲 ~%30%乙 ~丙}

::several right:: 单选 {=甲 =乙 ~丙}

只是说明文字，没有答案块。

::unequal:: 多选 {~%75%甲 ~%25%乙 ~%-100%丙}
)", Format::gift);
  ASSERT_EQ(r.questions.size(), 3u) << all_messages(r);
  EXPECT_EQ(r.questions[0].question.stem, "1 \\+ 1 = 2: 对吗？");
  EXPECT_EQ(r.questions[1].question.stem, "价格 {含税} 是多少？");
  EXPECT_EQ(r.questions[1].question.numeric, (NumericAnswer{3, 2}));
  EXPECT_EQ(r.questions[2].question.correct, (std::vector<int>{0, 1}));
  ASSERT_EQ(r.rejected.size(), 3u);
  EXPECT_EQ(r.rejected[0].pos.line, 6);
  EXPECT_NE(r.rejected[0].reasons[0].message.en.find("add up to 100%, not 90%"), std::string::npos);
  EXPECT_EQ(r.rejected[1].pos.line, 8);
  EXPECT_NE(r.rejected[2].reasons[0].message.en.find("description"), std::string::npos);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].message.en.find("unequal"), std::string::npos);
}

TEST(Gift, ReadsAnswerBlocksAsMoodleDoes) {
  auto r = parse_text("moodle.gift", R"(::年份:: 《安全生产法》首次施行于哪一年？ {#
    =2002:0
    =%50%2002:2
}

::温度:: 夏季露天作业应当停止的最高气温（℃）？ {#=40:0 ~35#太低了 ~#不对}

::简答:: 安全生产工作坚持什么方针？ {安全第一、预防为主、综合治理}

::两种写法:: 事故报告应当及时、准确、什么？ {完整 =完全}
)", Format::gift);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 4u);
  EXPECT_EQ(r.questions[0].question.numeric, (NumericAnswer{2002, 0}));
  ASSERT_EQ(r.warnings.size(), 1u) << all_messages(r);  // the half-credit 2002:2
  EXPECT_EQ(r.warnings[0].pos.line, 1);
  EXPECT_NE(r.warnings[0].message.en.find("partial-credit answer 2002:2 dropped"), std::string::npos) << all_messages(r);
  EXPECT_EQ(r.questions[1].question.numeric, (NumericAnswer{40, 0}));  // the ~ answers are wrong ones
  EXPECT_EQ(r.questions[2].question.type, QuestionType::fill_blank);
  EXPECT_EQ(r.questions[2].question.blanks, (std::vector<std::vector<std::string>>{{"安全第一、预防为主、综合治理"}}));
  EXPECT_EQ(r.questions[3].question.blanks, (std::vector<std::vector<std::string>>{{"完整", "完全"}}));
}

TEST(Gift, ProblemsWithOneAnswerAreAtItsLineAndColumn) {
  auto r = parse_text("at.gift", R"(::两个满分:: 发生火灾应当拨打哪个电话？ {
    =119
  ~110
    =火警 119
}

::坏数:: 安全电压的上限是多少伏？ {#
    =三十六
}

::坏分值:: 哪些是个人防护用品？ {~%50%安全帽 ~%45%安全带 ~%5%手套}
)", Format::gift);
  EXPECT_TRUE(r.questions.empty()) << all_messages(r);
  ASSERT_EQ(r.rejected.size(), 3u);
  const auto& twice = r.rejected[0].reasons.at(0);
  EXPECT_EQ(twice.pos.line, 4);
  EXPECT_EQ(twice.pos.column, 6);
  EXPECT_NE(twice.message.zh.find("「火警 119」是第二个满分答案：Moodle 中选其中任一个都得满分"), std::string::npos) << twice.message.zh;
  EXPECT_EQ(format_diagnostic(r.rejected[1].reasons.at(0), true), "at.gift:8:6: 数值答案「三十六」无法识别");
  const auto& weight = r.rejected[2].reasons.at(0);
  EXPECT_EQ(weight.pos.line, 11);
  EXPECT_EQ(weight.pos.column, 35);  // 安全带 after ~%45%: columns count characters, not bytes
  EXPECT_NE(weight.message.en.find("\"安全带\" is not a grade Moodle allows"), std::string::npos) << weight.message.en;
}

TEST(Gift, RoundTripsEveryTypeItCanCarry) {
  auto questions = sample_questions();
  questions.erase(questions.begin() + 5, questions.begin() + 7);  // ordering, hotspot
  questions[3].blanks.resize(1);
  questions[0].stem = "含特殊字符 ~ = # { } : \\ 与\n换行";
  questions[2].status = QuestionStatus::retired;
  questions[1].category.clear();
  auto bytes = write_questions(questions, Format::gift);
  auto r = parse_questions("out.gift", bytes, Format::gift);
  ASSERT_TRUE(r.ok()) << all_messages(r) << text_of(bytes);
  EXPECT_TRUE(r.warnings.empty());
  ASSERT_EQ(r.questions.size(), questions.size());
  for (std::size_t i = 0; i < questions.size(); ++i) EXPECT_EQ(r.questions[i].question, questions[i]) << i << "\n" << text_of(bytes);
}

TEST(Gift, ExportReportsOrderingHotspotAndSeveralBlanks) {
  auto problems = export_problems(sample_questions(), Format::gift);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].index, 3u);
  EXPECT_EQ(problems[1].index, 5u);
  EXPECT_EQ(problems[2].index, 6u);
  EXPECT_NE(problems[1].message.zh.find("排序题"), std::string::npos);
}

}  // namespace
}  // namespace ankang::bank
