// 参赛企业: the enterprise list imported through organiser::import_enterprise_file,
// the same function as `ankang enterprise import`.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "console/context.h"
#include "console/problem_rows.h"
#include "console_ui/screen_enterprises.h"
#include "console_ui/text.h"
#include "organiser/enterprise_import.h"
#include "results/codec.h"
#include "results/store.h"

namespace ankang::console {

namespace {

using console_ui::EnterpriseRow;

std::string affiliation_name(const std::string& code) {
  if (code.empty()) return "";
  if (console_ui::language() == console_ui::Lang::zh) return results::affiliation_zh(code);
  return code;
}

class EnterprisesPage : public Page {
 public:
  void draw(Context& ctx) override {
    if (loaded_version_ != ctx.data_version && !ctx.jobs.busy()) load(ctx);
    const auto intent = console_ui::enterprises_screen(view_, filter_);
    if (intent.year) {
      year_ = *intent.year;
      loaded_version_ = -1;  // the year's registrations
    }
    if (intent.import_list) choose_list(ctx);
    if (intent.write_template) choose_template_folder(ctx);
  }

 private:
  void load(Context& ctx) {
    loaded_version_ = ctx.data_version;
    ctx.jobs.start({"正在读取参赛企业……", "Reading the enterprises…"}, [this, year = year_, db = ctx.workspace.organiser_db()](Progress&) {
      results::OrganiserStore store(db);
      auto registered = store.year_registrations(year);
      auto all = store.enterprises();
      auto years = store.registration_years();
      return Finish{true, {}, [this, year, registered = std::move(registered), all = std::move(all), years = std::move(years)] {
                      show(year, registered, all, years);
                    }, false};
    });
  }

  // The year's registrations first, then the store's other enterprises.
  void show(int year, const std::map<std::string, results::Enterprise>& registered, const std::vector<results::Enterprise>& all,
            std::vector<int> years) {
    const int now = results::current_contest_year();
    years.insert(years.end(), {now, now - 1, year});
    std::sort(years.rbegin(), years.rend());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    view_.year = year;
    view_.years = std::move(years);
    view_.rows.clear();
    std::set<std::string> units;
    auto row = [](const results::Enterprise& e, bool registered) {
      return console_ui::EnterpriseRow{e.unit, e.name.empty() ? console_ui::tr("（名称不详）", "(name unknown)") : e.name, e.uscc,
                                       affiliation_name(e.affiliation), e.headcount > 0 ? std::to_string(e.headcount) : "", registered,
                                       !e.registered};
    };
    for (const auto& e : all)
      if (auto it = registered.find(e.uscc); it != registered.end()) {
        view_.rows.push_back(row(it->second, true));
        units.insert(it->second.unit);
      }
    for (const auto& e : all)
      if (!registered.contains(e.uscc)) view_.rows.push_back(row(e, false));
    view_.registered = static_cast<int>(registered.size());
    view_.units = static_cast<int>(units.size());
  }

  void choose_list(Context& ctx) {
    ctx.browse({{"选择企业名单（Excel 或 CSV）", "Choose the enterprise list (Excel or CSV)"},
                false,
                {".xlsx", ".csv"},
                [this, &ctx](const std::string& file) { import(ctx, file); }});
  }

  void import(Context& ctx, const std::string& file) {
    ctx.jobs.start({"正在导入企业名单……", "Importing the enterprise list…"}, [this, file, year = year_, db = ctx.workspace.organiser_db()](Progress&) {
      results::OrganiserStore store(db);
      auto result = organiser::import_enterprise_file(store, file, year);
      const std::string name = std::filesystem::path(file).filename().string();
      Text message;
      if (result.ok())
        message = {name + "：" + organiser::describe_import(result, true), name + ": " + organiser::describe_import(result, false)};
      else
        message = {name + "：发现 " + std::to_string(result.problems.size()) + " 处错误，未登记任何企业。请在名单中改正下列各处后重新导入。",
                   name + ": " + std::to_string(result.problems.size()) +
                       " problem(s); no enterprise was registered. Correct each one below in the list and import it again."};
      auto apply = [this, file, ok = result.ok(), message, problems = std::move(result.problems)] {
        view_.import_file = file;
        view_.import_ok = ok;
        view_.import_message = console_ui::tr(message);
        view_.problems = problem_rows(problems);
      };
      return Finish{result.ok(), message, apply, result.ok()};
    });
  }

  void choose_template_folder(Context& ctx) {
    ctx.browse({{"选择保存名单模板的文件夹", "Choose the folder for the list template"},
                true,
                {},
                [&ctx](const std::string& folder) { write_template(ctx, folder); }});
  }

  static void write_template(Context& ctx, const std::string& folder) {
    ctx.jobs.start({"正在保存名单模板……", "Saving the list template…"}, [folder](Progress&) {
      // UTF-8 with a byte-order mark, so Excel opens the Chinese headers right.
      const std::string csv = "\xEF\xBB\xBF统一社会信用代码,企业名称,归属,组织单位,职工人数\r\n";
      const std::string path = (std::filesystem::path(folder) / "参赛企业名单模板.csv").string();
      results::write_file_atomic(path, std::span(reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size()));
      return Finish{true, {"已保存名单模板：" + path, "template saved: " + path}, {}, false};
    });
  }

  console_ui::EnterprisesView view_;
  std::string filter_;
  int year_ = results::current_contest_year();
  int loaded_version_ = -1;
};

}  // namespace

std::unique_ptr<Page> make_enterprises_page() { return std::make_unique<EnterprisesPage>(); }

}  // namespace ankang::console
