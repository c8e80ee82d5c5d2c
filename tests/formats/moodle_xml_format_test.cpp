#include <gtest/gtest.h>

#include "test_support.h"

namespace ankang::bank {
namespace {

using namespace test;

#define REQUIRE_FIXTURE(var, name)                                                              \
  auto var = shared_fixture(name);                                                              \
  if (var.empty()) GTEST_SKIP() << "../shared/interop/moodle/" name " is absent; fixture test skipped"

using Path = std::vector<std::string>;

TEST(MoodleXmlFixtures, Multichoice) {
  REQUIRE_FIXTURE(text, "xml/multichoice.xml");
  auto r = parse_text("multichoice.xml", text, Format::moodle_xml);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 1u);
  const auto& q = r.questions[0].question;
  EXPECT_EQ(q.type, QuestionType::single);
  EXPECT_EQ(q.stem, "Listen to this greeting:\nWhat language is being spoken?");
  EXPECT_EQ(q.options, (std::vector<std::string>{"English", "French", "German", "Danish"}));
  EXPECT_EQ(q.correct, std::vector<int>{1});
  EXPECT_EQ(q.category, (Path{"Default for testhead", "Multichoice"}));
  EXPECT_TRUE(q.image.empty());  // the question text holds an MP3, not a picture
  // The audio and the four flag pictures cannot be kept: each is reported by name.
  ASSERT_EQ(r.warnings.size(), 5u);
  EXPECT_NE(r.warnings[0].message.en.find("bonjour.mp3"), std::string::npos);
  EXPECT_NE(r.warnings[2].message.en.find("flag-france.jpg"), std::string::npos);
}

TEST(MoodleXmlFixtures, TrueFalseKeepsTheQuestionPicture) {
  REQUIRE_FIXTURE(text, "xml/truefalse.xml");
  auto r = parse_text("truefalse.xml", text, Format::moodle_xml);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 2u);
  const auto& f = r.questions[0].question;
  const auto& t = r.questions[1].question;
  EXPECT_EQ(f.type, QuestionType::true_false);
  EXPECT_FALSE(f.truth);
  EXPECT_TRUE(t.truth);
  EXPECT_EQ(f.stem, "Moodle is an acronym for Modular Object-Oriented Dynamic Learning Education.");
  EXPECT_EQ(f.explanation, "For further information, see the documentation about Moodle.");
  EXPECT_EQ(f.category, (Path{"Default for testhead", "TrueFalse"}));
  EXPECT_EQ(f.image.mime, "image/jpeg");
  EXPECT_EQ(f.image.width, 48);
  EXPECT_EQ(f.image.height, 48);
  EXPECT_EQ(f.image, t.image);
  EXPECT_EQ(r.questions[0].pos.line, 12);
}

TEST(MoodleXmlFixtures, NestedCategoriesAndTheEssayIsReported) {
  REQUIRE_FIXTURE(text, "xml/nested_categories_with_questions.xml");
  auto r = parse_text("nested.xml", text, Format::moodle_xml);
  EXPECT_TRUE(r.file_errors.empty());
  ASSERT_EQ(r.questions.size(), 4u);
  EXPECT_EQ(r.questions[0].question.stem, "Testing Iota Question");
  EXPECT_EQ(r.questions[0].question.category, Path{"Iota"});
  EXPECT_EQ(r.questions[1].question.stem, "Testing Kappa Question");
  EXPECT_EQ(r.questions[1].question.category, (Path{"Iota", "Kappa"}));
  EXPECT_EQ(r.questions[2].question.category, (Path{"Iota", "Kappa", "Lambda"}));
  EXPECT_EQ(r.questions[3].question.category, (Path{"Iota", "Mu"}));
  for (const auto& p : r.questions) {
    EXPECT_EQ(p.question.type, QuestionType::true_false);
    EXPECT_TRUE(p.question.truth);
  }
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].pos.line, 55);
  EXPECT_EQ(format_diagnostic(r.rejected[0].reasons[0], false), "nested.xml:55:3: unsupported question type \"essay\", not imported");
}

TEST(MoodleXmlFixtures, CategoryWithDescription) {
  REQUIRE_FIXTURE(text, "xml/category_with_description.xml");
  auto r = parse_text("alpha.xml", text, Format::moodle_xml);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 1u);
  EXPECT_EQ(r.questions[0].question.stem, "Testing Alpha Question");
  EXPECT_EQ(r.questions[0].question.category, Path{"Alpha"});
  EXPECT_TRUE(r.questions[0].question.truth);
}

