// ankang enterprise add | import
#include <cstdio>

#include "cli/organiser.h"
#include "organiser/enterprise_import.h"
#include "results/enterprise_list.h"
#include "results/error.h"
#include "results/store.h"
#include "results/uscc.h"

namespace ankang::cli {

void add_enterprise_commands(CLI::App& app) {
  auto* ent = app.add_subcommand("enterprise", "Participating enterprises (参赛单位)");
  ent->require_subcommand(1);

  auto* add = ent->add_subcommand("add", "Register one enterprise under one affiliation");
  static std::string db_path;
  static results::Enterprise e;
  static int add_year = results::current_contest_year();
  add->add_option("--db", db_path, "Organiser store (SQLite)")->required();
  add->add_option("--uscc", e.uscc, "统一社会信用代码 (18 characters)")->required();
  add->add_option("--name", e.name, "企业名称")->required();
  add->add_option("--affiliation", e.affiliation, "district (属地) | industry (产业) | federation (企业联合会)")->required();
  add->add_option("--unit", e.unit, "The organising unit, e.g. 鼓楼区总工会")->required();
  add->add_option("--headcount", e.headcount, "职工人数")->required();
  add->add_option("--year", add_year, "The contest year registered for (default: this year)");
  add->callback([] {
    run_organiser([] {
      results::OrganiserStore store(db_path);
      const bool zh = locale_is_chinese();
      const auto done = store.add_enterprise(e, add_year);
      const char* what = done == results::OrganiserStore::RegistrationChange::added     ? (zh ? "已登记" : "registered")
                         : done == results::OrganiserStore::RegistrationChange::updated ? (zh ? "已更新" : "updated")
                                                                                  : (zh ? "已登记（未变）" : "already registered (unchanged)");
      std::printf(zh ? "%s %s（%d 年）\n" : "%s %s (%d)\n", what, results::normalize_uscc(e.uscc).c_str(), add_year);
    });
  });

  auto* import = ent->add_subcommand("import", "Register every enterprise of a CSV or XLSX list (all or none)");
  static std::string import_db, file;
  static int import_year = results::current_contest_year();
  import->add_option("--db", import_db, "Organiser store (SQLite)")->required();
  import->add_option("--year", import_year, "The contest year registered for (default: this year)");
  import->add_option("FILE", file, "CSV (UTF-8 or GBK) or XLSX with the columns 统一社会信用代码, 企业名称, 归属, 组织单位, 职工人数")
      ->required();
  import->callback([] {
    run_organiser([] {
      results::OrganiserStore store(import_db);
      const auto result = organiser::import_enterprise_file(store, file, import_year);
      for (const auto& p : result.problems) std::fprintf(stderr, "%s\n", results::format_problem(file, p, locale_is_chinese()).c_str());
      if (!result.ok())
        fail({std::to_string(result.problems.size()) + " 处错误，未登记任何企业",
              std::to_string(result.problems.size()) + " problem(s): no enterprise was registered"});
      std::printf("%s\n", organiser::describe_import(result, locale_is_chinese()).c_str());
    });
  });
}

}  // namespace ankang::cli
