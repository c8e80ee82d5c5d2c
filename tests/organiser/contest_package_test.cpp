// Building a contest package as `ankang package build` and the console do:
// bad rules located, too few questions refused, and a package written into a
// folder with organiser.pub, read back and its signature verified.
#include "organiser/contest_package.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine_io/config_json.h"
#include "question_bank/formats/format.h"
#include "question_bank/starter_bank.h"
#include "results/error.h"
#include "tests/support/run_command.h"

namespace ankang::organiser {
namespace {

namespace fs = std::filesystem;

class ContestPackageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("ankang-contest-package-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string file(const std::string& name) const { return (dir / name).string(); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name), std::ios::binary) << text;
    return file(name);
  }
  // A bank .db seeded with the starter bank.
  std::string starter_db() const {
    const auto path = file("bank.db");
    auto b = bank::Bank::open(path);
    bank::load_starter_bank(b);
    return path;
  }
  ContestRules builtin(const std::string& name) const {
    for (const auto& b : builtin_contests())
      if (b.file == name) return parse_contest_rules(b.file, b.json);
    ADD_FAILURE() << "no built-in " << name;
    return {};
  }
  fs::path dir;
};

TEST_F(ContestPackageTest, EveryBuiltInContestParsesAndIsSummarized) {
  const auto all = builtin_contests();
  ASSERT_EQ(all.size(), 5u);
  for (const auto& b : all) {
    const auto rules = parse_contest_rules(b.file, b.json);
    EXPECT_TRUE(rules.ok()) << b.file << ": " << (rules.problems.empty() ? "" : describe(rules.problems[0], false));
    EXPECT_FALSE(summarize_rules(rules.config).empty()) << b.file;
  }
  const auto team = summarize_rules(builtin("team.json").config);
  // The team final: 5 rounds, each on a line after the heading.
  ASSERT_EQ(team.size(), 6u);
  EXPECT_NE(team[0].zh.find("2 至 12 个班组"), std::string::npos) << team[0].zh;
  EXPECT_NE(team[2].zh.find("抢答题：共 6 题，每题 20 秒"), std::string::npos) << team[2].zh;
  const auto timed = summarize_rules(builtin("timed_test.json").config);
  EXPECT_NE(timed[1].zh.find("试卷 20 题，每题 45 秒，全卷限时 15 分钟"), std::string::npos) << timed[1].zh;
}

// Rules the kiosks cannot host yet make no package: each is named at its
// line; the rules every kiosk runs pass.
TEST_F(ContestPackageTest, RulesTheKiosksCannotHostYetAreRefusedAtTheirFields) {
  for (const char* name : {"practice.json", "timed_test.json", "team.json", "distributed.json"})
    EXPECT_TRUE(kiosk_rule_problems(builtin(name)).empty()) << name;
  const auto onsite = builtin("onsite_final.json");
  ASSERT_TRUE(onsite.ok());
  const auto problems = kiosk_rule_problems(onsite);
  ASSERT_FALSE(problems.empty());
  for (const auto& p : problems) {
    EXPECT_GT(p.line, 0) << p.field;
    EXPECT_NE(p.message.zh.find("答题终端的主持模式还不支持"), std::string::npos) << p.message.zh;
  }
  const auto audience = std::find_if(problems.begin(), problems.end(), [](const Problem& p) { return p.message.zh.find("互动题") != std::string::npos; });
  EXPECT_NE(audience, problems.end());

  const std::string ankang = std::string(ANKANG_BIN_DIR) + "/ankang";
  ASSERT_EQ(test::run(ankang + " keys init --dir " + file("org")).status, 0);
  const auto roster = write("roster.csv", "统一社会信用代码,企业名称,班组\n91350100MA2Y00001H,福州港务集团,装卸一班\n91350100MA2Y00001H,福州港务集团,装卸二班\n");
  const auto r = test::run("LANG=C " + ankang + " package build --key " + file("org") + " --config " + std::string(ANKANG_SOURCE_DIR) +
                           "/data/contests/onsite_final.json --bank " + starter_db() + " --roster " + roster + " --out " + file("o.ankpkg"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("the kiosks' host mode does not run audience"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(file("o.ankpkg")));
}

TEST_F(ContestPackageTest, BadRulesAreLocatedByLineColumnAndField) {
  // A syntax error: the missing comma at the end of line 2.
  auto rules = read_contest_rules(write("syntax.json", "{\n  \"id\": \"x\"\n  \"name\": \"y\"\n}\n"));
  ASSERT_EQ(rules.problems.size(), 1u);
  EXPECT_EQ(rules.problems[0].file, file("syntax.json"));
  EXPECT_EQ(rules.problems[0].line, 3);
  EXPECT_GT(rules.problems[0].column, 0);

  // A field of the wrong type, found at the line its key is on.
  rules = read_contest_rules(write("field.json",
                                   "{\n  \"id\": \"x\",\n  \"format\": \"timed_test\",\n  \"question_count\": \"twenty\"\n}\n"));
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.problems[0].field, "question_count");
  EXPECT_EQ(rules.problems[0].line, 4);
  EXPECT_EQ(rules.problems[0].column, 3);
  EXPECT_NE(describe(rules.problems[0], false).find("field.json:4:3: question_count: "), std::string::npos)
      << describe(rules.problems[0], false);

  // A field inside a round: the line of that round's key.
  rules = parse_contest_rules("rounds.json",
                              "{\n  \"id\": \"x\",\n  \"format\": \"team\",\n  \"rounds\": [\n"
                              "    { \"kind\": \"compulsory\", \"questions\": 1 },\n"
                              "    { \"kind\": \"sideways\", \"questions\": 1 }\n  ]\n}\n");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.problems[0].field, "rounds[1].kind");
  EXPECT_EQ(rules.problems[0].line, 6);

  // The id the package needs: at most 64 bytes.
  rules = parse_contest_rules("longid.json", "{\"id\": \"" + std::string(65, 'x') +
                                                 "\", \"name\": \"n\", \"format\": \"timed_test\", \"question_count\": 5}");
  ASSERT_EQ(rules.problems.size(), 1u);
  EXPECT_EQ(rules.problems[0].field, "id");
  EXPECT_EQ(rules.problems[0].line, 1);
  EXPECT_EQ(rules.problems[0].column, 2);

  // No such file: one problem for the file as a whole.
  rules = read_contest_rules(file("missing.json"));
  ASSERT_EQ(rules.problems.size(), 1u);
  EXPECT_EQ(rules.problems[0].line, 0);
}

TEST_F(ContestPackageTest, TooFewQuestionsAreRefusedNamingNeededAndAvailable) {
  const auto all = bank::starter_questions();
  const std::vector<Question> five(all.begin(), all.begin() + 5);
  const auto timed = builtin("timed_test.json").config;
  auto problems = check_pool(timed, five, "bank.db");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.zh.find("需要 20 题，只有 5 题"), std::string::npos) << problems[0].message.zh;
  EXPECT_NE(problems[0].message.en.find("needs 20, there are 5"), std::string::npos) << problems[0].message.en;

