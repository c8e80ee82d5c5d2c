// ankang report
#include <cstdio>

#include "cli/organiser.h"
#include "organiser/report_file.h"
#include "results/error.h"

namespace ankang::cli {

void add_report_command(CLI::App& app) {
  auto* rep = app.add_subcommand("report", "参赛企业汇总表 (xlsx, csv) or the annual summary (html)");
  static std::string db_path, format = "xlsx", out, award = "participation", bank_db;
  static int year = 0, top_n = 10;
  static double pass_mark = 60;
  rep->add_option("--db", db_path, "Organiser store (SQLite)")->required();
  rep->add_option("--year", year, "Contest year")->required();
  rep->add_option("--format", format, "xlsx | csv (the summary table) or html (the annual summary)")->default_val("xlsx");
  rep->add_option("-o,--out", out, "Output file")->required();
  rep->add_option("--pass-mark", pass_mark, "Score (out of 100) a participant must reach to pass")->default_val(60);
  rep->add_option("--award", award, "Organisation award formula: participation | top-n | mobilised")->default_val("participation");
  rep->add_option("--top-n", top_n, "N for the top-n formula")->default_val(10);
  rep->add_option("--bank", bank_db, "Question bank (SQLite): the annual summary names questions by their stems")
      ->check(CLI::ExistingFile);
  rep->callback([] {
    run_organiser([] {
      auto formula = results::award_formula_from_name(award);
      if (!formula) fail({"--award 应为 participation、top-n 或 mobilised", "--award must be participation, top-n or mobilised"});
      auto kind = organiser::report_format_from_name(format);
      if (!kind) fail({"--format 应为 xlsx、csv 或 html", "--format must be xlsx, csv or html"});
      const organiser::ReportOptions options{year, pass_mark, *formula, top_n, bank_db};
      if (auto problem = organiser::options_problem(options)) fail(*problem);
      results::require_store_file(db_path);
      results::OrganiserStore store(db_path);
      if (auto problem = organiser::year_problem(store, year)) fail(*problem);
      organiser::write_report(store, options, *kind, out);
      std::printf("%s %s\n", locale_is_chinese() ? "已写入" : "wrote", out.c_str());
    });
  });
}

}  // namespace ankang::cli
