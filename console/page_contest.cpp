// The contest package page: the rules (built in or from a file), the
// workspace bank as the question source, the name, id and validity, a sample
// paper, and the signed package written onto a folder or USB stick. The work
// is organiser/contest_package's, as for `ankang package build`.
#include <filesystem>
#include <memory>
#include <random>

#include "console/context.h"
#include "console/problem_rows.h"
#include "console_ui/screen_contest.h"
#include "console_ui/text.h"
#include "organiser/contest_package.h"
#include "results/store.h"
#include "question_bank/bank.h"
#include "results/keys.h"
#include "ui/screens.h"

namespace ankang::console {

namespace {

namespace fs = std::filesystem;
using console_ui::LocatedProblem;

std::vector<LocatedProblem> located(const std::vector<organiser::Problem>& problems) {
  std::vector<LocatedProblem> out;
  for (const auto& p : problems) {
    const std::string file = p.file.empty() ? "" : fs::path(p.file).filename().string();
    const std::string at = where(p.line, p.column);
    out.push_back({file.empty() || at.empty() ? file + at : file + ":" + at, p.field_text(console_ui::language() == console_ui::Lang::zh),
                   p.message});
  }
  return out;
}

std::uint64_t fresh_seed() { return std::random_device{}() * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(organiser::now_ms()); }

class ContestPage : public Page {
 public:
  ContestPage() {
    for (const auto& b : organiser::builtin_contests()) {
      auto rules = organiser::parse_contest_rules(b.file, b.json);
      if (!organiser::kiosk_rule_problems(rules).empty()) continue;  // an example for `ankang contest run` only
      view_.builtin.push_back((rules.config.name.empty() ? b.file : rules.config.name) + "（" + b.file + "）");
      builtin_.push_back(std::move(rules));
    }
    const auto now = organiser::now_ms();
    const auto window = organiser::read_validity("", "", now);
    view_.from = organiser::china_day(window.from_ms);
    view_.until = organiser::china_day(window.until_ms);
    // The timed test is what most organisers run: chosen to start with.
    for (std::size_t i = 0; i < builtin_.size(); ++i)
      if (builtin_[i].file == "timed_test.json") choose_rules(builtin_[i], static_cast<int>(i));
  }

  void draw(Context& ctx) override {
    if (loaded_version_ != ctx.data_version && !ctx.jobs.busy()) load_bank(ctx);
    const auto in = console_ui::contest_screen(view_);
    if (in.pick_builtin >= 0) choose_rules(builtin_[static_cast<std::size_t>(in.pick_builtin)], in.pick_builtin);
    if (in.pick_rules_file)
      ctx.browse({{"选择竞赛配置文件（.json）", "Choose a contest config (.json)"}, false, {".json"},
                  [this](const std::string& path) {
                    auto rules = organiser::read_contest_rules(path);
                    if (rules.ok()) rules.problems = organiser::kiosk_rule_problems(rules);
                    choose_rules(std::move(rules), -1);
                  }});
    if (in.go_bank) ctx.go(console_ui::PageId::bank);
    bool form_changed = false;
    if (in.name) view_.name = *in.name, form_changed = true;
    if (in.contest_id) view_.contest_id = *in.contest_id, form_changed = true;
    if (in.from) view_.from = *in.from, form_changed = true;
    if (in.until) view_.until = *in.until, form_changed = true;
    if (form_changed) check_form();
    if (in.pick_roster)
      ctx.browse({{"选择参赛名单（CSV 或 Excel）", "Choose the roster (CSV or Excel)"}, false, {".xlsx", ".csv"},
                  [this, &ctx](const std::string& path) { load_roster(ctx, path); }});
    if (in.clear_roster) {
      view_.roster_file.clear();
      view_.roster_problems.clear();
      roster_.clear();
    }
    if (in.preview || in.redraw) preview(ctx, in.redraw || view_.seed == 0 ? fresh_seed() : view_.seed);
    if (in.build)
      ctx.browse({{"选择写入竞赛包的 U 盘或文件夹", "Choose the USB stick or folder for the package"}, true, {},
                  [this, &ctx](const std::string& folder) { build(ctx, folder); }});
  }

 private:
  void choose_rules(organiser::ContestRules rules, int builtin) {
    view_.builtin_selected = builtin;
    view_.rules_file = rules.file;
    view_.rules_problems = located(rules.problems);
    view_.summary.clear();
    view_.preview.clear();
    view_.preview_error = {};
    if (rules.ok()) {
      view_.summary = organiser::summarize_rules(rules.config);
      view_.contest_id = rules.config.id;
      view_.name = rules.config.name.empty() ? rules.config.id : rules.config.name;
    }
    rules_ = std::move(rules);
    check_pool();
    check_form();
  }

