// The results page: the view is read from the organiser store in a job,
// every figure and cell formatted there, and read again when a job changed
// the stores or another year is chosen.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "console/context.h"
#include "console/form_number.h"
#include "console_ui/screen_results.h"
#include "console_ui/text.h"
#include "console_ui/widgets.h"
#include "organiser/report_file.h"
#include "results/report.h"
#include "results/report_html.h"

namespace ankang::console {

namespace {

using console_ui::ResultsView;

std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}
std::string percent(double share) { return fixed(share * 100, 1) + "%"; }
std::string count(std::int64_t n) { return std::to_string(n); }

ResultsView::EnterpriseRow enterprise_row(const results::SummaryRow& r, int level) {
  // Without participants there is no score: 无, not a zero.
  const bool none = r.participants == 0;
  const std::string nothing = console_ui::tr("无", "none");
  // Without a registration there is no headcount, so no participation rate.
  return {{r.unit, r.name.empty() && r.registered == false && level == 0 ? console_ui::tr("（名称不详）", "(name unknown)") : r.name, r.uscc,
           r.registered ? count(r.headcount) : "", count(r.participants), r.registered ? percent(r.participation) : "",
           none ? nothing : fixed(r.mean_score, 1), none ? nothing : percent(r.pass_rate), r.top_team},
          level};
}

// The whole view of a year (the newest with results when year is 0, or
// when the store has none of that year).
ResultsView load_results_view(const std::string& organiser_db, const std::string& bank_db, int year, double pass_mark) {
  ResultsView v;
  v.loading = false;
  results::OrganiserStore store(organiser_db);
  v.years = results::result_years(store);
  if (v.years.empty()) return v;
  if (std::find(v.years.begin(), v.years.end(), year) == v.years.end()) year = v.years.front();
  v.year = year;
  v.pass_mark = fixed(pass_mark, 0);

  const auto table = results::summary_table(store, year, pass_mark);
  std::int64_t enterprises = 0;
  for (const auto& block : table.units) {
    for (const auto& r : block.enterprises) {
      enterprises += r.participants > 0;
      v.enterprises.push_back(enterprise_row(r, 0));
    }
    v.enterprises.push_back(enterprise_row(block.total, 1));
    if (block.total.headcount > 0 && block.unit != "未登记企业")
      v.participation_by_unit.push_back({block.unit, block.total.participation, percent(block.total.participation)});
  }
  v.enterprises.push_back(enterprise_row(table.overall, 2));
  v.unregistered_apart = !table.unregistered.enterprises.empty();
  if (v.unregistered_apart) {
    for (const auto& r : table.unregistered.enterprises) v.enterprises.push_back(enterprise_row(r, 0));
    v.enterprises.push_back(enterprise_row(table.unregistered.total, 1));
  }

  auto items = results::item_statistics(store, year, 1);
  std::int64_t answers = 0;
  const auto stem_lookup = organiser::question_stems(bank_db);
  auto stem_of = [&](const std::string& id) { return stem_lookup ? stem_lookup(id) : id; };
  for (const auto& it : items) {
    answers += it.answers;
    Text flag;
    if (it.flag == "过易") flag = {"过易", "too easy"};
    else if (it.flag == "过难") flag = {"过难", "too hard"};
    else if (it.flag == "误导") flag = {"误导", "misleading"};
    v.items.push_back({{stem_of(it.question_id), it.category, count(it.answers), percent(it.facility), fixed(it.discrimination, 2)},
                       flag});
  }
  // The hardest: lowest correct rate among the questions answered often
  // enough to tell (20 times, as the annual summary), else among all.
  std::vector<const results::ItemStatistic*> hard;
  for (const auto& it : items)
    if (it.answers >= 20) hard.push_back(&it);
  if (hard.empty())
    for (const auto& it : items) hard.push_back(&it);
  std::sort(hard.begin(), hard.end(), [](auto* a, auto* b) { return a->facility < b->facility; });
  if (hard.size() > 10) hard.resize(10);
  for (const auto* it : hard) {
    std::string label = stem_of(it->question_id);
    // Without the bank's stem: the category and the id's first digits.
    if (label == it->question_id) label = it->category + " " + it->question_id.substr(0, 8);
    // A long stem is cut (at a character boundary) to keep the chart readable.
    if (label.size() > 60) {
      std::size_t cut = 60;
      while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
      label = label.substr(0, cut) + "…";
    }
    v.hardest.push_back({label, it->facility * 100, percent(it->facility)});
  }

  const auto bands = results::score_bands(store, year);
  for (int b = 0; b < 10; ++b)
    v.score_bands.push_back({std::to_string(b * 10) + (b == 9 ? "–100" : "–" + std::to_string(b * 10 + 9)),
                             static_cast<double>(bands[static_cast<std::size_t>(b)]), count(bands[static_cast<std::size_t>(b)])});

  for (const auto& t : store.team_results(year))
    v.teams.push_back({{results::china_date(t.started_at_ms), t.contest_id, count(t.rank), t.team,
                        t.registered ? t.enterprise : t.uscc + "（未登记企业）", fixed(static_cast<double>(t.centipoints) / 100, 1),
                        count(t.correct), count(t.fouls)},
                       t.registered});

  const auto& all = table.overall;
  v.figures = {{{"参赛企业", "Enterprises"}, count(enterprises)},
               {{"参赛职工", "Participants"}, count(all.participants)},
               {{"答题人次", "Attempts"}, count(all.attempts)},
               {{"作答题数", "Answers"}, count(answers)},
               {{"平均分", "Mean score"}, fixed(all.mean_score, 1)},
               {{"合格率（" + v.pass_mark + " 分）", "Pass rate (" + v.pass_mark + ")"}, percent(all.pass_rate)}};
  return v;
}

class ResultsPage : public Page {
 public:
  void draw(Context& ctx) override {
    if ((loaded_version_ != ctx.data_version || reload_) && !ctx.jobs.busy()) load(ctx);
    const auto intent = console_ui::results_screen(
        view_, pass_mark_text_, mark_ok_ ? "" : console_ui::tr("合格线应为 0 到 100 之间的分数", "The pass mark must be a score from 0 to 100"));
    const auto mark = form_number(pass_mark_text_);
    mark_ok_ = mark && *mark >= 0 && *mark <= 100;
    if (mark_ok_ && *mark != pass_mark_) {
      pass_mark_ = *mark;
      reload_ = true;
    }
    if (intent.collect) ctx.go(console_ui::PageId::collect);
    if (intent.section) view_.section = *intent.section;
    if (intent.year) {
      year_ = *intent.year;
      reload_ = true;
    }
  }

 private:
  void load(Context& ctx) {
    const auto organiser_db = ctx.workspace.organiser_db(), bank_db = ctx.workspace.bank_db();
    const int year = year_;
    const double pass_mark = pass_mark_;
    const bool started = ctx.jobs.start({"正在读取成绩……", "Reading the results…"}, [this, organiser_db, bank_db, year, pass_mark](Progress&) {
      auto view = std::make_shared<ResultsView>();
      try {
        *view = load_results_view(organiser_db, bank_db, year, pass_mark);
      } catch (const std::exception& e) {
        view->loading = false;
        view->error = error_text(e);
      }
      return Finish{true, {}, [this, view] {
                      view->section = view_.section;
                      view_ = std::move(*view);
                      year_ = view_.year;
                    }};
    });
    if (started) {
      loaded_version_ = ctx.data_version;
      reload_ = false;
    }
  }

  ResultsView view_;
  int loaded_version_ = -1;
  bool reload_ = false;
  int year_ = 0;
  double pass_mark_ = 60;
  std::string pass_mark_text_ = "60";
  bool mark_ok_ = true;
};

}  // namespace

std::unique_ptr<Page> make_results_page() { return std::make_unique<ResultsPage>(); }

}  // namespace ankang::console