  // The team final with 2 teams: 2x2 + 6 + 2x1 + 2x8 = 28, and 5 tie-breakers.
  const auto team = builtin("team.json").config;
  EXPECT_EQ(questions_required(team, team.min_teams), 33);
  const std::vector<Question> thirty(all.begin(), all.begin() + 30);
  problems = check_pool(team, thirty, "bank.db");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.en.find("a contest of 2 teams needs 33, there are 30"), std::string::npos);
  EXPECT_EQ(teams_supported(team, 30), 0);
  EXPECT_EQ(teams_supported(team, 44), 3);  // 3x11 + 6 + 5
  EXPECT_TRUE(check_pool(team, all, "bank.db").empty());

  // Practice: a category the pool has no question of.
  auto practice = builtin("practice.json").config;
  practice.categories.push_back("没有这个分类");
  problems = check_pool(practice, all, "bank.db");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "categories[3]");

  // A team round's category, the same.
  auto onsite = builtin("onsite_final.json").config;
  EXPECT_TRUE(check_pool(onsite, all, "bank.db").empty());
  onsite.rounds[1].categories = {"消防安全", "没有这个分类"};
  problems = check_pool(onsite, all, "bank.db");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "rounds[1].categories[1]");
  EXPECT_EQ(problems[0].message.zh, "分类“没有这个分类”中没有题目");

  EXPECT_EQ(check_pool(timed, {}, "bank.db").size(), 1u);
}

