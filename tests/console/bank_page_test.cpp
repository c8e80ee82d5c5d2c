// The bank page, driven as an organiser would: the starter bank by a click,
// a file with bad rows imported from a stick (every problem located, the
// store holding what the message says), search, edit and retire.
#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "organiser/bank_import.h"
#include "question_bank/bank.h"
#include "question_bank/starter_bank.h"
#include "tests/console/headless.h"
#include "ui/fonts.h"

namespace ankang::test {
namespace {

using console_ui::PageId;

Question single(const std::string& stem, const std::string& category = "消防安全") {
  Question q;
  q.type = QuestionType::single;
  q.stem = stem;
  q.options = {"保持畅通", "堆放货物", "上锁封闭"};
  q.correct = {0};
  q.explanation = "疏散通道必须保持畅通。";
  q.basis = {"《中华人民共和国消防法》", "第二十八条"};
  q.category = {category};
  q.difficulty = 2;
  return q;
}

// A bank page on a workspace whose bank holds these questions.
std::vector<std::string> seed(Headless& h, const std::vector<Question>& questions) {
  auto bank = bank::Bank::open(h.workspace().bank_db());
  return bank.insert(questions).ids;
}

TEST(BankPage, AnEmptyBankLoadsTheStarterBankWithOneClick) {
  Headless h("bank-starter");
  h.app().go(PageId::bank);
  h.frame();
  EXPECT_TRUE(h.shows("题库还是空的")) << h.all_texts();
  h.click("载入内置初始题库");
  auto bank = bank::Bank::open(h.workspace().bank_db());
  const int n = bank.count();
  EXPECT_GT(n, 0);
  EXPECT_EQ(n, static_cast<int>(bank::starter_questions().size()));
  h.frame();
  EXPECT_TRUE(h.shows("已载入初始题库：新增 " + std::to_string(n) + " 道题")) << h.all_texts();
  EXPECT_TRUE(h.shows(std::to_string(n)));
  EXPECT_TRUE(h.shows("按题型："));
  EXPECT_TRUE(h.shows("单选题"));
  EXPECT_FALSE(h.shows("题库还是空的"));
}

TEST(BankPage, AFileWithBadRowsShowsEveryProblemAndImportsNothingUntilAsked) {
  Headless h("bank-import");
  const std::string stick = h.dir() + "/media/STICK";
  std::filesystem::create_directories(stick);
  const std::string file = stick + "/题目.csv";
  std::ofstream(file) << "题型,题干,选项A,选项B,答案,分类\n"
                         "单选,安全生产月是几月？,3月,6月,B,安全文化\n"
                         "判断,高温天气可以不采取防暑降温措施。,,,也许,职业健康\n"
                         "判断,高温天气应当采取防暑降温措施。,,,对,职业健康\n"
                         "单选,灭火器压力表指针在哪个区域表示正常？,红区,绿区,E,消防安全\n"
                         "单选,安全生产月是几月？,3月,6月,B,安全文化\n";
  setenv("ANKANG_MEDIA_ROOTS", (h.dir() + "/media").c_str(), 1);
  h.app().go(PageId::bank);
  h.click("导入题目文件");
  h.click("题目.csv");
  h.click("打开所选文件");
  h.frame();

  // Every located problem of the file is on screen, not only the first.
  const auto files = organiser::read_question_files({file});
  const auto problems = organiser::problems_of(files);
  ASSERT_EQ(files.rejected.size(), 2u);
  ASSERT_GE(problems.size(), 2u);
  for (const auto& p : problems) {
    EXPECT_TRUE(h.shows(std::to_string(p.pos.line) + (p.pos.column ? ":" + std::to_string(p.pos.column) : "")))
        << p.pos.line << "\n" << h.all_texts();
    EXPECT_TRUE(h.shows(p.message.zh)) << p.message.zh;
  }
  EXPECT_EQ(problems.front().pos.line, 3);
  EXPECT_EQ(problems.back().pos.line, 5);
  EXPECT_TRUE(h.shows("有 2 处错误，未导入任何题目")) << h.all_texts();
  EXPECT_EQ(bank::Bank::open(h.workspace().bank_db()).count(true), 0);

  // As `ankang bank import --skip-bad`: the good ones, the duplicate once.
  h.click("只导入正确的 3 题");
  h.frame();
  EXPECT_TRUE(h.shows("导入 2 题，1 题重复未导入，2 处错误的记录未导入")) << h.all_texts();
  auto bank = bank::Bank::open(h.workspace().bank_db());
  EXPECT_EQ(bank.count(true), 2);
  EXPECT_EQ(bank.search("防暑降温").size(), 1u);
  EXPECT_EQ(bank.all().front().source, "题目.csv");
  unsetenv("ANKANG_MEDIA_ROOTS");
}

// A sheet imported, then its corrected version offered from a stick: the page
// names the changed question and its old one, and imports nothing until asked.
class CorrectedSheet {
 public:
  // `bad_row`: the corrected file also holds a row that is no question (line 6).
  explicit CorrectedSheet(Headless& h, bool bad_row = false) : h_(h) {
    const std::string header = "题型,题干,选项A,选项B,选项C,答案,分类\n";
    const std::string fire = "单选,灭火器压力表指针在哪个区域表示正常？,红区,绿区,黄区,B,消防安全\n";
    const std::string first = h.dir() + "/第一版.csv";
    std::ofstream(first) << header << "单选,安全生产月是每年的几月？,3月,6月,9月,A,安全文化\n" << fire;
    auto bank = bank::Bank::open(h.workspace().bank_db());
    organiser::import_questions(bank, organiser::read_question_files({first}), false);
    old_id_ = bank.all().front().id;
    const std::string stick = h.dir() + "/media/STICK";
    std::filesystem::create_directories(stick);
    // The corrected question on line 5, a number nothing else on the page shows alone.
    std::ofstream(stick + "/修订版.csv") << header << fire << "判断,进入受限空间前应当先通风、检测。,,,,对,有限空间\n"
                                        << "判断,安全帽可以当凳子坐。,,,,错,个体防护\n"
                                        << "单选,安全生产月是每年的几月？,3月,6月,9月,B,安全文化\n"
                                        << (bad_row ? "判断,高温天气可以不采取防暑降温措施。,,,,也许,职业健康\n" : "");
    setenv("ANKANG_MEDIA_ROOTS", (h.dir() + "/media").c_str(), 1);
  }
  ~CorrectedSheet() { unsetenv("ANKANG_MEDIA_ROOTS"); }

