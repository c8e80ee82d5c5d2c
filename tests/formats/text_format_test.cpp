// Numbered question banks in plain text and Word, as organisers pass them round.
#include <gtest/gtest.h>

#include "test_support.h"

namespace ankang::bank {
namespace {

using namespace test;

// An original bank in the usual layout: sections, numbers restarting in each,
// options on one or several lines, answers in three spellings, an explanation.
constexpr std::string_view kBank =
    "2026年车间安全知识竞赛题库\n"                         // 1: the title
    "\n"                                                    // 2
    "一、单选题（每题2分）\n"                               // 3
    "1. 进入有限空间作业前，首先应当做什么？\n"             // 4
    "A. 直接进入 B. 检测气体 C. 打开手机 D. 找人聊天\n"      // 5
    "答案：B\n"                                             // 6
    "解析：先通风、再检测、后作业。\n"                      // 7
    "2、灭火器压力表指针在哪个区域表示压力正常？\n"         // 8
    "A、红区\n"                                             // 9
    "B、绿区\n"                                             // 10
    "C、黄区\n"                                             // 11
    "【答案】B\n"                                           // 12
    "\n"                                                    // 13
    "二、多选题\n"                                          // 14
    "（1）动火作业前应准备哪些？\n"                         // 15
    "Ａ．动火证　Ｂ．灭火器\n"                              // 16
    "Ｃ．监护人\n"                                          // 17
    "正确答案：ABC\n"                                       // 18
    "三、判断题\n"                                          // 19
    "1. 安全帽可以不系下颏带。（ ）\n"                      // 20
    "答案：×\n"                                             // 21
    "四、填空题\n"                                          // 22
    "1. 安全生产方针是安全第一、____、综合治理。\n"         // 23
    "答案：预防为主\n";                                     // 24

TEST(TextFormat, ReadsSectionsNumbersOptionsAnswersAndExplanations) {
  auto r = parse_text("bank.txt", kBank, Format::text);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 5u);
  const auto& q1 = r.questions[0].question;
  EXPECT_EQ(q1.type, QuestionType::single);
  EXPECT_EQ(q1.stem, "进入有限空间作业前，首先应当做什么？");
  EXPECT_EQ(q1.options, (std::vector<std::string>{"直接进入", "检测气体", "打开手机", "找人聊天"}));
  EXPECT_EQ(q1.correct, std::vector<int>{1});
  EXPECT_EQ(q1.explanation, "先通风、再检测、后作业。");
  EXPECT_EQ(r.questions[0].pos.line, 4);
  EXPECT_EQ(r.questions[1].question.options, (std::vector<std::string>{"红区", "绿区", "黄区"}));
  EXPECT_EQ(r.questions[1].pos.line, 8);
  EXPECT_EQ(r.questions[2].question.type, QuestionType::multiple);
  EXPECT_EQ(r.questions[2].question.options, (std::vector<std::string>{"动火证", "灭火器", "监护人"}));
  EXPECT_EQ(r.questions[2].question.correct, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(r.questions[3].question.type, QuestionType::true_false);
  EXPECT_FALSE(r.questions[3].question.truth);
  EXPECT_EQ(r.questions[4].question.type, QuestionType::fill_blank);
  EXPECT_EQ(r.questions[4].question.blanks, (std::vector<std::vector<std::string>>{{"预防为主"}}));
  // The title line is named, not silently dropped.
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(format_diagnostic(r.warnings[0], false), "bank.txt:1:1: line 1 is not a question; read as the title and left out");
}

TEST(TextFormat, InfersTypesWithoutSectionHeadings) {
  auto r = parse_text("plain.txt",
                      "1. 单选一个答案\nA. 甲\nB. 乙\n答案：A\n"
                      "2. 多选两个答案\nA. 甲\nB. 乙\nC. 丙\n答案：A、C\n"
                      "3. 判断对错\n答案：正确\n"
                      "4. 两个空____和____\n答案：甲；乙\n",
                      Format::text);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 4u);
  EXPECT_EQ(r.questions[0].question.type, QuestionType::single);
  EXPECT_EQ(r.questions[1].question.type, QuestionType::multiple);
  EXPECT_EQ(r.questions[1].question.correct, (std::vector<int>{0, 2}));
  EXPECT_EQ(r.questions[2].question.type, QuestionType::true_false);
  EXPECT_TRUE(r.questions[2].question.truth);
  EXPECT_EQ(r.questions[3].question.blanks, (std::vector<std::vector<std::string>>{{"甲"}, {"乙"}}));
}

TEST(TextFormat, TakesAnswersFromAKeyAtTheEndBySection) {
  auto r = parse_text("key.txt",
                      "一、单选题\n1. 第一题\nA. 甲\nB. 乙\n2. 第二题\nA. 甲\nB. 乙\nC. 丙\n"
                      "二、判断题\n1. 判断一\n2. 判断二\n"
                      "参考答案\n一、单选题\n1-2 BC\n二、判断题\n1.√ 2.×\n",
                      Format::text);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 4u);
  EXPECT_EQ(r.questions[0].question.correct, std::vector<int>{1});
  EXPECT_EQ(r.questions[1].question.correct, std::vector<int>{2});
  EXPECT_TRUE(r.questions[2].question.truth);
  EXPECT_FALSE(r.questions[3].question.truth);