TEST_F(ContestPackageTest, TheWorkspaceBankIsAQuestionSource) {
  const auto db = starter_db();
  const auto pool = read_question_source(db);
  ASSERT_TRUE(pool.ok()) << describe(pool.problems[0], false);
  EXPECT_EQ(pool.questions.size(), bank::starter_questions().size());
  EXPECT_FALSE(pool.questions[0].id.empty());

  // An empty bank, and a question file with a bad record, located.
  { auto empty = bank::Bank::open(file("empty.db")); }
  EXPECT_FALSE(read_question_source(file("empty.db")).ok());
  const auto bad = read_question_source(write("q.csv", "题型,题干\n单选,\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.problems[0].line, 2);
  EXPECT_NE(describe(bad.problems[0], false).find("q.csv:2"), std::string::npos);
}

TEST_F(ContestPackageTest, DatesAreWholeChinaDaysAndBadOnesAreNamed) {
  auto v = read_validity("2026-04-01", "2026-06-30", 0);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v.from_ms, 1774972800000);
  EXPECT_EQ(v.until_ms, 1782835200000 - 1);
  // Defaults: today (China time) for a year.
  v = read_validity("", "", 1774972800000 + 3600 * 1000);
  EXPECT_EQ(china_day(v.from_ms), "2026-04-01");
  EXPECT_EQ(china_day(v.until_ms), "2027-03-31");
  v = read_validity("2026-02-30", "", 0, {"开始日期", "First day"}, {"结束日期", "Last day"});
  ASSERT_EQ(v.problems.size(), 1u);
  EXPECT_EQ(v.problems[0].field, "from");
  EXPECT_NE(v.problems[0].message.zh.find("开始日期：没有这一天：2026-02-30"), std::string::npos);
  v = read_validity("2026-06-01", "2026-05-01", 0);
  ASSERT_EQ(v.problems.size(), 1u);
  EXPECT_EQ(v.problems[0].field, "until");
  EXPECT_FALSE(read_validity("4/1/2026", "", 0).ok());
}

TEST_F(ContestPackageTest, APackageIsWrittenWithTheKeyAndReadBackVerified) {
  const auto db = starter_db();
  PackageInput in;
  in.rules = builtin("timed_test.json");
  in.questions = read_question_source(db).questions;
  in.roster = {{"91350100MA2Y00001H", "福州港务集团", {"装卸一班", "机修班"}}};
  const auto window = read_validity("2026-04-01", "2026-06-30", 0);
  in.from_ms = window.from_ms;
  in.until_ms = window.until_ms;
  const auto package = make_package(in);
  EXPECT_EQ(package.contest_id, "2026-ankang-individual");
  EXPECT_EQ(package.config_json, in.rules.json);

  const auto key = results::generate_key_pair();
  const auto stick = file("STICK");
  fs::create_directories(stick);
  const auto w = write_package_to_folder(package, key, stick);
  EXPECT_EQ(w.file, stick + "/2026-ankang-individual.ankpkg");
  EXPECT_EQ(w.questions, in.questions.size());
  EXPECT_EQ(w.enterprises, 1u);
  EXPECT_EQ(w.teams, 2u);
  EXPECT_EQ(w.fingerprint, results::fingerprint(key.public_key));

  // A kiosk trusts the organiser.pub beside it, and the package verifies with it.
  const auto pub = results::read_public_key(stick + "/organiser.pub");
  EXPECT_EQ(pub, key.public_key);
  const auto back = results::read_package_file(w.file, pub);
  EXPECT_EQ(back, package);
  const auto parsed = bank::parse_questions("q", back.bank_subset, bank::Format::json);
  EXPECT_EQ(parsed.questions.size(), in.questions.size());
  // Another organiser's key: refused.
  EXPECT_THROW(results::read_package_file(w.file, results::generate_key_pair().public_key), results::ResultsError);

  // Built again into the same folder: replaced. Another contest there: refused.
  EXPECT_NO_THROW(write_package_to_folder(package, key, stick));
  in.contest_id = "2026-other";
  in.name = "另一场竞赛";
  const auto other = make_package(in);
  const auto config = io::parse_config(other.config_json);
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config.config.id, "2026-other");
  EXPECT_EQ(config.config.name, "另一场竞赛");
  try {
    write_package_to_folder(other, key, stick);
    FAIL() << "a second package was written beside the first";
  } catch (const results::ResultsError& e) {
    EXPECT_NE(e.text().zh.find("已有另一个竞赛包 2026-ankang-individual.ankpkg"), std::string::npos) << e.text().zh;
  }
  EXPECT_FALSE(fs::exists(stick + "/2026-other.ankpkg"));

  // A key pair that does not match is found before anything is written.
  results::KeyPair mismatched = key;
  mismatched.public_key = results::generate_key_pair().public_key;
  EXPECT_THROW(write_package_file(package, mismatched, file("x.ankpkg")), results::ResultsError);
  EXPECT_FALSE(fs::exists(file("x.ankpkg")));
}

