// ankang package build | show: the signed contest package a kiosk loads from
// a USB stick (contest rules, questions, enterprises and teams).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "cli/organiser.h"
#include "organiser/table_file.h"
#include "engine_io/config_json.h"
#include "question_bank/bank.h"
#include "question_bank/formats/format.h"
#include "results/error.h"
#include "results/package.h"
#include "results/store.h"

namespace ankang::cli {

namespace {

namespace fs = std::filesystem;

// Dates are days in China Standard Time (UTC+8), as organisers write them.
constexpr std::int64_t kChinaOffsetMs = 8 * 3600 * 1000;
constexpr std::int64_t kDayMs = 24 * 3600 * 1000;

// Unix ms of 00:00 CST of "YYYY-MM-DD"; fails naming the option.
std::int64_t day_start_ms(const std::string& option, const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    fail({option + "：日期应写作 YYYY-MM-DD，而不是“" + text + "”", option + ": a date is YYYY-MM-DD, not '" + text + "'"});
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok() || y < 2000 || y > 2200) fail({option + "：没有这一天：" + text, option + ": no such day: " + text});
  const auto days = std::chrono::sys_days{ymd}.time_since_epoch().count();
  return static_cast<std::int64_t>(days) * kDayMs - kChinaOffsetMs;
}

std::string read_text_file(const std::string& path) {
  const auto bytes = results::read_file(path, 16u << 20);
  return std::string(bytes.begin(), bytes.end());
}

// The contest rules: parsed and validated as `ankang contest check` does.
io::LoadedConfig read_config(const std::string& path, std::string& text) {
  text = read_text_file(path);
  auto loaded = io::parse_config(text);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s", io::describe_problems(path, loaded.problems, locale_is_chinese()).c_str());
    fail({path + "：竞赛配置有错误，未写出竞赛包", path + ": the contest config has problems; no package written"});
  }
  if (loaded.config.id.empty() || loaded.config.id.size() > 64)
    fail({path + ": id：竞赛编号应为 1 到 64 个字节", path + ": id: the contest id must be 1 to 64 bytes"});
  return loaded;
}

// The questions of one file in any format `bank import` reads; every
// problem printed as FILE:LINE[:COL]: why. Questions get a lasting id here.
std::vector<Question> read_questions(const std::string& path) {
  const auto bytes = results::read_file(path, 256u << 20);
  const auto format = bank::detect_format(path, bytes);
  if (!format) fail({path + "：无法识别的题库格式", path + ": not a question file format Ankang reads"});
  auto parsed = bank::parse_questions(path, bytes, *format);
  for (const auto& d : parsed.file_errors) std::fprintf(stderr, "%s\n", bank::format_diagnostic(d, locale_is_chinese()).c_str());
  for (const auto& r : parsed.rejected)
    for (const auto& d : r.reasons) std::fprintf(stderr, "%s\n", bank::format_diagnostic(d, locale_is_chinese()).c_str());
  if (!parsed.ok()) fail({path + "：题库文件有错误，未写出竞赛包", path + ": the question file has problems; no package written"});
  if (parsed.questions.empty()) fail({path + "：文件中没有题目", path + ": the file holds no question"});
  std::vector<Question> out;
  const auto name = fs::path(path).filename().string();
  for (auto& p : parsed.questions) {
    if (p.question.id.empty()) p.question.id = bank::new_uuid();
    if (p.question.source.empty()) p.question.source = name;
    out.push_back(std::move(p.question));
  }
  return out;
}

std::vector<results::RosterEnterprise> read_roster_file(const std::string& path) {
  std::vector<results::Row> rows;
  try {
    rows = organiser::read_table_file(path);
  } catch (const results::ResultsError& e) {
    fail(e.text());
  }
  auto roster = results::read_roster(rows);
  for (const auto& p : roster.problems) {
    std::string where = path + ":" + std::to_string(p.line) + (p.column > 0 ? ":" + std::to_string(p.column) : "");
    std::fprintf(stderr, "%s: %s%s\n", where.c_str(), p.field.empty() ? "" : (p.field + ": ").c_str(),
                 localized(p.message).c_str());
  }
  if (!roster.problems.empty())
    fail({std::to_string(roster.problems.size()) + " 处名单错误，未写出竞赛包",
          std::to_string(roster.problems.size()) + " roster problem(s): no package written"});
  return std::move(roster.enterprises);
}