  auto extra = parse_text("key.txt", "二、判断题\n1. 判断一\n参考答案\n二、判断题\n1.√ 3.×\n", Format::text);
  ASSERT_EQ(extra.file_errors.size(), 1u) << all_messages(extra);
  EXPECT_EQ(format_diagnostic(extra.file_errors[0], true), "key.txt:5:1: 答案表中的题号 3 在「判断题」中没有对应的题目");
  EXPECT_EQ(format_diagnostic(extra.file_errors[0], false), "key.txt:5:1: the answer key's number 3 in \"判断题\" matches no question");

  // Entries under an unknown heading of the key are not taken for the section before it.
  auto unknown = parse_text("key.txt", "二、判断题\n1. 判断一\n参考答案\n二、判断题\n1.√\n五、简答题\n1.略\n", Format::text);
  ASSERT_EQ(unknown.file_errors.size(), 2u) << all_messages(unknown);
  EXPECT_EQ(format_diagnostic(unknown.file_errors[0], true), "key.txt:6:1: 答案表中无法识别的标题「简答题」");
  EXPECT_EQ(format_diagnostic(unknown.file_errors[1], true), "key.txt:7:1: 答案表中的题号 1 在「简答题」中没有对应的题目");
  EXPECT_TRUE(unknown.questions.front().question.truth);
}

TEST(TextFormat, AKeyWithoutSectionsAnswersByNumberWhenNumbersAreUnique) {
  auto r = parse_text("key.txt", "1. 甲还是乙\nA. 甲\nB. 乙\n2. 对吗\n\n答案：\n1.A；2.错\n", Format::text);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 2u);
  EXPECT_EQ(r.questions[0].question.correct, std::vector<int>{0});
  EXPECT_EQ(r.questions[1].question.type, QuestionType::true_false);

  auto twice = parse_text("key.txt", "一、单选题\n1. 甲\nA. 甲\nB. 乙\n二、判断题\n1. 对吗\n参考答案\n1.A 1.对\n", Format::text);
  ASSERT_EQ(twice.file_errors.size(), 1u) << all_messages(twice);
  EXPECT_EQ(format_diagnostic(twice.file_errors[0], true),
            "key.txt:7:1: 题号 1 在多个题型中出现，答案表要按题型分节（如“一、单选题”）");
}

TEST(TextFormat, LocatesEveryProblemByLine) {
  auto r = parse_text("bad.txt",
                      "一、单选题\n"                  // 1
                      "1. 没有答案\nA. 甲\nB. 乙\n"    // 2-4
                      "2. 字母越界\nA. 甲\nB. 乙\n"    // 5-7
                      "答案：D\n"                      // 8
                      "3. 单选两个\nA. 甲\nB. 乙\n"    // 9-11
                      "答案：AB\n"                     // 12
                      "五、简答题\n"                   // 13
                      "4. 怎样报警？\n答案：拨打119\n"  // 14-15
                      "参考答案\n9.A\n",               // 16-17
                      Format::text);
  ASSERT_EQ(r.rejected.size(), 3u) << all_messages(r);
  EXPECT_EQ(format_diagnostic(r.rejected[0].reasons[0], true),
            "bad.txt:2:1: 这道题没有答案（题后写“答案：B”，或在文末的参考答案中给出）");
  EXPECT_EQ(format_diagnostic(r.rejected[1].reasons[0], false),
            "bad.txt:8:1: the answer names option D, which does not exist (only A–B)");
  EXPECT_EQ(r.rejected[2].pos.line, 9);
  EXPECT_EQ(r.rejected[2].reasons[0].message.en.rfind("answer: ", 0), 0u) << r.rejected[2].reasons[0].message.en;
  EXPECT_EQ(r.rejected[2].source_text, "3. 单选两个\nA. 甲\nB. 乙\n答案：AB\n");
  ASSERT_EQ(r.file_errors.size(), 2u) << all_messages(r);
  EXPECT_EQ(format_diagnostic(r.file_errors[0], false),
            "bad.txt:13:1: unknown section heading \"简答题\" (use 单选题, 多选题, 判断题, 填空题 or 参考答案)");
  EXPECT_EQ(format_diagnostic(r.file_errors[1], true), "bad.txt:17:1: 答案表中的题号 9 没有对应的题目");
  // The question under the unknown heading is read by its answer, a fill-in.
  ASSERT_EQ(r.questions.size(), 1u);
  EXPECT_EQ(r.questions[0].question.type, QuestionType::fill_blank);
}