TEST_F(ContestPackageTest, APreviewDrawsThePaperTheSameSeedTheSamePaper) {
  auto b = bank::Bank::open(starter_db());
  const auto timed = builtin("timed_test.json").config;
  const auto a = draw_preview(b, timed, 1, 7);
  ASSERT_EQ(a.size(), 20u);
  const auto again = draw_preview(b, timed, 1, 7);
  EXPECT_EQ(a, again);
  const auto other = draw_preview(b, timed, 1, 8);
  EXPECT_NE(a, other);
  const auto team = builtin("team.json").config;
  EXPECT_EQ(draw_preview(b, team, 3, 1).size(), 44u);
  auto empty = bank::Bank::open(":memory:");
  EXPECT_THROW(draw_preview(empty, timed, 1, 1), bank::BankError);
}

// The summary the console shows names the on-site rules.
TEST_F(ContestPackageTest, TheSummaryNamesTheOnsiteRules) {
  std::string zh, en;
  for (const auto& line : summarize_rules(builtin("onsite_final.json").config)) {
    zh += line.zh + "\n";
    en += line.en + "\n";
  }
  for (const char* part : {"每组起始分 100 分\n", "每组可求助 1 次，每次加时 30 秒\n",
                           "题目：全员安全生产责任制、消防安全；单选题、判断题\n", "观众答题 3 题，不计分，题目：判断题\n",
                           "分值 10/20/30 分自选（对应难度 1、2/3/4、5），可指定其他组作答"})
    EXPECT_NE(zh.find(part), std::string::npos) << part << "\n" << zh;
  for (const char* part : {"Every team starts with 100 points", "1 lifeline(s) per team, each adding 30 s",
                           "stakes 10/20/30 (difficulty 1,2 / 3 / 4,5), may designate another team",
                           "questions: single, multiple; difficulty 1, 2, 3"})
    EXPECT_NE(en.find(part), std::string::npos) << part << "\n" << en;
}

// A team contest's paper comes round by round, each round's part from its own
// categories, types and difficulties (data/contests/onsite_final.json).
TEST_F(ContestPackageTest, EachRoundIsDrawnFromItsOwnSource) {
  auto b = bank::Bank::open(starter_db());
  const auto onsite = builtin("onsite_final.json").config;
  const int teams = 3;
  const auto bp = contest_blueprint(onsite, 0, teams);
  ASSERT_EQ(bp.strata.size(), 4u + 2u + 1u + 3u + 1u);  // 2 categories x 2 types, 2 types, 1, 3 stakes, 1
  EXPECT_EQ(bp.strata[0].category, (std::vector<std::string>{"全员安全生产责任制"}));
  EXPECT_EQ(bp.strata[0].type, QuestionType::single);
  EXPECT_EQ(bp.strata[3].category, (std::vector<std::string>{"消防安全"}));
  EXPECT_EQ(bp.strata[3].type, QuestionType::true_false);
  const auto paper = draw_preview(b, onsite, teams, 5);
  ASSERT_EQ(static_cast<int>(paper.size()), questions_required(onsite, teams));
  for (int r = 0; r < static_cast<int>(onsite.rounds.size()); ++r) {
    const RoundConfig& round = onsite.rounds[static_cast<std::size_t>(r)];
    const int start = round_paper_start(onsite, teams, r);
    for (int i = start; i < start + round_questions(round, teams); ++i) {
      const Question& q = paper[static_cast<std::size_t>(i)];
      const auto allowed = [](const auto& list, const auto& value) {
        return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
      };
      EXPECT_TRUE(allowed(round.types, q.type)) << "round " << r << " q " << i;
      EXPECT_TRUE(allowed(round.difficulty, q.difficulty)) << "round " << r << " q " << i;
      if (!round.stake_difficulty.empty()) {  // the part of stake (i - start) / (questions x teams)
        const auto stake = static_cast<std::size_t>((i - start) / (round.questions * teams));
        EXPECT_TRUE(allowed(round.stake_difficulty[stake], q.difficulty)) << "round " << r << " q " << i;
      }
      EXPECT_TRUE(allowed(round.categories, q.category.front())) << "round " << r << " q " << i;
    }
  }
}