  void check_pool() {
    view_.pool_problems.clear();
    view_.questions_needed = 0;
    view_.teams_note = {};
    if (!rules_ || !rules_->ok() || !view_.bank_loaded) return;
    const auto& c = rules_->config;
    view_.questions_needed = organiser::questions_required(c, c.min_teams);
    view_.pool_problems = located(organiser::check_pool(c, pool_, "bank.db"));
    if (c.format == ContestFormat::team && view_.pool_problems.empty()) {
      const int teams = organiser::teams_supported(c, pool_.size());
      view_.teams_note = {"题目足够 " + std::to_string(teams) + " 个班组参赛（最多 " + std::to_string(c.max_teams) + " 个）",
                          "enough questions for " + std::to_string(teams) + " teams (at most " +
                              std::to_string(c.max_teams) + ")"};
    }
  }

  void check_form() {
    const auto window = organiser::read_validity(view_.from, view_.until, organiser::now_ms(),
                                                 {"开始日期", "First day"}, {"结束日期", "Last day"});
    view_.form_problems = located(window.problems);
    if (view_.contest_id.empty() || view_.contest_id.size() > 64)
      view_.form_problems.push_back({"", "id", {"竞赛编号应为 1 到 64 个字节", "the contest id must be 1 to 64 bytes"}});
    if (view_.from.empty() || view_.until.empty())
      view_.form_problems.push_back({"", "", {"请填写开始和结束日期", "fill in the first and the last day"}});
  }

  void load_bank(Context& ctx) {
    loaded_version_ = ctx.data_version;
    const std::string path = ctx.workspace.bank_db();
    ctx.jobs.start({"正在读取题库……", "Reading the question bank…"}, [this, path](Progress&) {
      auto questions = std::make_shared<std::vector<Question>>(bank::Bank::open(path).all(false));
      Finish f;
      f.message = {"题库中有 " + std::to_string(questions->size()) + " 道题",
                   "the bank holds " + std::to_string(questions->size()) + " questions"};
      f.apply = [this, questions] {
        pool_ = std::move(*questions);
        view_.bank_loaded = true;
        view_.bank_questions = static_cast<int>(pool_.size());
        check_pool();
      };
      return f;
    });
  }

  void load_roster(Context& ctx, const std::string& path) {
    // The contest year: that of the first day given, else this year.
    const auto window = organiser::read_validity(view_.from, view_.until, organiser::now_ms());
    const int year = results::china_year(window.ok() ? window.from_ms : organiser::now_ms());
    ctx.jobs.start({"正在读取名单……", "Reading the roster…"}, [this, path, year, db = ctx.workspace.organiser_db()](Progress&) {
      auto roster = std::make_shared<organiser::RosterFile>(organiser::read_roster_file(path));
      if (roster->ok()) {
        // Every team's enterprise must be registered in this workspace for
        // the year, as `ankang package build --db` checks.
        results::OrganiserStore store(db);
        roster->problems = organiser::check_roster_registered(*roster, store, year);
      }
      Finish f;
      f.ok = roster->ok();
      std::size_t teams = 0;
      for (const auto& e : roster->enterprises) teams += e.teams.size();
      f.message = f.ok ? Text{"名单：" + std::to_string(roster->enterprises.size()) + " 家企业，" + std::to_string(teams) + " 个班组",
                              "roster: " + std::to_string(roster->enterprises.size()) + " enterprises, " +
                                  std::to_string(teams) + " teams"}
                       : Text{path + "：名单有 " + std::to_string(roster->problems.size()) + " 处错误",
                              path + ": the roster has " + std::to_string(roster->problems.size()) + " problem(s)"};
      f.apply = [this, path, roster, teams] {
        view_.roster_file = path;
        view_.roster_problems = located(roster->problems);
        view_.roster_enterprises = static_cast<int>(roster->enterprises.size());
        view_.roster_teams = static_cast<int>(teams);
        roster_ = roster->enterprises;
      };
      return f;
    });
  }