TEST(TextFormat, ReportsSkippedLettersStrayLinesAndKeysThatDisagree) {
  auto r = parse_text("odd.txt",
                      "1. 跳过字母\nA. 甲\nC. 丙\n答案：A\n"       // 1-4
                      "2. 选项后乱行\nA. 甲\nB. 乙\n乱行\n答案：A\n"  // 5-9
                      "3. 两处答案\nA. 甲\nB. 乙\n答案：A\n"       // 10-13
                      "答案：\n1.A 2.A 3.B 乱\n",                     // 14-15
                      Format::text);
  ASSERT_EQ(r.file_errors.size(), 1u) << all_messages(r);
  EXPECT_EQ(r.file_errors[0].pos.line, 15);
  EXPECT_NE(r.file_errors[0].message.zh.find("答案表中这一行无法识别"), std::string::npos);

  auto key = parse_text("odd.txt",
                        "1. 跳过字母\nA. 甲\nC. 丙\n答案：A\n"
                        "2. 选项后乱行\nA. 甲\nB. 乙\n乱行\n答案：A\n"
                        "3. 两处答案\nA. 甲\nB. 乙\n答案：A\n"
                        "答案：\n1.A 2.A 3.B\n",
                        Format::text);
  ASSERT_EQ(key.rejected.size(), 3u) << all_messages(key);
  EXPECT_EQ(format_diagnostic(key.rejected[0].reasons[0], false), "odd.txt:3:1: the option letter should be B, not C");
  EXPECT_EQ(key.rejected[1].reasons[0].pos.line, 8);
  EXPECT_EQ(format_diagnostic(key.rejected[2].reasons[0], true),
            "odd.txt:15:1: 答案表的答案「B」与题后的答案「A」不一致");
}

TEST(TextFormat, ReadsGbkAndIsDetectedByContent) {
  auto gbk = to_gbk(kBank);
  ASSERT_NE(gbk, std::string(kBank));
  auto r = parse_questions("gbk.txt", bytes_of(gbk), Format::text);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  EXPECT_EQ(r.questions.size(), 5u);
  EXPECT_EQ(r.questions[0].question.stem, "进入有限空间作业前，首先应当做什么？");
  EXPECT_EQ(detect_format("bank.txt", bytes_of(kBank)), Format::text);
  EXPECT_EQ(detect_format("gbk.txt", bytes_of(gbk)), Format::text);
  EXPECT_EQ(detect_format("noheads.txt", bytes_of("1. 题\nA. 甲\nB. 乙\n答案：A\n")), Format::text);
  EXPECT_EQ(format_from_name("txt"), Format::text);
  EXPECT_EQ(format_from_name("text"), Format::text);
}

TEST(TextFormat, RoundTripsWhatItCanCarry) {
  std::vector<Question> carried;
  for (auto type : {QuestionType::single, QuestionType::multiple, QuestionType::true_false}) carried.push_back(sample_of(type));
  for (auto& q : carried) q.explanation = "一行解析";
  auto bytes = write_questions(carried, Format::text);
  auto r = parse_questions("out.txt", bytes, Format::text);
  ASSERT_TRUE(r.ok()) << all_messages(r) << text_of(bytes);
  ASSERT_EQ(r.questions.size(), carried.size());
  for (std::size_t i = 0; i < carried.size(); ++i) {
    EXPECT_EQ(r.questions[i].question.type, carried[i].type);
    EXPECT_EQ(r.questions[i].question.stem, carried[i].stem);
    EXPECT_EQ(r.questions[i].question.options, carried[i].options);
    EXPECT_EQ(r.questions[i].question.correct, carried[i].correct);
    EXPECT_EQ(r.questions[i].question.truth, carried[i].truth);
    EXPECT_EQ(r.questions[i].question.explanation, "一行解析");
  }
  auto ordering = export_problems({sample_of(QuestionType::ordering)}, Format::text);
  ASSERT_EQ(ordering.size(), 1u);
  EXPECT_EQ(ordering[0].message.zh, "文本题库不能携带排序题");
}

// [SECTION] Word

std::string document_xml(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
         body + "</w:body></w:document>";
}