nlohmann::ordered_json package_json(const results::ContestPackage& p) {
  nlohmann::ordered_json j;
  j["contest_id"] = p.contest_id;
  j["name"] = p.name;
  j["valid_from"] = results::china_date(p.valid_from_ms);
  j["valid_until"] = results::china_date(p.valid_until_ms);
  j["valid_from_ms"] = p.valid_from_ms;
  j["valid_until_ms"] = p.valid_until_ms;
  j["questions"] = p.question_ids.size();
  j["bank_bytes"] = p.bank_subset.size();
  auto& roster = j["enterprises"] = nlohmann::ordered_json::array();
  for (const auto& e : p.roster) roster.push_back({{"uscc", e.uscc}, {"name", e.name}, {"teams", e.teams}});
  return j;
}

}  // namespace

void add_package_commands(CLI::App& app) {
  auto* pkg = app.add_subcommand("package", "Contest packages for the kiosks (竞赛包): build, show");
  pkg->require_subcommand(1);

  auto* build = pkg->add_subcommand("build", "Build and sign a contest package: rules, questions, enterprises and teams");
  static std::string key_dir, config_path, roster_path, out_path, from, until;
  static std::vector<std::string> bank_paths;
  build->add_option("--key", key_dir, "Folder of the organiser key (organiser.key, organiser.pub)")->required();
  build->add_option("--config", config_path, "Contest config JSON (its id and name name the contest)")->required();
  build->add_option("--bank", bank_paths, "Question files: CSV, TSV, XLSX, GIFT, Moodle XML, Aiken or JSON (repeatable)")->required();
  build->add_option("--roster", roster_path, "CSV or XLSX with the columns 统一社会信用代码, 企业名称, 班组 (one row per team)")
      ->required();
  build->add_option("--out", out_path, "The package to write (.ankpkg)")->required();
  build->add_option("--from", from, "First day of the contest, YYYY-MM-DD (China time; default today)");
  build->add_option("--until", until, "Last day of the contest, YYYY-MM-DD (default: one year after the first)");
  build->callback([] {
    run_organiser([] {
      results::ContestPackage p;
      const auto loaded = read_config(config_path, p.config_json);
      p.contest_id = loaded.config.id;
      p.name = loaded.config.name.empty() ? loaded.config.id : loaded.config.name;
      std::vector<Question> questions;
      for (const auto& path : bank_paths)
        for (auto& q : read_questions(path)) questions.push_back(std::move(q));
      for (const auto& q : questions) p.question_ids.push_back(q.id);
      p.bank_subset = bank::write_questions(questions, bank::Format::json);
      p.roster = read_roster_file(roster_path);
      const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch()).count();
      p.valid_from_ms = from.empty() ? (now + kChinaOffsetMs) / kDayMs * kDayMs - kChinaOffsetMs : day_start_ms("--from", from);
      p.valid_until_ms = (until.empty() ? p.valid_from_ms + 365 * kDayMs : day_start_ms("--until", until) + kDayMs) - 1;
      if (p.valid_until_ms < p.valid_from_ms)
        fail({"--until 早于 --from", "--until is before --from"});
      const auto stem = (fs::path(key_dir) / "organiser").string();
      results::KeyPair key;
      key.secret_key = results::read_secret_key(stem + ".key");
      key.public_key = results::read_public_key(stem + ".pub");
      const auto bytes = results::write_package(p, key);
      // Read back with the public key: a key pair that does not match is
      // found here, not on the kiosk.
      results::read_package(bytes, key.public_key);
      results::write_file_atomic(out_path, bytes);
      std::size_t teams = 0;
      for (const auto& e : p.roster) teams += e.teams.size();
      std::printf(locale_is_chinese() ? "已写出竞赛包 %s：%s，%zu 道题，%zu 家企业，%zu 个班组，有效期 %s 至 %s\n"
                                      : "wrote %s: %s, %zu questions, %zu enterprises, %zu teams, valid %s to %s\n",
                  out_path.c_str(), p.contest_id.c_str(), p.question_ids.size(), p.roster.size(), teams,
                  results::china_date(p.valid_from_ms).c_str(), results::china_date(p.valid_until_ms).c_str());
    });
  });

  auto* show = pkg->add_subcommand("show", "Verify a contest package and print what it holds as JSON");
  static std::string show_file, show_key;
  show->add_option("FILE", show_file, "The package (.ankpkg)")->required();
  show->add_option("--key", show_key, "The organiser's public key: organiser.pub or 64 hex digits")->required();
  show->callback([] {
    run_organiser([] {
      const auto p = results::read_package_file(show_file, results::parse_public_key(show_key));
      std::printf("%s\n", package_json(p).dump(2).c_str());
    });
  });
}

}  // namespace ankang::cli
