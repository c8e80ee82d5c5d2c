// ankang results verify | show | import | simulate
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "cli/organiser.h"
#include "organiser/collect.h"
#include "results/bundle.h"
#include "results/error.h"
#include "results/simulate.h"
#include "results/store.h"

namespace ankang::cli {

namespace {

const char* say(const char* zh, const char* en) { return locale_is_chinese() ? zh : en; }

}  // namespace

void add_results_commands(CLI::App& app) {
  auto* res = app.add_subcommand("results", "Score bundles: verify, inspect, import, simulate");
  res->require_subcommand(1);

  // verify
  auto* verify = res->add_subcommand("verify", "Check bundles against the registered kiosks; exit 0 only if all are valid");
  static std::string verify_db, verify_contest;
  static std::vector<std::string> verify_files;
  verify->add_option("--db", verify_db, "Organiser store holding the registered kiosks")->required();
  verify->add_option("--contest", verify_contest, "Refuse bundles of any other contest");
  verify->add_option("BUNDLE", verify_files, "Bundle files or folders")->required();
  verify->callback([] {
    run_organiser([] {
      results::require_store_file(verify_db);
      results::OrganiserStore store(verify_db);
      results::VerifyOptions options;
      options.expected_contest_id = verify_contest;
      int bad = 0;
      for (const auto& f : organiser::bundle_files(verify_files)) {
        try {
          auto b = results::read_bundle_file(f, store.lookup(), options);
          std::printf("%s %s: %s %s, %s %llu, %u %s\n", say("有效", "valid"), f.c_str(), say("终端", "device"),
                      results::to_hex(b.header.device_id).c_str(), say("序号", "sequence"),
                      static_cast<unsigned long long>(b.header.sequence), b.header.record_count, say("条答题记录", "answers"));
        } catch (const results::ResultsError& e) {
          ++bad;
          std::printf("%s %s: %s\n", say("无效", "INVALID"), f.c_str(), localized(e.text()).c_str());
        }
      }
      if (bad) fail({std::to_string(bad) + " 个成绩包无效", std::to_string(bad) + " bundle(s) invalid"});
    });
  });

  // show
  auto* show = res->add_subcommand("show", "Print a verified bundle as JSON");
  static std::string show_db, show_key, show_file;
  show->add_option("--db", show_db, "Organiser store holding the registered kiosks");
  show->add_option("--pubkey", show_key, "Or the kiosk's public key (file or hex)");
  show->add_option("BUNDLE", show_file, "Bundle file")->required();
  show->callback([] {
    run_organiser([] {
      if (show_db.empty() == show_key.empty())
        fail({"请给出 --db 或 --pubkey 之一：未验证签名的成绩包不予解析", "give one of --db or --pubkey: an unverified bundle is not parsed"});
      results::Bundle b;
      if (!show_db.empty()) {
        results::require_store_file(show_db);
      results::OrganiserStore store(show_db);
        b = results::read_bundle_file(show_file, store.lookup());
      } else {
        auto key = results::parse_public_key(show_key);
        b = results::read_bundle_file(show_file, [&](const results::DeviceId& id) -> std::optional<results::PublicKey> {
          if (id == results::device_id_of(key)) return key;
          return std::nullopt;
        });
      }
      std::fputs(results::bundle_to_json(b).c_str(), stdout);
    });
  });

  // import
  auto* imp = res->add_subcommand("import", "Verify and import bundles; importing one again adds nothing");
  static std::string import_db, import_contest;
  static std::vector<std::string> import_files;
  imp->add_option("--db", import_db, "Organiser store (SQLite)")->required();
  imp->add_option("--contest", import_contest, "Refuse bundles of any other contest");
  imp->add_option("BUNDLE", import_files, "Bundle files or folders (*.ankb)")->required();
  imp->callback([] {
    run_organiser([] {
      results::OrganiserStore store(import_db);
      results::VerifyOptions options;
      options.expected_contest_id = import_contest;
      auto c = organiser::collect_bundles(store, organiser::bundle_files(import_files), options);
      for (const auto& out : c.files) {
        if (out.status == results::ImportOutcome::Status::refused)
          std::printf("%s %s: %s\n", say("拒绝", "REFUSED"), out.source.c_str(), localized(out.reason).c_str());
        for (const auto& note : out.notes)
          std::printf("%s %s: %s\n", say("注意", "note"), out.source.c_str(), localized(note).c_str());
      }
      for (const auto& gap : c.gaps) std::printf("%s %s\n", say("缺号", "gap"), localized(gap).c_str());
      std::printf("%s %d, %s %d, %s %d, %s %ld, %s %ld\n", say("已导入", "imported"), c.imported, say("重复（未改变）", "already imported"),
                  c.already, say("拒绝", "refused"), c.refused, say("新增答题记录", "answers added"), c.answers,
                  say("新增班组赛成绩", "team results added"), c.team_results);
      if (c.refused) fail({std::to_string(c.refused) + " 个成绩包被拒绝", std::to_string(c.refused) + " bundle(s) refused"});
    });
  });

  // teams
  auto* teams = res->add_subcommand("teams", "List the stored standings of team contests (班组赛)");
  static std::string teams_db;
  static int teams_year = 0;
  teams->add_option("--db", teams_db, "Organiser store (SQLite)")->required();
  teams->add_option("--year", teams_year, "Only contests that started in this year (China time)");
  teams->callback([] {
    run_organiser([] {
      results::require_store_file(teams_db);
      results::OrganiserStore store(teams_db);
      std::optional<int> year;
      if (teams_year != 0) year = teams_year;
      std::string contest;
      for (const auto& r : store.team_results(year)) {
        const auto id = results::uuid_to_string(r.contest);
        if (id != contest) {
          contest = id;
          std::printf("%s %s (%s)\n", say("班组赛", "team contest"), id.c_str(), r.contest_id.c_str());
        }
        const auto name = r.registered ? r.enterprise : std::string(say("未登记企业", "unregistered enterprise"));
        std::printf("  %lld\t%s\t%s %s\t%.2f %s\t%lld %s\t%lld %s\n", static_cast<long long>(r.rank), r.team.c_str(),
                    name.c_str(), r.uscc.c_str(), static_cast<double>(r.centipoints) / 100.0, say("分", "points"),
                    static_cast<long long>(r.correct), say("题正确", "correct"), static_cast<long long>(r.fouls), say("次犯规", "fouls"));
      }
    });
  });

  // simulate
  auto* sim = res->add_subcommand("simulate", "Write realistic signed bundles, the enterprise list and the kiosk keys");
  static std::string sim_out;
  static results::SimulationOptions so;
  sim->add_option("--out", sim_out, "Output folder")->required();
  sim->add_option("--enterprises", so.enterprises, "Enterprises")->default_val(20);
  sim->add_option("--kiosks", so.kiosks, "Kiosks")->default_val(4);
  sim->add_option("--workers", so.workers, "Workers, each taking one test")->default_val(500);
  sim->add_option("--seed", so.seed, "Seed: the same seed gives the same files")->default_val(1);
  sim->add_option("--year", so.year, "Contest year")->default_val(2026);
  sim->add_option("--questions", so.questions_per_paper, "Questions per paper")->default_val(20);
  sim->add_option("--per-bundle", so.attempts_per_bundle, "Attempts per bundle")->default_val(5);
  sim->add_option("--contest", so.contest_id, "Contest id")->default_val("ankang-sim");
  sim->callback([] {
    run_organiser([] {
      if (so.enterprises < 1 || so.kiosks < 1 || so.workers < 0 || so.questions_per_paper < 1 || so.attempts_per_bundle < 1)
        fail({"数量参数须为正数", "counts must be positive"});
      auto s = results::simulate(so);
      results::write_simulation(s, sim_out);
      std::printf("%s %zu, %s %zu, %s %zu\n%s:\n  ankang device add --db ORG.db %s/devices/kiosk-001.pub ...\n"
                  "  ankang enterprise import --db ORG.db %s/enterprises.csv\n  ankang results import --db ORG.db %s/bundles\n",
                  say("成绩包", "bundles"), s.bundles.size(), say("答题记录", "answers"), s.answers, say("终端", "kiosks"), s.kiosks.size(),
                  say("导入演示", "to import"), sim_out.c_str(), sim_out.c_str(), sim_out.c_str());
    });
  });
}

}  // namespace ankang::cli