std::string paragraph(const std::string& text) { return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>"; }

TEST(DocxFormat, ReadsParagraphsAsLinesWithTheirNumbers) {
  TempDir dir;
  // Runs split mid-word, a tab between options, deleted text, a page break, and
  // stems numbered by Word's own list (numbering.xml), as Word writes them.
  std::string body = paragraph("一、单选题") +
                     "<w:p><w:r><w:t>1. 安全</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>出口</w:t></w:r>"
                     "<w:r><w:delText>旧字</w:delText></w:r><w:r><w:t>应保持？</w:t></w:r></w:p>" +
                     "<w:p><w:r><w:t>A. 畅通</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>B. 上锁</w:t></w:r></w:p>" +
                     paragraph("答案：A") + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" +
                     "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>"
                     "<w:r><w:t>第二题由列表编号</w:t></w:r></w:p>" +
                     paragraph("A. 甲") + paragraph("B. 乙") + paragraph("答案：B") +
                     "<w:tbl><w:tr><w:tc>" + paragraph("二、判断题") + "</w:tc></w:tr></w:tbl>" +
                     "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>"
                     "<w:r><w:t>表格之后的判断题</w:t></w:r></w:p>" +
                     paragraph("答案：对");
  std::string numbering =
      R"(<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
      R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>)"
      R"(<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";
  auto bytes = zip_of(dir, {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", document_xml(body)}, {"word/numbering.xml", numbering}});
  auto r = parse_questions("bank.docx", bytes, Format::docx);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  ASSERT_EQ(r.questions.size(), 3u);
  EXPECT_EQ(r.questions[0].question.stem, "安全出口应保持？");
  EXPECT_EQ(r.questions[0].question.options, (std::vector<std::string>{"畅通", "上锁"}));
  EXPECT_EQ(r.questions[0].pos.line, 2);
  EXPECT_EQ(r.questions[1].question.stem, "第二题由列表编号");
  EXPECT_EQ(r.questions[1].question.correct, std::vector<int>{1});
  EXPECT_EQ(r.questions[1].pos.line, 6);
  EXPECT_EQ(r.questions[2].question.type, QuestionType::true_false);
  EXPECT_EQ(r.questions[2].pos.line, 11);
  EXPECT_EQ(detect_format("bank.docx", bytes), Format::docx);
  EXPECT_EQ(detect_format("no-extension", bytes), Format::docx);
}

TEST(DocxFormat, NamesTheParagraphOfAProblemAndRefusesWhatIsNoDocument) {
  TempDir dir;
  auto bytes = zip_of(dir, {{"word/document.xml", document_xml(paragraph("1. 没有答案的题") + paragraph("A. 甲") + paragraph("B. 乙"))}});
  auto r = parse_questions("bad.docx", bytes, Format::docx);
  ASSERT_EQ(r.rejected.size(), 1u) << all_messages(r);
  EXPECT_EQ(r.rejected[0].reasons[0].pos.line, 1);

  auto not_zip = parse_questions("old.docx", bytes_of("\xD0\xCF\x11\xE0 an old .doc"), Format::docx);
  ASSERT_EQ(not_zip.file_errors.size(), 1u);
  EXPECT_EQ(format_diagnostic(not_zip.file_errors[0], true),
            "old.docx: 不是有效的 Word 文档（.docx 无法作为 zip 打开；旧的 .doc 请先另存为 .docx）");
  auto no_document = parse_questions("x.docx", zip_of(dir, {{"word/other.xml", "<x/>"}}), Format::docx);
  ASSERT_EQ(no_document.file_errors.size(), 1u);
  EXPECT_EQ(no_document.file_errors[0].message.en, "the Word document has no word/document.xml");
  auto damaged = parse_questions("x.docx", zip_of(dir, {{"word/document.xml", "<w:document><w:body>"}}), Format::docx);
  ASSERT_EQ(damaged.file_errors.size(), 1u);
  EXPECT_NE(damaged.file_errors[0].message.zh.find("word/document.xml 已损坏"), std::string::npos);
  EXPECT_FALSE(export_problems({sample_of(QuestionType::single)}, Format::docx).empty());
}

// The shared interoperability fixtures are GIFT and Moodle XML: the text
// reader's detection must leave them to their own readers.
TEST(TextFormat, LeavesTheSharedGiftFixturesToGift) {
  for (const char* name : {"gift/questions.gift.txt", "gift/questions_in_category.gift.txt"}) {
    auto text = shared_fixture(name);
    if (text.empty()) GTEST_SKIP() << "../shared/interop/moodle is absent";
    EXPECT_EQ(detect_format(name, bytes_of(text)), Format::gift) << name;
    // Read as a text bank anyway, it is refused with located reasons, not a crash.
    auto r = parse_text(name, text, Format::text);
    for (const auto& rejected : r.rejected)
      for (const auto& d : rejected.reasons) EXPECT_GT(d.pos.line, 0) << format_diagnostic(d, false);
  }
}

}  // namespace
}  // namespace ankang::bank