  const std::string& old_id() const { return old_id_; }

  // Opens the corrected file on the bank page, up to the choice.
  void open() {
    h_.app().go(PageId::bank);
    h_.click("导入题目文件");
    h_.click("修订版.csv");
    h_.click("打开所选文件");
    h_.frame();
  }

 private:
  Headless& h_;
  std::string old_id_;
};

TEST(BankPage, ACorrectedFileAsksFirstThenReplacesTheOldQuestion) {
  Headless h("bank-replace");
  CorrectedSheet sheet(h);
  sheet.open();
  EXPECT_TRUE(h.shows("有 1 道题与题库中已有的题题干相同但答案不同")) << h.all_texts();
  EXPECT_TRUE(h.shows("题干与题库中已有的题 " + sheet.old_id().substr(0, 8) + " 相同但答案不同")) << h.all_texts();
  const auto& texts = console_ui::recorded_texts();
  EXPECT_EQ(std::count(texts.begin(), texts.end(), "5"), 1) << h.all_texts();  // the corrected question's line
  EXPECT_EQ(bank::Bank::open(h.workspace().bank_db()).count(true), 2);  // nothing imported before the choice
  for (const auto& t : console_ui::recorded_texts())
    EXPECT_TRUE(ui::font_covers(console_ui::console_fonts().body, t)) << t;

  h.click("替换旧题");
  h.frame();
  EXPECT_TRUE(h.shows("导入 3 题，1 题重复未导入，替换旧题 1 道（已停用）")) << h.all_texts();
  EXPECT_TRUE(h.shows("已停用旧题，以本题替换")) << h.all_texts();
  auto bank = bank::Bank::open(h.workspace().bank_db());
  EXPECT_EQ(bank.get(sheet.old_id())->status, QuestionStatus::retired);
  EXPECT_EQ(bank.count(), 4);
  EXPECT_EQ(bank.count(true), 5);
  for (const auto& q : bank.all()) {
    if (q.stem == "安全生产月是每年的几月？") {
      EXPECT_EQ(q.correct, std::vector<int>{1});
    }
  }
}

TEST(BankPage, ACorrectedFileCanKeepBothCopies) {
  Headless h("bank-keep-both");
  CorrectedSheet sheet(h);
  sheet.open();
  h.click("保留两份");
  h.frame();
  EXPECT_TRUE(h.shows("导入 3 题，1 题重复未导入，1 题与已有的题答案不同（旧题仍在使用），警告 1 条")) << h.all_texts();
  EXPECT_TRUE(h.shows("已有的题仍在使用")) << h.all_texts();
  auto bank = bank::Bank::open(h.workspace().bank_db());
  EXPECT_EQ(bank.get(sheet.old_id())->status, QuestionStatus::active);
  EXPECT_EQ(bank.count(), 5);
}

TEST(BankPage, ACorrectedFileWithABadRowAsksAfterOnlyTheGoodOnesAreChosen) {
  Headless h("bank-replace-skip-bad");
  CorrectedSheet sheet(h, true);
  sheet.open();
  EXPECT_TRUE(h.shows("有 1 处错误，未导入任何题目")) << h.all_texts();
  h.click("只导入正确的 4 题");
  h.frame();
  EXPECT_TRUE(h.shows("有 1 道题与题库中已有的题题干相同但答案不同")) << h.all_texts();
  EXPECT_EQ(bank::Bank::open(h.workspace().bank_db()).count(true), 2);
  h.click("替换旧题");
  h.frame();
  EXPECT_TRUE(h.shows("导入 3 题，1 题重复未导入，替换旧题 1 道（已停用），1 处错误的记录未导入")) << h.all_texts();
  auto bank = bank::Bank::open(h.workspace().bank_db());
  EXPECT_EQ(bank.get(sheet.old_id())->status, QuestionStatus::retired);
  EXPECT_EQ(bank.count(), 4);
}

TEST(BankPage, ACorrectedFileCancelledImportsNothing) {
  Headless h("bank-replace-cancel");
  CorrectedSheet sheet(h);
  sheet.open();
  h.click("取消");
  EXPECT_EQ(h.find("替换旧题"), nullptr);
  EXPECT_TRUE(h.shows("已取消导入 修订版.csv，题库未改动")) << h.all_texts();
  auto bank = bank::Bank::open(h.workspace().bank_db());
  EXPECT_EQ(bank.count(true), 2);
  EXPECT_EQ(bank.get(sheet.old_id())->status, QuestionStatus::active);
}

TEST(BankPage, SearchFindsAQuestion) {
  Headless h("bank-search");
  seed(h, {single("消防通道可以堆放货物吗？"), single("粉尘作业应当佩戴什么？", "职业病防治")});
  h.app().go(PageId::bank);
  h.frame();
  EXPECT_NE(h.find("粉尘作业应当佩戴什么？"), nullptr);
  h.click("##bank_search");
  h.type("消防通道");
  h.click("搜索");
  EXPECT_NE(h.find("消防通道可以堆放货物吗？"), nullptr) << h.all_texts();
  EXPECT_EQ(h.find("粉尘作业应当佩戴什么？"), nullptr);
  EXPECT_TRUE(h.shows("共 1 条"));
}

TEST(BankPage, AWordingFixIsSavedInPlace) {
  Headless h("bank-edit");
  const auto ids = seed(h, {single("消防通道可以堆放货物吗？")});
  h.app().go(PageId::bank);
  h.click("消防通道可以堆放货物吗？");
  EXPECT_TRUE(h.shows("《中华人民共和国消防法》第二十八条")) << h.all_texts();
  EXPECT_TRUE(h.shows("A. 保持畅通　（正确）"));
  h.click("修改");
  h.click("##stem");
  h.type("（修订）");
  EXPECT_TRUE(h.shows("只改了文字"));
  h.click("保存");
  auto bank = bank::Bank::open(h.workspace().bank_db());
  const auto q = bank.get(ids[0]);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->stem, "消防通道可以堆放货物吗？（修订）");
  EXPECT_EQ(q->status, QuestionStatus::active);
  EXPECT_EQ(bank.count(true), 1);
  EXPECT_TRUE(h.shows("已保存修改"));
}

TEST(BankPage, ANewAnswerRetiresTheOldQuestionAndStoresTheEditAsNew) {
  Headless h("bank-reanswer");
  const auto ids = seed(h, {single("消防通道可以堆放货物吗？")});
  h.app().go(PageId::bank);
  h.click("消防通道可以堆放货物吗？");
  h.click("修改");
  h.click("正确 B");
  EXPECT_TRUE(h.shows("原题停用")) << h.all_texts();
  h.click("保存");
  auto bank = bank::Bank::open(h.workspace().bank_db());
  EXPECT_EQ(bank.get(ids[0])->status, QuestionStatus::retired);
  EXPECT_EQ(bank.get(ids[0])->correct, std::vector<int>{0});
  const auto active = bank.all();
  ASSERT_EQ(active.size(), 1u);
  EXPECT_NE(active[0].id, ids[0]);
  EXPECT_EQ(active[0].correct, std::vector<int>{1});
  EXPECT_TRUE(h.shows("原题已停用"));
}

TEST(BankPage, AnInvalidEditCannotBeSaved) {
  Headless h("bank-invalid");
  const auto ids = seed(h, {single("消防通道可以堆放货物吗？")});
  h.app().go(PageId::bank);
  h.click("消防通道可以堆放货物吗？");
  h.click("修改");
  h.click("正确 A");  // no correct option left
  EXPECT_TRUE(h.shows("还有问题，改好后才能保存")) << h.all_texts();
  const auto* save = h.find("保存");
  ASSERT_NE(save, nullptr);
  EXPECT_FALSE(save->enabled);
  h.click("保存");
  EXPECT_EQ(bank::Bank::open(h.workspace().bank_db()).get(ids[0])->correct, std::vector<int>{0});
}

TEST(BankPage, ARetiredQuestionLeavesTheActiveList) {
  Headless h("bank-retire");
  const auto ids = seed(h, {single("消防通道可以堆放货物吗？"), single("粉尘作业应当佩戴什么？", "职业病防治")});
  h.app().go(PageId::bank);
  h.click("消防通道可以堆放货物吗？");
  h.click("停用");
  EXPECT_TRUE(h.shows("停用这道题？")) << h.all_texts();
  EXPECT_EQ(bank::Bank::open(h.workspace().bank_db()).count(), 2);  // not before it is confirmed
  h.click("确定停用");
  auto bank = bank::Bank::open(h.workspace().bank_db());
  EXPECT_EQ(bank.get(ids[0])->status, QuestionStatus::retired);
  EXPECT_EQ(bank.count(), 1);
  h.frame();
  EXPECT_EQ(h.find("消防通道可以堆放货物吗？"), nullptr);
  EXPECT_NE(h.find("粉尘作业应当佩戴什么？"), nullptr);
  h.click("包括已停用的题");
  EXPECT_NE(h.find("【已停用】消防通道可以堆放货物吗？"), nullptr) << h.all_texts();
}

TEST(BankPage, EveryTextOfAQuestionAndItsEditorHasItsGlyphs) {
  Headless h("bank-glyphs");
  {
    auto bank = bank::Bank::open(h.workspace().bank_db());
    bank::load_starter_bank(bank);
  }
  seed(h, {single("消防通道可以堆放货物吗？")});
  h.app().go(PageId::bank);
  h.click("下一页");
  EXPECT_TRUE(h.shows("第 101–200 条")) << h.all_texts();
  h.click("##bank_search");
  h.type("堆放货物");
  h.click("搜索");
  h.click("消防通道可以堆放货物吗？");
  h.frames(2);
  for (const auto& t : console_ui::recorded_texts())
    EXPECT_TRUE(ui::font_covers(console_ui::console_fonts().body, t)) << t;
  h.click("修改");
  h.frames(2);
  for (const auto& t : console_ui::recorded_texts())
    EXPECT_TRUE(ui::font_covers(console_ui::console_fonts().body, t)) << t;
}

}  // namespace
}  // namespace ankang::test
