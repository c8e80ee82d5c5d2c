// Admin → load a folder with a contest package: a good one brings its
// questions, roster and contest; a corrupt, forged, expired or unconfirmed
// one changes nothing, row for row.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "kiosk/admin_pin.h"
#include "kiosk/app.h"
#include "kiosk/package_loader.h"
#include "kiosk_fixture.h"
#include "question_bank/formats/format.h"
#include "results/codec.h"
#include "results/package.h"
#include "ui/strings.h"

namespace ankang::testing {
namespace {

using namespace ankang::kiosk;
using ui::Act;

constexpr std::int64_t kNow = 1'780'000'000'000;  // 2026
constexpr const char* kPort = "91350100MA2Y00001H";
constexpr const char* kChemical = "91350100MA2Y00002L";

results::KeyPair organiser(std::uint8_t b = 3) {
  std::array<std::uint8_t, 32> seed{};
  seed.fill(b);
  return results::key_pair_from_seed(seed);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, std::span<const std::uint8_t> bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// Every row of every table of a SQLite file, as text, to compare before and after.
std::string dump(const std::string& db_path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::string out;
  std::vector<std::string> tables;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  for (const auto& t : tables) {
    out += "[" + t + "]\n";
    sqlite3_prepare_v2(db, ("SELECT * FROM \"" + t + "\"").c_str(), -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const auto* v = sqlite3_column_blob(s, c);
        out.append(v ? static_cast<const char*>(v) : "NULL", v ? static_cast<std::size_t>(sqlite3_column_bytes(s, c)) : 4);
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

class PackageLoadTest : public KioskDirTest {
 protected:
  void SetUp() override {
    KioskDirTest::SetUp();
    data = path("data");
    usb = path("usb");
    std::filesystem::create_directories(usb);
  }

  // A team contest named 2026年鼓楼区安康杯安全知识竞赛 with 40 questions and
  // two enterprises, valid through 2026.
  static results::ContestPackage package() {
    results::ContestPackage p;
    p.contest_id = "2026-gulou";
    p.name = "2026年鼓楼区安康杯安全知识竞赛";
    std::string config = read_text(std::string(ANKANG_SOURCE_DIR) + "/data/contests/team.json");
    p.config_json = config;
    auto questions = single_choice_paper(40);
    for (auto& q : questions) q.id = "7c1e0f4a-0000-4000-8000-0000000000" + std::to_string(10 + std::stoi(q.id.substr(1)));
    for (const auto& q : questions) p.question_ids.push_back(q.id);
    p.bank_subset = bank::write_questions(questions, bank::Format::json);
    p.valid_from_ms = kNow - 86'400'000;
    p.valid_until_ms = kNow + 86'400'000;
    p.roster = {{kPort, "福州港务集团", {"装卸一班", "装卸二班", "机修班"}}, {kChemical, "闽江化工有限公司", {"储运班"}}};
    return p;
  }

  void put_package(const results::ContestPackage& p, const results::KeyPair& key = organiser()) {
    write_bytes(usb + "/contest.ankpkg", results::write_package(p, key));
  }
  void trust(const results::KeyPair& key = organiser()) {
    std::filesystem::create_directories(data);
    const std::string hex = results::to_hex(key.public_key) + "\n";
    std::ofstream(data + "/organiser.pub") << hex;
  }
  void unlock(App& app) {
    app.set_time(kNow, 1000);
    app.apply({Act::admin_open});
    app.typed(kDefaultPin);
    app.enter_pressed();
  }
  std::vector<std::string> enterprise_names() {
    std::vector<std::string> out;
    for (const auto& e : Store::open(data + "/kiosk.db").enterprises()) out.push_back(e.name);
    return out;
  }
  // A refused package: a message on screen, and both stores as they were.
  void expect_refused(const std::string& why_part) {
    App app(data);
    unlock(app);
    const std::string store_before = dump(data + "/kiosk.db"), bank_before = dump(data + "/bank.db");
    app.apply({Act::admin_load_folder, 0, usb});
    EXPECT_NE(app.admin_message().find(why_part), std::string::npos) << app.admin_message();
    EXPECT_EQ(dump(data + "/kiosk.db"), store_before);
    EXPECT_EQ(dump(data + "/bank.db"), bank_before);
    EXPECT_EQ(enterprise_names(), std::vector<std::string>{"示范企业"});
  }

  std::string data, usb;
};

TEST_F(PackageLoadTest, AGoodPackageBringsItsRosterContestAndQuestions) {
  trust();
  put_package(package());
  {
    App app(data);
    unlock(app);
    const int before = bank::Bank::open(data + "/bank.db").count(true);
    app.apply({Act::admin_load_folder, 0, usb});
    EXPECT_NE(app.admin_message().find("已加载竞赛"), std::string::npos) << app.admin_message();
    EXPECT_EQ(bank::Bank::open(data + "/bank.db").count(true), before + 40);
    const auto names = app.title_texts();
    EXPECT_NE(std::find(names.begin(), names.end(), "2026年鼓楼区安康杯安全知识竞赛"), names.end())
        << "the contest name is drawn in the title font";
    EXPECT_NE(std::find(names.begin(), names.end(), "机修班"), names.end()) << "team names in the large font";
    EXPECT_TRUE(app.fonts_dirty());
  }
  EXPECT_EQ(enterprise_names(), (std::vector<std::string>{"福州港务集团", "闽江化工有限公司"}));
  Store store = Store::open(data + "/kiosk.db");
  const auto contest = store.current_contest();
  ASSERT_TRUE(contest);
  EXPECT_EQ(contest->id, "2026-gulou");
  EXPECT_EQ(contest->name, "2026年鼓楼区安康杯安全知识竞赛");
  EXPECT_EQ(store.setting("contest_id"), "2026-gulou") << "bundles carry the package's contest id";
  std::vector<std::string> teams;
  for (const auto& t : store.teams(store.enterprises().front().id)) teams.push_back(t.name);
  EXPECT_EQ(teams, (std::vector<std::string>{"装卸一班", "装卸二班", "机修班"}));
  // A restart keeps it, and does not bring the demonstration roster back.
  App again(data);
  EXPECT_EQ(enterprise_names().size(), 2u);
}

TEST_F(PackageLoadTest, AfterItsLastDayTheContestTakesNoTimedTestOrHostContest) {
  trust();
  put_package(package());
  {
    App app(data);
    unlock(app);
    app.apply({Act::admin_load_folder, 0, usb});
    ASSERT_NE(app.admin_message().find("已加载竞赛"), std::string::npos) << app.admin_message();
  }
  const std::int64_t day_after = package().valid_until_ms + 86'400'000;
  {
    App app(data);
    app.set_time(day_after, 1000);
    app.apply({Act::admin_open});
    app.typed(kDefaultPin);
    app.enter_pressed();
    app.apply({Act::admin_host_mode});
    EXPECT_NE(app.admin_message().find("有效期已过"), std::string::npos) << app.admin_message();
    EXPECT_NE(app.screen(), Screen::host);
  }
  App app(data);
  app.set_time(day_after, 1000);
  sign_in(app, "2001", "李强");
  ASSERT_EQ(app.screen(), Screen::mode);
  app.apply({Act::timed_test, -1});
  EXPECT_EQ(app.screen(), Screen::mode);
  EXPECT_NE(app.message().find("有效期已过"), std::string::npos) << app.message();
  app.apply({Act::practice, -1});
  EXPECT_EQ(app.screen(), Screen::question) << "practice goes on after the contest";
  // On its last day the contest still runs.
  App in_time(data);
  in_time.set_time(package().valid_until_ms - 1000, 1000);
  EXPECT_FALSE(in_time.contest_closed());
}

TEST_F(PackageLoadTest, AFolderKeyIsTrustedOnlyAfterTheSecondTap) {
  put_package(package());
  const std::string hex = results::to_hex(organiser().public_key) + "\n";
  std::ofstream(usb + "/organiser.pub") << hex;
  App app(data);
  unlock(app);
  const std::string before = dump(data + "/kiosk.db");
  app.apply({Act::admin_load_folder, 0, usb});
  EXPECT_NE(app.admin_message().find(results::fingerprint(organiser().public_key)), std::string::npos)
      << app.admin_message();
  EXPECT_EQ(dump(data + "/kiosk.db"), before);
  EXPECT_FALSE(std::filesystem::exists(data + "/organiser.pub"));
  app.apply({Act::admin_load_folder, 0, usb});
  EXPECT_NE(app.admin_message().find("已加载竞赛"), std::string::npos) << app.admin_message();
  EXPECT_EQ(results::read_public_key(data + "/organiser.pub"), organiser().public_key);
  // From now on another key beside a package is not taken.
  put_package(package(), organiser(4));
  std::ofstream(usb + "/organiser.pub") << results::to_hex(organiser(4).public_key) << "\n";
  app.apply({Act::admin_load_folder, 0, usb});
  app.apply({Act::admin_load_folder, 0, usb});
  EXPECT_NE(app.admin_message().find("签名无效"), std::string::npos) << app.admin_message();
}

TEST_F(PackageLoadTest, NoTrustedKeyMeansNoPackage) {
  put_package(package());
  expect_refused("organiser.pub");
}

TEST_F(PackageLoadTest, AForgedPackageChangesNothing) {
  trust();
  put_package(package(), organiser(9));
  expect_refused("签名无效");
}

TEST_F(PackageLoadTest, ACorruptPackageChangesNothing) {
  trust();
  auto bytes = results::write_package(package(), organiser());
  bytes[bytes.size() / 2] ^= 1;
  write_bytes(usb + "/contest.ankpkg", bytes);
  expect_refused("竞赛包未加载");
  write_bytes(usb + "/contest.ankpkg", std::span(bytes).first(100));
  expect_refused("竞赛包未加载");
}

TEST_F(PackageLoadTest, AnExpiredOrFuturePackageChangesNothing) {
  trust();
  auto p = package();
  p.valid_from_ms = kNow - 10 * 86'400'000LL;
  p.valid_until_ms = kNow - 86'400'000;
  put_package(p);
  expect_refused("竞赛已结束");
  p.valid_from_ms = kNow + 86'400'000;
  p.valid_until_ms = kNow + 10 * 86'400'000LL;
  put_package(p);
  expect_refused("竞赛尚未开始");
}

TEST_F(PackageLoadTest, SignedButBadContentChangesNothing) {
  trust();
  auto p = package();
  p.config_json = R"({"id": "x", "rounds": 3})";
  put_package(p);
  expect_refused("竞赛包有错误");
  p = package();
  p.question_ids.pop_back();
  put_package(p);
  expect_refused("题目清单不符");
  p = package();
  p.bank_subset = {'{', '"'};
  put_package(p);
  expect_refused("竞赛包有错误");
}

// A bundle carries one contest id: results of the demonstration contest go
// out before another contest is loaded.
TEST_F(PackageLoadTest, UnexportedResultsOfAnotherContestAreExportedFirst) {
  trust();
  put_package(package());
  { App first(data); }  // the demonstration roster
  {
    Store store = Store::open(data + "/kiosk.db");
    const auto enterprise = store.enterprises().front().id;
    const Worker w = store.add_worker(enterprise, store.teams(enterprise).front().id, "1001", "王芳", 0);
    const auto attempt = store.begin_attempt("7c1e0f4a-0000-4000-8000-00000000a001", w.id, Mode::timed_test,
                                             R"({"format":"timed_test","question_count":1,"paper_ms":600000,)"
                                             R"("pass_mark":6,"categories":[],"points":10})",
                                             {"q0"}, 1, kNow - 60'000);
    Event done;
    done.kind = EventKind::submitted;
    done.total = 10;
    done.value = 1;
    store.record(attempt, {1000, Intent{}}, {done}, "", w.id, kNow - 59'000);
    ASSERT_EQ(store.unexported_attempts().size(), 1u);
  }
  expect_refused("请先导出成绩包");
  App app(data);
  unlock(app);
  std::filesystem::create_directories(path("bundles"));
  app.apply({Act::admin_export, 0, path("bundles")});
  ASSERT_NE(app.admin_message().find("已导出成绩包"), std::string::npos) << app.admin_message();
  app.apply({Act::admin_load_folder, 0, usb});
  EXPECT_NE(app.admin_message().find("已加载竞赛"), std::string::npos) << app.admin_message();
}

TEST_F(PackageLoadTest, TwoPackagesOrAnUnreadableFolderChangeNothing) {
  trust();
  put_package(package());
  write_bytes(usb + "/second.ankpkg", results::write_package(package(), organiser()));
  expect_refused("请只留一个");
  std::filesystem::remove(usb + "/second.ankpkg");
  usb = path("no-such-stick");
  expect_refused("找不到文件夹");
}

// `ankang-kiosk --load-folder`: the same loader without a window or an App,
// into a data directory that did not exist yet.
TEST_F(PackageLoadTest, TheCommandLineLoadsAPackageWithoutAnApp) {
  trust();
  put_package(package());
  const FolderLoad load = load_into_data_dir(data, usb, kNow);
  EXPECT_TRUE(load.loaded);
  EXPECT_TRUE(load.contest);
  EXPECT_NE(load.message.find("已加载竞赛“2026年鼓楼区安康杯安全知识竞赛”：40 道题，2 家企业，4 个班组"), std::string::npos)
      << load.message;
  EXPECT_EQ(enterprise_names(), (std::vector<std::string>{"福州港务集团", "闽江化工有限公司"}));
  ASSERT_TRUE(Store::open(data + "/kiosk.db").current_contest());
  EXPECT_EQ(Store::open(data + "/kiosk.db").current_contest()->id, "2026-gulou");
  App app(data);
  app.set_time(kNow, 1000);
  sign_in(app, "2001", "李强");
  EXPECT_EQ(app.screen(), Screen::mode) << "the kiosk starts with the package's roster";
}

TEST_F(PackageLoadTest, TheCommandLineLoadsQuestionFilesOrSaysWhyNot) {
  const FolderLoad none = load_into_data_dir(data, usb, kNow);
  EXPECT_FALSE(none.loaded);
  EXPECT_NE(none.message.find("文件夹中没有题库文件"), std::string::npos) << none.message;

  const std::vector<std::uint8_t> bytes = bank::write_questions(single_choice_paper(3), bank::Format::json);
  write_bytes(usb + "/questions.json", bytes);
  const int before = bank::Bank::open(data + "/bank.db").count(true);
  const FolderLoad load = load_into_data_dir(data, usb, kNow);
  EXPECT_TRUE(load.loaded);
  EXPECT_FALSE(load.contest);
  EXPECT_EQ(load.message, "已导入 3 题，重复 0 题");
  EXPECT_EQ(bank::Bank::open(data + "/bank.db").count(true), before + 3);
  EXPECT_EQ(load_into_data_dir(data, usb, kNow).message, "已导入 0 题，重复 3 题") << "loading again adds nothing";

  std::ofstream(usb + "/broken.json") << "[{\"type\": \"single\"";
  const FolderLoad broken = load_into_data_dir(data, usb, kNow);
  EXPECT_FALSE(broken.loaded);
  EXPECT_NE(broken.message.find("broken.json:"), std::string::npos) << "the problem names its file: " << broken.message;
}

// In English the kiosk tells the same things in English only, not both languages joined.
TEST_F(PackageLoadTest, TheLoaderSpeaksTheKiosksLanguageOnly) {
  ui::set_language(ui::Lang::en);
  const FolderLoad none = load_into_data_dir(data, usb, kNow);
  EXPECT_EQ(none.message, "no question files in " + usb);
  write_bytes(usb + "/questions.json", bank::write_questions(single_choice_paper(3), bank::Format::json));
  EXPECT_EQ(load_into_data_dir(data, usb, kNow).message, "imported 3 questions, 0 duplicates");
  trust();
  put_package(package());
  const FolderLoad load = load_into_data_dir(data, usb, kNow);
  ui::set_language(ui::Lang::zh);
  EXPECT_TRUE(load.loaded);
  EXPECT_EQ(load.message, "loaded the contest \"2026年鼓楼区安康杯安全知识竞赛\": 40 questions, 2 enterprises, 4 teams");
  EXPECT_EQ(load_into_data_dir(data, path("no-such-stick"), kNow).message, "找不到文件夹：" + path("no-such-stick"));
}

}  // namespace
}  // namespace ankang::testing