// `ankang package build` takes the bank the console keeps, and refuses a
// pool too small for the contest with its numbers.
TEST_F(ContestPackageTest, TheCommandBuildsFromABankAndRefusesTooFewQuestions) {
  const std::string ankang = std::string(ANKANG_BIN_DIR) + "/ankang";
  const std::string source = ANKANG_SOURCE_DIR;
  ASSERT_EQ(test::run(ankang + " keys init --dir " + file("org")).status, 0);
  const auto roster = write("roster.csv", "统一社会信用代码,企业名称,班组\n91350100MA2Y00001H,福州港务集团,装卸一班\n");
  const auto db = starter_db();
  const auto build = [&](const std::string& config, const std::string& bank) {
    return test::run("LANG=C " + ankang + " package build --key " + file("org") + " --config " + config + " --bank " + bank +
                     " --roster " + roster + " --out " + file("c.ankpkg") + " --from 2026-04-01 --until 2026-06-30");
  };
  auto r = build(source + "/data/contests/team.json", db);
  ASSERT_EQ(r.status, 0) << r.output;
  const auto p = results::read_package_file(file("c.ankpkg"), results::read_public_key(file("org/organiser.pub")));
  EXPECT_EQ(p.question_ids.size(), bank::starter_questions().size());
  fs::remove(file("c.ankpkg"));

  // Five questions for a 20-question paper.
  const auto all = bank::starter_questions();
  const std::vector<Question> some(all.begin(), all.begin() + 5);
  const auto bytes = bank::write_questions(some, bank::Format::json);
  write("five.json", std::string(bytes.begin(), bytes.end()));
  r = build(source + "/data/contests/timed_test.json", file("five.json"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("one paper needs 20, there are 5"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(file("c.ankpkg")));

  // A config with a bad field: located.
  r = build(write("bad.json", "{\n  \"id\": \"x\",\n  \"name\": \"x\",\n  \"question_count\": -1\n}\n"), db);
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("bad.json:4:3: question_count: "), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(file("c.ankpkg")));
}

}  // namespace
}  // namespace ankang::organiser

namespace ankang::organiser {
namespace {

// With --db, a roster enterprise the organiser store has not registered is
// refused at its line; registered, the same roster builds.
TEST_F(ContestPackageTest, WithTheStoreTheRosterMayNameOnlyRegisteredEnterprises) {
  const std::string ankang = std::string(ANKANG_BIN_DIR) + "/ankang";
  const std::string source = ANKANG_SOURCE_DIR;
  ASSERT_EQ(test::run(ankang + " keys init --dir " + file("org")).status, 0);
  const auto roster = write("roster.csv", "统一社会信用代码,企业名称,班组\n"
                                          "91350100MA2Y00001H,福州港务集团,装卸一班\n"
                                          "91350100MA2Y00002L,闽江化工有限公司,储运班\n");
  const auto store_path = file("org.db");
  {
    results::OrganiserStore store(store_path);
    store.add_enterprise({"91350100MA2Y00001H", "福州港务集团", "industry", "市交通运输工会", 300, true}, results::current_contest_year());
  }
  const auto build = [&] {
    return test::run("LANG=C " + ankang + " package build --key " + file("org") + " --config " + source +
                     "/data/contests/team.json --bank " + starter_db() + " --roster " + roster + " --db " + store_path +
                     " --out " + file("c.ankpkg"));
  };
  auto r = build();
  EXPECT_NE(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("roster.csv:3:1"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("91350100MA2Y00002L"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("91350100MA2Y00001H"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(file("c.ankpkg")));

  {
    results::OrganiserStore store(store_path);
    store.add_enterprise({"91350100MA2Y00002L", "闽江化工有限公司", "district", "鼓楼区总工会", 120, true}, results::current_contest_year());
  }
  r = build();
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(fs::exists(file("c.ankpkg")));

  // Registered for another year only: not registered for this package's.
  fs::remove(file("c.ankpkg"));
  const auto other = file("other.db");
  {
    results::OrganiserStore store(other);
    store.add_enterprise({"91350100MA2Y00001H", "福州港务集团", "industry", "市交通运输工会", 300, true}, results::current_contest_year());
    store.add_enterprise({"91350100MA2Y00002L", "闽江化工有限公司", "district", "鼓楼区总工会", 120, true},
                         results::current_contest_year() - 1);
  }
  r = test::run("LANG=C " + ankang + " package build --key " + file("org") + " --config " + source + "/data/contests/team.json --bank " +
                starter_db() + " --roster " + roster + " --db " + other + " --out " + file("c.ankpkg"));
  EXPECT_NE(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("(91350100MA2Y00002L) is not registered for " + std::to_string(results::current_contest_year())),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(file("c.ankpkg")));
}

}  // namespace
}  // namespace ankang::organiser
