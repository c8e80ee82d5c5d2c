// ankang package build | show: the signed contest package a kiosk loads from
// a USB stick (contest rules, questions, enterprises and teams).
#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/organiser.h"
#include "organiser/contest_package.h"
#include "results/error.h"
#include "results/package.h"
#include "results/store.h"

namespace ankang::cli {

namespace {

namespace fs = std::filesystem;

// Every problem printed as FILE:LINE[:COL]: [field: ]why, then the summary
// the command fails with.
void fail_on(const std::vector<organiser::Problem>& problems, const Text& summary) {
  if (problems.empty()) return;
  for (const auto& p : problems) std::fprintf(stderr, "%s\n", organiser::describe(p, locale_is_chinese()).c_str());
  fail(summary);
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
  static std::string key_dir, config_path, roster_path, out_path, from, until, check_db;
  static std::vector<std::string> bank_paths;
  build->add_option("--key", key_dir, "Folder of the organiser key (organiser.key, organiser.pub)")->required();
  build->add_option("--config", config_path, "Contest config JSON (its id and name name the contest)")->required();
  build->add_option("--bank", bank_paths, "Question files: CSV, TSV, XLSX, GIFT, Moodle XML, Aiken or JSON, or a question bank .db (repeatable)")->required();
  build->add_option("--roster", roster_path, "CSV or XLSX with the columns 统一社会信用代码, 企业名称, 班组 (one row per team)")
      ->required();
  build->add_option("--db", check_db, "Organiser store: refuse a roster enterprise it has not registered");
  build->add_option("--out", out_path, "The package to write (.ankpkg)")->required();
  build->add_option("--from", from, "First day of the contest, YYYY-MM-DD (China time; default today)");
  build->add_option("--until", until, "Last day of the contest, YYYY-MM-DD (default: one year after the first)");
  build->callback([] {
    run_organiser([] {
      organiser::PackageInput in;
      in.rules = organiser::read_contest_rules(config_path);
      fail_on(in.rules.problems, {config_path + "：竞赛配置有错误，未写出竞赛包", config_path + ": the contest config has problems; no package written"});
      fail_on(organiser::kiosk_rule_problems(in.rules),
              {config_path + "：答题终端还不能按这些规则主持，未写出竞赛包", config_path + ": the kiosks cannot host these rules yet; no package written"});
      for (const auto& path : bank_paths) {
        auto pool = organiser::read_question_source(path);
        fail_on(pool.problems, {path + "：题库文件有错误，未写出竞赛包", path + ": the question file has problems; no package written"});
        for (auto& q : pool.questions) in.questions.push_back(std::move(q));
      }
      fail_on(organiser::check_pool(in.rules.config, in.questions, "--bank"),
              {"题目不够，未写出竞赛包", "too few questions for the contest; no package written"});
      auto roster = organiser::read_roster_file(roster_path);
      fail_on(roster.problems, {std::to_string(roster.problems.size()) + " 处名单错误，未写出竞赛包",
                                std::to_string(roster.problems.size()) + " roster problem(s): no package written"});
      const auto window = organiser::read_validity(from, until, organiser::now_ms());
      fail_on(window.problems, {"有效期有错误，未写出竞赛包", "the validity dates have problems; no package written"});
      if (!check_db.empty()) {
        // Registered for the contest year of the package's first day.
        results::require_store_file(check_db);
        results::OrganiserStore store(check_db);
        const auto unregistered = organiser::check_roster_registered(roster, store, results::china_year(window.from_ms));
        fail_on(unregistered, {std::to_string(unregistered.size()) + " 家名单中的企业尚未报名，未写出竞赛包",
                               std::to_string(unregistered.size()) + " roster enterprise(s) not registered: no package written"});
      }
      in.roster = std::move(roster.enterprises);
      in.from_ms = window.from_ms;
      in.until_ms = window.until_ms;
      const auto p = organiser::make_package(in);
      const auto stem = (fs::path(key_dir) / "organiser").string();
      results::KeyPair key;
      key.secret_key = results::read_secret_key(stem + ".key");
      key.public_key = results::read_public_key(stem + ".pub");
      const auto w = organiser::write_package_file(p, key, out_path);
      std::printf(locale_is_chinese() ? "已写出竞赛包 %s：%s，%zu 道题，%zu 家企业，%zu 个班组，有效期 %s 至 %s\n"
                                      : "wrote %s: %s, %zu questions, %zu enterprises, %zu teams, valid %s to %s\n",
                  out_path.c_str(), p.contest_id.c_str(), w.questions, w.enterprises, w.teams,
                  results::china_date(w.from_ms).c_str(), results::china_date(w.until_ms).c_str());
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
