// The reports page: the years come from the organiser store in a job; the
// reports are written by organiser::write_reports (the same function as
// `ankang report`) in a job, into the folder the user picks.
#include <algorithm>
#include <filesystem>
#include <memory>

#include "console/context.h"
#include "console/form_number.h"
#include "console_ui/screen_reports.h"
#include "console_ui/text.h"
#include "organiser/report_file.h"
#include "results/report.h"

namespace ankang::console {

namespace {

using console_ui::ReportsForm;
using console_ui::ReportsView;
using organiser::ReportFormat;

class ReportsPage : public Page {
 public:
  void draw(Context& ctx) override {
    if (loaded_version_ != ctx.data_version && !ctx.jobs.busy()) load(ctx);
    view_.form_problem = problem();
    const auto intent = console_ui::reports_screen(view_, form_);
    if (intent.collect) ctx.go(console_ui::PageId::collect);
    if (intent.write && view_.form_problem.zh.empty())
      ctx.browse({{"选择保存报表的文件夹（通常是 U 盘）", "Choose the folder for the reports (a USB stick, usually)"},
                  true,
                  {},
                  [this, &ctx](const std::string& folder) { write(ctx, folder); }});
    if (intent.open && *intent.open < view_.written.size()) ctx.open_file(view_.written[*intent.open].path);
    if (intent.open_folder && !view_.folder.empty()) ctx.open_file(view_.folder);
  }

 private:
  void load(Context& ctx) {
    const auto db = ctx.workspace.organiser_db();
    const bool started = ctx.jobs.start({"正在读取成绩……", "Reading the results…"}, [this, db](Progress&) {
      auto years = std::make_shared<std::vector<int>>();
      auto error = std::make_shared<Text>();
      try {
        results::OrganiserStore store(db);
        *years = results::result_years(store);
      } catch (const std::exception& e) {
        *error = error_text(e);
      }
      return Finish{true, {}, [this, years, error] {
                      view_.loading = false;
                      view_.error = *error;
                      view_.years = *years;
                      if (std::find(view_.years.begin(), view_.years.end(), form_.year) == view_.years.end())
                        form_.year = view_.years.empty() ? 0 : view_.years.front();
                    }};
    });
    if (started) loaded_version_ = ctx.data_version;
  }

  // What keeps the form from being written, in the console's language.
  Text problem() const {
    if (!form_.xlsx && !form_.csv && !form_.html) return {"请至少选择一种报表。", "Choose at least one file."};
    const auto mark = form_number(form_.pass_mark);
    if (!mark) return {"合格线应为 0 到 100 之间的分数。", "The pass mark must be a score from 0 to 100."};
    organiser::ReportOptions options;
    options.pass_mark = *mark;
    if (auto problem = organiser::options_problem(options)) return *problem;
    if (form_.html && form_.award == 1) {
      const auto n = form_number(form_.top_n);
      if (!n || *n < 1 || *n != static_cast<double>(static_cast<int>(*n)))
        return {"N 应为大于 0 的整数。", "N must be a whole number above 0."};
    }
    return {};
  }

  void write(Context& ctx, const std::string& folder) {
    organiser::ReportOptions options;
    options.year = form_.year;
    options.pass_mark = form_number(form_.pass_mark).value_or(60);
    static const results::AwardFormula formulas[] = {results::AwardFormula::participation, results::AwardFormula::top_n_sum,
                                                     results::AwardFormula::mobilised};
    options.award = formulas[form_.award];
    options.top_n = static_cast<int>(form_number(form_.top_n).value_or(10));
    options.bank_db = ctx.workspace.bank_db();
    std::vector<ReportFormat> formats;
    if (form_.xlsx) formats.push_back(ReportFormat::xlsx);
    if (form_.csv) formats.push_back(ReportFormat::csv);
    if (form_.html) formats.push_back(ReportFormat::html);
    const auto db = ctx.workspace.organiser_db();
    ctx.jobs.start({"正在写入报表……", "Writing the reports…"}, [this, db, options, formats, folder](Progress& progress) {
      progress(0, formats.size());
      std::vector<std::string> written;
      Text error;
      try {
        results::OrganiserStore store(db);
        organiser::write_reports(store, options, formats, folder, written);
      } catch (const std::exception& e) {
        const Text why = error_text(e);
        error = {"报表没有写完：" + why.zh, "The reports were not all written: " + why.en};
      }
      auto files = std::make_shared<std::vector<ReportsView::Written>>();
      for (const auto& p : written) files->push_back({std::filesystem::path(p).filename().string(), p});
      const std::string n = std::to_string(written.size());
      Text message = error.zh.empty() ? Text{"已写入 " + n + " 个报表到 " + folder, "Wrote " + n + " reports to " + folder} : error;
      return Finish{error.zh.empty(), message, [this, files, error, folder] {
                      view_.folder = folder;
                      view_.written = *files;
                      view_.write_error = error;
                    }};
    });
  }

  ReportsView view_;
  ReportsForm form_;
  int loaded_version_ = -1;
};

}  // namespace

std::unique_ptr<Page> make_reports_page() { return std::make_unique<ReportsPage>(); }

}  // namespace ankang::console