TEST(MoodleXmlFixtures, InvalidGradesFailWithAClearError) {
  REQUIRE_FIXTURE(text, "xml/error_invalid_grades.xml");
  auto r = parse_text("grades.xml", text, Format::moodle_xml);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.questions.empty());
  ASSERT_EQ(r.rejected.size(), 1u);
  auto messages = all_messages(r);
  EXPECT_NE(messages.find("grades.xml:38:5: answer grade 33% is not a grade Moodle allows"), std::string::npos) << messages;
  EXPECT_NE(r.rejected[0].reasons[0].message.zh.find("33%"), std::string::npos);
  EXPECT_NE(messages.find("must add up to 100%, not 99.66666%"), std::string::npos) << messages;
}

TEST(MoodleXml, ReadsShortAnswerNumericalAndMatching) {
  auto r = parse_text("m.xml", R"(<?xml version="1.0"?>
<quiz>
  <question type="shortanswer">
    <questiontext format="html"><text>&lt;p&gt;安全生产方针的第一句是____。&lt;/p&gt;</text></questiontext>
    <answer fraction="100"><text>安全第一</text></answer>
    <answer fraction="100"><text>安全第一位</text></answer>
    <answer fraction="50"><text>安全</text></answer>
  </question>
  <question type="numerical">
    <questiontext><text>气温达到多少度应停止露天作业？</text></questiontext>
    <answer fraction="100"><text>40</text><tolerance>0.5</tolerance></answer>
  </question>
  <question type="matching">
    <questiontext><text>连线</text></questiontext>
    <subquestion><text>红色</text><answer><text>禁止</text></answer></subquestion>
    <subquestion><text>黄色</text><answer><text>警告</text></answer></subquestion>
    <subquestion><text></text><answer><text>提示</text></answer></subquestion>
  </question>
  <question type="multichoice">
    <questiontext><text>多选</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>甲</text></answer>
    <answer fraction="-100"><text>乙</text></answer>
    <answer fraction="50"><text>丙</text></answer>
  </question>
  <question type="cloze"><questiontext><text>x</text></questiontext></question>
</quiz>)", Format::moodle_xml);
  ASSERT_EQ(r.questions.size(), 4u) << all_messages(r);
  EXPECT_EQ(r.questions[0].question.stem, "安全生产方针的第一句是____。");
  EXPECT_EQ(r.questions[0].question.blanks, (std::vector<std::vector<std::string>>{{"安全第一", "安全第一位"}}));
  EXPECT_EQ(r.questions[1].question.numeric, (NumericAnswer{40, 0.5}));
  EXPECT_EQ(r.questions[2].question.pairs.size(), 2u);
  EXPECT_EQ(r.questions[3].question.type, QuestionType::multiple);
  EXPECT_EQ(r.questions[3].question.correct, (std::vector<int>{0, 2}));
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].pos.line, 26);
  EXPECT_EQ(r.warnings.size(), 2u);  // the partial answer and the distractor
}

TEST(MoodleXml, SyntaxErrorIsLocated) {
  auto r = parse_text("s.xml", "<quiz>\n  <question type=\"truefalse\">\n  </quiz>", Format::moodle_xml);
  ASSERT_EQ(r.file_errors.size(), 1u);
  EXPECT_EQ(r.file_errors[0].pos.line, 3);
}

TEST(MoodleXml, RoundTripsEveryTypeItCanCarry) {
  auto questions = sample_questions();
  questions.erase(questions.begin() + 6);  // hotspot
  questions[3].blanks.resize(1);           // one blank: a Moodle short answer
  questions[1].status = QuestionStatus::retired;
  questions[2].category.clear();
  auto bytes = write_questions(questions, Format::moodle_xml);
  auto r = parse_questions("out.xml", bytes, Format::moodle_xml);
  ASSERT_TRUE(r.ok()) << all_messages(r) << text_of(bytes);
  EXPECT_TRUE(r.warnings.empty());
  ASSERT_EQ(r.questions.size(), questions.size());
  for (std::size_t i = 0; i < questions.size(); ++i) EXPECT_EQ(r.questions[i].question, questions[i]) << i;
}

TEST(MoodleXml, ExportReportsWhatItCannotCarry) {
  auto questions = sample_questions();
  auto problems = export_problems(questions, Format::moodle_xml);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].index, 3u);  // two blanks
  EXPECT_EQ(problems[1].index, 6u);  // hotspot
}

}  // namespace
}  // namespace ankang::bank
