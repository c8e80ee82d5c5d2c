// ankang unit add | list; rollup export | import | duplicates; baseline import | show
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/organiser.h"
#include "organiser/rollup.h"
#include "results/baseline.h"
#include "results/error.h"
#include "results/rollup.h"
#include "results/store.h"

namespace ankang::cli {

namespace {

const char* say(const char* zh, const char* en) { return locale_is_chinese() ? zh : en; }

using organiser::unit_name;

void print_duplicate(const results::DuplicateRegistration& d) {
  std::printf("%s\n", localized(results::describe(d)).c_str());
}

void add_unit_commands(CLI::App& app) {
  auto* unit = app.add_subcommand("unit", "Organising units whose roll-ups this (city) store accepts");
  unit->require_subcommand(1);

  auto* add = unit->add_subcommand("add", "Register a unit's organiser public key so its roll-ups are accepted");
  static std::string add_db, add_key, add_label;
  add->add_option("--db", add_db, "The city's organiser store (SQLite)")->required();
  add->add_option("--label", add_label, "A name for the unit, e.g. 鼓楼区总工会");
  add->add_option("PUBKEY", add_key, "The unit's organiser.pub or 64 hex digits")->required();
  add->callback([] {
    run_organiser([] {
      const auto key = results::parse_public_key(add_key);
      results::OrganiserStore store(add_db);
      store.add_unit(key, add_label);
      std::printf("%s %s\n", say("已登记组织单位，指纹：", "registered unit, fingerprint:"), results::fingerprint(key).c_str());
    });
  });

  auto* list = unit->add_subcommand("list", "List the registered units and what they sent");
  static std::string list_db;
  list->add_option("--db", list_db, "The city's organiser store (SQLite)")->required();
  list->callback([] {
    run_organiser([] {
      results::require_store_file(list_db);
      results::OrganiserStore store(list_db);
      for (const auto& u : store.units())
        std::printf("%s\t%s\t%d %s\t%s %s\t%d %s\n", u.fingerprint.c_str(), u.label.c_str(), u.rollups, say("个汇总包", "roll-ups"),
                    say("最新导出", "newest export"), u.newest_export_ms ? results::china_date(u.newest_export_ms).c_str() : "-",
                    u.registrations, say("家报名企业", "registrations"));
    });
  });
}

void add_rollup_file_commands(CLI::App& app) {
  auto* rollup = app.add_subcommand("rollup", "City roll-up: a unit's signed enterprises and results, merged by the city");
  rollup->require_subcommand(1);

  auto* exp = rollup->add_subcommand("export", "Write this unit's signed roll-up (.ankr) for the city federation");
  static std::string export_db, export_key, export_out;
  exp->add_option("--db", export_db, "The unit's organiser store (SQLite)")->required();
  exp->add_option("--key", export_key, "Folder of the unit's organiser key (organiser.key, organiser.pub)")->required();
  exp->add_option("-o,--out", export_out, "Output file, e.g. UNIT.ankr")->required();
  exp->callback([] {
    run_organiser([] {
      results::require_store_file(export_db);
      results::OrganiserStore store(export_db);
      const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
      const auto written =
          organiser::export_rollup_file(store, (std::filesystem::path(export_key) / "organiser").string(), export_out, now_ms);
      const auto& h = written.header;
      std::printf("%s %s: %u %s, %u %s, %u %s, %u %s\n%s %s\n", say("已写入", "wrote"), export_out.c_str(), h.enterprise_count,
                  say("家报名企业", "registrations"), h.attempt_count, say("次答题", "attempts"), h.answer_count,
                  say("条答题记录", "answers"), h.team_result_count, say("条班组赛成绩", "team results"),
                  say("签名密钥指纹：", "signed by the key with fingerprint"), written.fingerprint.c_str());
    });
  });

  auto* imp = rollup->add_subcommand("import", "Verify and merge units' roll-ups; importing one again adds nothing");
  static std::string import_db;
  static std::vector<std::string> import_files;
  imp->add_option("--db", import_db, "The city's organiser store (SQLite)")->required();
  imp->add_option("FILE", import_files, "Roll-up files or folders (*.ankr)")->required();
  imp->callback([] {
    run_organiser([] {
      results::OrganiserStore store(import_db);
      // A database error throws and ends the command, rolling back
      // everything of this run.
      const auto all = organiser::import_rollups(store, organiser::rollup_files(import_files));
      const int imported = all.imported, already = all.already, refused = all.refused;
      const long answers = all.answers;
      for (const auto& out : all.files) {
        const auto& f = out.source;
        using S = results::ImportOutcome::Status;
        const auto unit = unit_name(out.unit_label, out.fingerprint);
        if (out.status == S::imported) {
          std::printf("%s %s: %s %s, %s %s: %d %s, %d %s, %d %s, %d %s\n", say("已导入", "imported"), f.c_str(), say("单位", "unit"),
                      unit.c_str(), say("导出于", "exported"), results::china_date(out.exported_at_ms).c_str(), out.attempts,
                      say("次答题", "attempts"), out.answers, say("条答题记录", "answers"), out.team_results,
                      say("条班组赛成绩", "team results"), out.registrations, say("家报名企业", "registrations"));
          if (out.superseded)
            std::printf("%s %s: %s\n", say("注意", "note"), f.c_str(),
                        say("该单位更新的汇总包已导入，报名企业以更新的为准", "a newer roll-up of this unit was imported before: its registrations stand"));
        } else if (out.status == S::already_imported) {
          std::printf("%s %s: %s %s\n", say("重复（未改变）", "already imported"), f.c_str(), say("单位", "unit"), unit.c_str());
        } else {
          std::printf("%s %s: %s\n", say("拒绝", "REFUSED"), f.c_str(), localized(out.reason).c_str());
        }
        for (const auto& note : out.notes) std::printf("%s %s: %s\n", say("注意", "note"), f.c_str(), localized(note).c_str());
      }
      const auto& duplicates = all.duplicates;
      for (const auto& d : duplicates) print_duplicate(d);
      std::printf("%s %d, %s %d, %s %d, %s %ld, %s %zu\n", say("已导入", "imported"), imported, say("重复（未改变）", "already imported"),
                  already, say("拒绝", "refused"), refused, say("新增答题记录", "answers added"), answers, say("重复报名", "registered twice"),
                  duplicates.size());
      if (refused) fail({std::to_string(refused) + " 个汇总包被拒绝", std::to_string(refused) + " roll-up(s) refused"});
    });
  });

  auto* dup = rollup->add_subcommand("duplicates", "List the enterprises two units registered (重复报名)");
  static std::string dup_db;
  dup->add_option("--db", dup_db, "The city's organiser store (SQLite)")->required();
  dup->callback([] {
    run_organiser([] {
      results::require_store_file(dup_db);
      results::OrganiserStore store(dup_db);
      const auto duplicates = store.duplicate_registrations();
      for (const auto& d : duplicates) print_duplicate(d);
      std::printf("%s %zu\n", say("重复报名：", "registered twice:"), duplicates.size());
    });
  });
}

void add_baseline_commands(CLI::App& app) {
  auto* baseline = app.add_subcommand("baseline", "Last year's 参赛企业汇总表 as the baseline of the growth year on year");
  baseline->require_subcommand(1);

  auto* imp = baseline->add_subcommand("import", "Import a year's 参赛企业汇总表 (XLSX or CSV, as filed)");
  static std::string import_db, import_file;
  static int import_year = 0;
  static bool import_replace = false;
  imp->add_option("--db", import_db, "Organiser store (SQLite)")->required();
  imp->add_option("--year", import_year, "The year the table is of")->required();
  imp->add_flag("--replace", import_replace, "Replace another baseline already stored for that year");
  imp->add_option("FILE", import_file, "The 参赛企业汇总表: .xlsx, or .csv in UTF-8 or GBK")->required();
  imp->callback([] {
    run_organiser([] {
      const auto done = organiser::import_baseline_file(import_db, import_file, import_year, import_replace);
      const auto& read = done.read;
      for (const auto& p : read.problems)
        std::fprintf(stderr, "%s\n", results::format_baseline_problem(import_file, p, locale_is_chinese()).c_str());
      if (!read.problems.empty())
        fail({std::to_string(read.problems.size()) + " 处错误，未导入基线", std::to_string(read.problems.size()) + " problem(s): nothing imported"});
      const auto& out = *done.outcome;
      for (const auto& note : out.notes) std::printf("%s: %s\n", say("注意", "note"), localized(note).c_str());
      using S = results::BaselineOutcome::Status;
      if (out.status == S::refused) fail(out.reason);
      const auto& all = read.baseline.overall;
      std::printf("%s %d: %zu %s, %lld %s, %lld %s, %lld %s\n",
                  out.status == S::already_imported ? say("基线未改变（已导入过）", "baseline unchanged (imported before)")
                  : out.status == S::replaced       ? say("已替换基线", "baseline replaced")
                                                    : say("已导入基线", "baseline imported"),
                  import_year, read.baseline.units.size(), say("个组织单位", "units"), static_cast<long long>(all.enterprises),
                  say("家参赛企业", "enterprises taking part"), static_cast<long long>(all.participants), say("名参赛职工", "participants"),
                  static_cast<long long>(all.attempts), say("答题人次", "attempts"));
    });
  });

  auto* show = baseline->add_subcommand("show", "Print the stored baselines");
  static std::string show_db;
  show->add_option("--db", show_db, "Organiser store (SQLite)")->required();
  show->callback([] {
    run_organiser([] {
      results::require_store_file(show_db);
      results::OrganiserStore store(show_db);
      for (const int year : results::baseline_years(store)) {
        const auto b = results::stored_baseline(store, year);
        std::printf("%d (%s)\n", year, b->source.c_str());
        auto line = [](const results::BaselineFigures& f, const std::string& name) {
          std::printf("  %s\t%lld %s\t%lld %s\t%lld %s\n", name.c_str(), static_cast<long long>(f.enterprises), say("家参赛企业", "enterprises"),
                      static_cast<long long>(f.participants), say("名参赛职工", "participants"), static_cast<long long>(f.attempts),
                      say("答题人次", "attempts"));
        };
        for (const auto& f : b->units) line(f, f.unit);
        line(b->overall, say("总计", "total"));
      }
    });
  });
}

}  // namespace

void add_rollup_commands(CLI::App& app) {
  add_unit_commands(app);
  add_rollup_file_commands(app);
  add_baseline_commands(app);
}

}  // namespace ankang::cli