  void preview(Context& ctx, std::uint64_t seed) {
    if (!rules_ || !rules_->ok()) return;
    const std::string path = ctx.workspace.bank_db();
    const ContestConfig config = rules_->config;
    ctx.jobs.start({"正在抽题……", "Drawing a paper…"}, [this, path, config, seed](Progress&) {
      Finish f;
      try {
        auto b = bank::Bank::open(path);
        const auto paper = organiser::draw_preview(b, config, config.min_teams, seed);
        auto rows = std::make_shared<std::vector<console_ui::PreviewQuestion>>();
        for (const auto& q : paper)
          rows->push_back({{std::string(type_name_zh(q.type)), std::string(type_code(q.type))}, q.stem, ui::answer_text(q)});
        f.message = {"已抽出 " + std::to_string(rows->size()) + " 道题", "drew " + std::to_string(rows->size()) + " questions"};
        f.apply = [this, rows, seed] {
          view_.preview = std::move(*rows);
          view_.seed = seed;
          view_.preview_error = {};
        };
      } catch (const bank::BankError& e) {
        f.ok = false;
        f.message = e.text();
        f.apply = [this, text = e.text()] {
          view_.preview.clear();
          view_.preview_error = text;
        };
      }
      return f;
    });
  }

  void build(Context& ctx, const std::string& folder) {
    check_form();
    if (!rules_ || !rules_->ok() || !view_.form_problems.empty()) {
      view_.built_ok = false;
      view_.built = {{"竞赛包未生成：请先改正上面的问题", "No package built: correct the problems above first"}};
      return;
    }
    organiser::PackageInput in;
    in.rules = *rules_;
    in.contest_id = view_.contest_id;
    in.name = view_.name;
    in.roster = roster_;
    const auto window = organiser::read_validity(view_.from, view_.until, organiser::now_ms());
    in.from_ms = window.from_ms;
    in.until_ms = window.until_ms;
    const std::string bank_path = ctx.workspace.bank_db();
    Workspace* ws = &ctx.workspace;
    ctx.jobs.start({"正在生成竞赛包……", "Building the contest package…"}, [this, in, bank_path, ws, folder](Progress&) mutable {
      Finish f;
      auto fail = [&](Text why) {
        f.ok = false;
        f.message = why;
        f.apply = [this, why] {
          view_.built_ok = false;
          view_.built = {{"竞赛包未生成：" + why.zh, "No package built: " + why.en}};
        };
        return f;
      };
      try {
        const auto b = bank::Bank::open(bank_path);
        auto pool = organiser::bank_questions(b, "bank.db");
        in.questions = std::move(pool.questions);
      } catch (const std::exception& e) {
        return fail(error_text(e));
      }
      const auto shortfall = organiser::check_pool(in.rules.config, in.questions, "bank.db");
      if (!shortfall.empty()) return fail(shortfall.front().message);
      results::ContestPackage package;
      organiser::WrittenPackage w;
      try {
        package = organiser::make_package(in);
        ws->ensure_key();
        w = organiser::write_package_to_folder(package, results::read_key_pair(ws->key_stem()), folder);
      } catch (const std::exception& e) {
        return fail(error_text(e));
      }
      const std::string from = organiser::china_day(w.from_ms), until = organiser::china_day(w.until_ms);
      std::vector<Text> lines{
          {"已写出竞赛包：" + w.file, "Package written: " + w.file},
          w.enterprises == 0
              ? Text{"“" + package.name + "”：" + std::to_string(w.questions) + " 道题，不带参赛名单",
                     "'" + package.name + "': " + std::to_string(w.questions) + " questions, no roster"}
              : Text{"“" + package.name + "”：" + std::to_string(w.questions) + " 道题，" + std::to_string(w.enterprises) +
                         " 家企业，" + std::to_string(w.teams) + " 个班组",
                     "'" + package.name + "': " + std::to_string(w.questions) + " questions, " +
                         std::to_string(w.enterprises) + " enterprises, " + std::to_string(w.teams) + " teams"},
          {"有效期：" + from + " 至 " + until, "Valid from " + from + " to " + until},
          {"组织单位公钥指纹：" + w.fingerprint + "（终端首次加载时显示，请核对一致）",
           "Organiser key fingerprint: " + w.fingerprint + " (the kiosk shows it on the first load: check they match)"},
          {"公钥已写入同一文件夹：" + w.key_file, "The public key is beside it: " + w.key_file}};
      f.message = lines.front();
      f.apply = [this, lines] {
        view_.built_ok = true;
        view_.built = lines;
      };
      return f;
    });
  }

  console_ui::ContestView view_;
  std::vector<organiser::ContestRules> builtin_;
  std::optional<organiser::ContestRules> rules_;
  std::vector<Question> pool_;
  std::vector<results::RosterEnterprise> roster_;
  int loaded_version_ = -1;
};

}  // namespace

std::unique_ptr<Page> make_contest_page() { return std::make_unique<ContestPage>(); }

}  // namespace ankang::console
