// The reports page over a workspace whose store was filled by real imports:
// it writes the 参赛企业汇总表 (XLSX, CSV) and the annual summary (HTML) into
// a USB stick picked in the browser, the same files `ankang report` writes
// for that store, lists them with 打开, and says plainly when it cannot.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "organiser/collect.h"
#include "organiser/enterprise_import.h"
#include "organiser/table_file.h"
#include "results/simulate.h"
#include "tests/console/headless.h"
#include "tests/support/run_command.h"

namespace ankang::test {
namespace {

namespace fs = std::filesystem;
using console_ui::PageId;

void fill_store(const std::string& db, const std::string& dir) {
  results::SimulationOptions o;
  o.enterprises = 6;
  o.kiosks = 2;
  o.workers = 80;
  o.year = 2026;
  o.seed = 21;
  const auto sim = results::simulate(o);
  results::write_simulation(sim, dir + "/sim");
  results::OrganiserStore store(db);
  for (std::size_t i = 0; i < sim.kiosks.size(); ++i) store.add_device(sim.kiosks[i].public_key, "kiosk-" + std::to_string(i));
  ASSERT_TRUE(organiser::import_enterprise_file(store, dir + "/sim/enterprises.csv", 2026).ok());
  const auto got = organiser::collect_bundles(store, organiser::bundle_files({dir + "/sim/bundles"}), {});
  ASSERT_EQ(got.imported, static_cast<int>(sim.bundles.size()));
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A row's cells as "LINE:COLUMN text".
std::vector<std::string> cells(const results::Row& row) {
  std::vector<std::string> out;
  for (const auto& c : row) out.push_back(std::to_string(c.line) + ":" + std::to_string(c.column) + " " + c.text);
  return out;
}

// `ankang report` on the same store, as an organiser runs it.
std::string cli_report(const std::string& db, const std::string& format, const fs::path& out, const std::string& extra = "") {
  const auto r = run(std::string("LANG=C ") + ANKANG_BIN_DIR + "/ankang report --db '" + db + "' --year 2026 --format " + format +
                     " -o '" + out.string() + "' " + extra);
  EXPECT_EQ(r.status, 0) << r.output;
  return read(out);
}

// A USB stick mounted under a media root of the test's own.
struct Stick {
  fs::path root, path;
  explicit Stick(const std::string& dir) : root(fs::path(dir) / "media"), path(root / "STICK") {
    fs::create_directories(path);
    ::setenv("ANKANG_MEDIA_ROOTS", root.c_str(), 1);
  }
  ~Stick() { ::unsetenv("ANKANG_MEDIA_ROOTS"); }
  bool has_temporaries() const {
    for (const auto& e : fs::directory_iterator(path))
      if (e.path().string().find(".tmp") != std::string::npos) return true;
    return false;
  }
};

// Presses the n-th item of the last frame with this label.
void click_nth(Headless& h, const std::string& label, std::size_t n) {
  h.frame();
  std::vector<console_ui::Item> same;
  for (const auto& i : console_ui::frame_items())
    if (i.label == label) same.push_back(i);
  ASSERT_LT(n, same.size()) << label;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = same[n].center();
  h.frame();
  io.MouseDown[0] = true;
  h.frame();
  io.MouseDown[0] = false;
  h.frames(2);
}

void press_backspace(Headless& h, int times) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyMap[ImGuiKey_Backspace] = 8;
  for (int i = 0; i < times; ++i) {
    io.KeysDown[8] = true;
    h.frame();
    io.KeysDown[8] = false;
    h.frame();
  }
}

TEST(ReportsPage, AnEmptyStoreSaysToCollectScoresFirst) {
  Headless h("reports-empty");
  h.app().go(PageId::reports);
  h.frames(3);
  EXPECT_TRUE(h.shows("还没有成绩，无法生成报表")) << h.all_texts();
  EXPECT_EQ(h.find("选择文件夹并写入报表"), nullptr);
  h.click("去收集成绩");
  EXPECT_EQ(h.app().page(), PageId::collect);
}

TEST(ReportsPage, WritesTheSameFilesAsTheCommandIntoAStick) {
  Headless h("reports-write");
  fill_store(h.workspace().organiser_db(), h.dir());
  Stick stick(h.dir());
  h.app().go(PageId::reports);
  h.frames(3);
  EXPECT_TRUE(h.shows("2026 年"));
  h.click("选择文件夹并写入报表");
  ASSERT_TRUE(h.app().browser().active());
  EXPECT_EQ(h.app().browser().view().dir, stick.path.string());
  h.click("选择这个文件夹");
  h.frames(2);

  const auto xlsx = stick.path / "2026年参赛企业汇总表.xlsx", csv = stick.path / "2026年参赛企业汇总表.csv",
             html = stick.path / "2026年安康杯竞赛活动总结.html";
  ASSERT_TRUE(fs::exists(xlsx)) << h.all_texts();
  ASSERT_TRUE(fs::exists(csv));
  ASSERT_TRUE(fs::exists(html));
  EXPECT_FALSE(stick.has_temporaries());
  EXPECT_TRUE(h.shows("已写入 3 个报表到 " + stick.path.string())) << h.all_texts();
  EXPECT_TRUE(h.shows("2026年参赛企业汇总表.xlsx"));
  EXPECT_TRUE(h.shows("2026年安康杯竞赛活动总结.html"));

  const auto db = h.workspace().organiser_db();
  const fs::path cli = fs::path(h.dir()) / "cli";
  fs::create_directories(cli);
  EXPECT_EQ(read(csv), cli_report(db, "csv", cli / "t.csv"));
  EXPECT_EQ(read(html), cli_report(db, "html", cli / "s.html"));
  cli_report(db, "xlsx", cli / "t.xlsx");
  // A workbook holds the time it was made: the same cells are the same table.
  const auto ours = organiser::read_table_file(xlsx.string()), theirs = organiser::read_table_file((cli / "t.xlsx").string());
  ASSERT_GT(ours.size(), 6u);
  ASSERT_EQ(ours.size(), theirs.size());
  for (std::size_t i = 0; i < ours.size(); ++i) EXPECT_EQ(cells(ours[i]), cells(theirs[i])) << "row " << i;
  EXPECT_NE(read(csv).find("福州"), std::string::npos);
}

TEST(ReportsPage, TheOptionsAreThoseOfTheCommand) {
  Headless h("reports-options");
  fill_store(h.workspace().organiser_db(), h.dir());
  Stick stick(h.dir());
  h.app().go(PageId::reports);
  h.frames(3);
  h.click("参赛企业汇总表（Excel）");  // off
  h.click("按前 N 名成绩之和");
  h.click("##pass_mark");
  h.type("5");  // 605
  h.frame();
  EXPECT_TRUE(h.shows("合格线应为 0 到 100 之间的分数")) << h.all_texts();
  ASSERT_NE(h.find("选择文件夹并写入报表"), nullptr);
  EXPECT_FALSE(h.find("选择文件夹并写入报表")->enabled);
  press_backspace(h, 3);
  h.type("80");
  h.click("##top_n");
  press_backspace(h, 2);
  h.type("3");
  h.frame();
  EXPECT_FALSE(h.shows("合格线应为")) << h.all_texts();
  h.click("选择文件夹并写入报表");
  h.click("选择这个文件夹");
  h.frames(2);
  EXPECT_FALSE(fs::exists(stick.path / "2026年参赛企业汇总表.xlsx"));
  const auto csv = stick.path / "2026年参赛企业汇总表.csv", html = stick.path / "2026年安康杯竞赛活动总结.html";
  ASSERT_TRUE(fs::exists(csv)) << h.all_texts();
  const auto db = h.workspace().organiser_db();
  const fs::path cli = fs::path(h.dir()) / "cli";
  fs::create_directories(cli);
  EXPECT_EQ(read(csv), cli_report(db, "csv", cli / "t.csv", "--pass-mark 80"));
  EXPECT_NE(read(csv), cli_report(db, "csv", cli / "t60.csv"));  // the pass mark told
  EXPECT_EQ(read(html), cli_report(db, "html", cli / "s.html", "--pass-mark 80 --award top-n --top-n 3"));
  EXPECT_TRUE(h.shows("已写入 2 个报表"));
}

TEST(ReportsPage, AFileThatCannotBeWrittenIsSaidPlainlyAndLeavesNothingHalfWritten) {
  Headless h("reports-fail");
  fill_store(h.workspace().organiser_db(), h.dir());
  Stick stick(h.dir());
  // A folder where the CSV would go: the CSV cannot be written.
  fs::create_directories(stick.path / "2026年参赛企业汇总表.csv");
  h.app().go(PageId::reports);
  h.frames(3);
  h.click("选择文件夹并写入报表");
  h.click("选择这个文件夹");
  h.frames(2);
  EXPECT_TRUE(h.shows("报表没有写完")) << h.all_texts();
  EXPECT_TRUE(h.shows("已有同名的文件夹")) << h.all_texts();
  EXPECT_TRUE(h.shows("2026年参赛企业汇总表.csv"));
  EXPECT_FALSE(stick.has_temporaries());
  EXPECT_TRUE(fs::is_directory(stick.path / "2026年参赛企业汇总表.csv"));
  // The workbook before it is complete; the summary after it was not begun.
  EXPECT_GT(organiser::read_table_file((stick.path / "2026年参赛企业汇总表.xlsx").string()).size(), 6u);
  EXPECT_FALSE(fs::exists(stick.path / "2026年安康杯竞赛活动总结.html"));
  EXPECT_FALSE(h.app().shell().status_ok);
}

TEST(ReportsPage, OpenGoesToTheDesktopsViewer) {
  Headless h("reports-open");
  fill_store(h.workspace().organiser_db(), h.dir());
  Stick stick(h.dir());
  const fs::path record = fs::path(h.dir()) / "opened.txt", opener = fs::path(h.dir()) / "opener.sh";
  std::ofstream(opener) << "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" << record.string() << "'\n";
  fs::permissions(opener, fs::perms::owner_all);
  ::setenv("ANKANG_OPENER", opener.c_str(), 1);
  h.app().go(PageId::reports);
  h.frames(3);
  h.click("选择文件夹并写入报表");
  h.click("选择这个文件夹");
  click_nth(h, "打开", 1);  // the CSV
  h.click("打开所在文件夹");
  std::string got;
  for (int i = 0; i < 200 && std::count(got.begin(), got.end(), '\n') < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    got = read(record);
  }
  ::unsetenv("ANKANG_OPENER");
  const auto csv = stick.path / "2026年参赛企业汇总表.csv";
  // Each viewer starts on its own: in either order.
  EXPECT_TRUE(got == csv.string() + "\n" + stick.path.string() + "\n" || got == stick.path.string() + "\n" + csv.string() + "\n")
      << got;
  EXPECT_TRUE(fs::exists(csv));
}

}  // namespace
}  // namespace ankang::test
