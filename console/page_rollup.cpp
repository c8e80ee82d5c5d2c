// 城市汇总: the unit side writes this workspace's signed roll-up onto a
// stick; the city side registers units, imports every roll-up of a folder
// and lists 重复报名; last year's 参赛企业汇总表 becomes the baseline. The
// work is organiser/rollup.h, the same as `ankang rollup|unit|baseline`.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>

#include "console/context.h"
#include "console/problem_rows.h"
#include "console_ui/screen_rollup.h"
#include "console_ui/text.h"
#include "organiser/rollup.h"
#include "results/baseline.h"
#include "results/error.h"
#include "results/keys.h"
#include "results/store.h"

namespace ankang::console {

namespace {

namespace fs = std::filesystem;
using console_ui::RollupFileRow;
using console_ui::RollupIntent;
using console_ui::RollupView;

std::string n(long long v) { return std::to_string(v); }

Text joined(Text a, const Text& b) {
  a.zh += b.zh;
  a.en += b.en;
  return a;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int last_year() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_year + 1900 - 1;
}

// 重复报名 as the table's rows: each registration, the counted one first.
std::vector<console_ui::RollupDuplicateRow> duplicate_rows(const std::vector<results::DuplicateRegistration>& dups) {
  std::vector<console_ui::RollupDuplicateRow> rows;
  for (const auto& d : dups)
    for (std::size_t i = 0; i < d.registrations.size(); ++i) {
      const auto& r = d.registrations[i];
      rows.push_back({i == 0 ? d.uscc : "", i == 0 ? r.name : "",
                      {results::registration_source(r, true), results::registration_source(r, false)}, r.counted});
    }
  return rows;
}

// What the page shows of the stores: read in a job, applied on the UI thread.
struct Loaded {
  std::string own_fingerprint;
  std::vector<console_ui::RollupUnitRow> units;
  int duplicate_count = 0;
  std::vector<console_ui::RollupDuplicateRow> duplicates;
  std::vector<Text> baselines;
};

Loaded load(const Workspace& ws) {
  Loaded out;
  if (fs::exists(ws.key_stem() + ".pub")) {
    try {
      out.own_fingerprint = results::fingerprint(results::read_public_key(ws.key_stem() + ".pub"));
    } catch (const results::ResultsError&) {
      // An unreadable key file: the export says so when it needs the key.
    }
  }
  results::OrganiserStore store(ws.organiser_db());
  for (const auto& u : store.units())
    out.units.push_back({u.label, u.fingerprint, u.rollups, u.newest_export_ms ? results::china_date(u.newest_export_ms) : "",
                         u.registrations});
  const auto dups = store.duplicate_registrations();
  out.duplicate_count = static_cast<int>(dups.size());
  out.duplicates = duplicate_rows(dups);
  for (const int year : results::baseline_years(store)) {
    const auto b = results::stored_baseline(store, year);
    if (!b) continue;
    const auto& f = b->overall;
    out.baselines.push_back({n(year) + " 年：" + n(static_cast<long long>(b->units.size())) + " 个组织单位，" + n(f.enterprises) +
                                 " 家参赛企业，" + n(f.participants) + " 名参赛职工，" + n(f.attempts) + " 答题人次（" + b->source + "）",
                             n(year) + ": " + n(static_cast<long long>(b->units.size())) + " units, " + n(f.enterprises) +
                                 " enterprises taking part, " + n(f.participants) + " participants, " + n(f.attempts) +
                                 " attempts (" + b->source + ")"});
  }
  return out;
}

RollupFileRow file_row(const results::RollupOutcome& out) {
  using S = results::ImportOutcome::Status;
  RollupFileRow row;
  row.file = fs::path(out.source).filename().string();
  if (!out.fingerprint.empty()) row.unit = organiser::unit_name(out.unit_label, out.fingerprint);
  if (out.status == S::imported) {
    row.result = RollupFileRow::Result::imported;
    row.detail = {n(out.registrations) + " 家报名企业，" + n(out.attempts) + " 次答题，" + n(out.answers) + " 条答题记录，" +
                      n(out.team_results) + " 条班组赛成绩；导出于 " + results::china_date(out.exported_at_ms),
                  n(out.registrations) + " registrations, " + n(out.attempts) + " attempts, " + n(out.answers) + " answers, " +
                      n(out.team_results) + " team results; exported " + results::china_date(out.exported_at_ms)};
    if (out.superseded)
      row.detail = joined(row.detail, {"。该单位更新的汇总文件已导入，报名企业以更新的为准",
                                       ". A newer roll-up of this unit came first: its registrations stand"});
  } else if (out.status == S::already_imported) {
    row.result = RollupFileRow::Result::already;
    row.detail = {"这个文件以前导入过，未改变任何数据", "imported before: nothing changed"};
  } else {
    row.result = RollupFileRow::Result::refused;
    row.detail = out.reason;
    // The store's reason names the command; here the unit is registered on this page.
    if (out.reason.zh.rfind("未登记的组织单位密钥", 0) == 0 && !out.fingerprint.empty())
      row.detail = {"未登记的组织单位密钥（指纹 " + out.fingerprint + "）：请先用“登记组织单位…”登记该单位交来的 organiser.pub",
                    "unregistered unit key (fingerprint " + out.fingerprint + "): register the unit's organiser.pub with "
                    "\"Register a unit…\" first"};
  }
  for (const auto& note : out.notes) row.detail = joined(row.detail, joined({"。注意：", ". Note: "}, note));
  return row;
}

// Starts a job; while another runs, says so instead.
void start(Context& ctx, Text label, Jobs::Work work) {
  if (!ctx.jobs.start(std::move(label), std::move(work)))
    ctx.say(false, {"请等当前的任务完成后再试", "Wait for the task under way to finish, then try again"});
}

class RollupPage : public Page {
 public:
  RollupPage() { in_.year = std::to_string(last_year()); }

  void draw(Context& ctx) override {
    if (!unit_name_read_) {
      in_.unit_name = ctx.workspace.unit_name();
      unit_name_read_ = true;
    }
    if (loaded_version_ != ctx.data_version && !ctx.jobs.busy()) reload(ctx);
    const auto intent = console_ui::rollup_screen(view_, in_);
    using K = RollupIntent::Kind;
    switch (intent.kind) {
      case K::none: break;
      case K::export_rollup: pick_export_folder(ctx); break;
      case K::pick_unit_key: pick_unit_key(ctx); break;
      case K::register_unit: register_unit(ctx); break;
      case K::cancel_unit_key:
        view_.key_file.clear();
        view_.key_fingerprint.clear();
        break;
      case K::import_rollups: pick_import_folder(ctx); break;
      case K::import_baseline: pick_baseline(ctx); break;
    }
  }

 private:
  void reload(Context& ctx) {
    loaded_version_ = ctx.data_version;
    const Workspace& ws = ctx.workspace;
    ctx.jobs.start({"正在读取城市汇总……", "Reading the roll-up…"}, [this, &ws](Progress&) -> Finish {
      std::shared_ptr<Loaded> loaded;
      try {
        loaded = std::make_shared<Loaded>(load(ws));
      } catch (const std::exception& e) {
        // The page still opens (its actions say what fails); the status line says why.
        return {false, error_text(e), [this] { view_.loaded = true; }, false};
      }
      return {true, {}, [this, loaded] {
                view_.loaded = true;
                view_.own_fingerprint = loaded->own_fingerprint;
                view_.units = std::move(loaded->units);
                view_.duplicate_count = loaded->duplicate_count;
                view_.duplicates = std::move(loaded->duplicates);
                view_.baselines = std::move(loaded->baselines);
              },
              false};
    });
  }

  void pick_export_folder(Context& ctx) {
    ctx.browse({{"选择写入汇总文件的 U 盘或文件夹", "Choose the USB stick or folder for the roll-up"}, true, {},
                [this, &ctx](const std::string& folder) { export_to(ctx, folder); }});
  }

  void export_to(Context& ctx, const std::string& folder) {
    const Workspace& ws = ctx.workspace;
    const std::string unit = in_.unit_name;
    start(ctx, {"正在导出本单位汇总文件……", "Exporting this unit's roll-up…"}, [this, &ws, folder, unit](Progress&) -> Finish {
      ws.ensure_key();
      results::OrganiserStore store(ws.organiser_db());
      const auto w = organiser::export_unit_rollup(store, ws.key_stem(), folder, unit, now_ms());
      ws.set_unit_name(unit);
      const auto& h = w.header;
      const std::string ankr = fs::path(w.file).filename().string(), pub = fs::path(w.key_file).filename().string();
      Text text{"已写入 " + ankr + "：" + n(h.enterprise_count) + " 家报名企业，" + n(h.attempt_count) + " 次答题，" +
                    n(h.answer_count) + " 条答题记录，" + n(h.team_result_count) + " 条班组赛成绩。签名密钥指纹：" + w.fingerprint +
                    "。本单位公钥 " + pub + " 已放在旁边，请一并交给市总工会登记。",
                "Wrote " + ankr + ": " + n(h.enterprise_count) + " registered enterprises, " + n(h.attempt_count) + " attempts, " +
                    n(h.answer_count) + " answers, " + n(h.team_result_count) + " team results. Signed by the key with fingerprint " +
                    w.fingerprint + ". This unit's public key " + pub + " is beside it: hand both to the city federation."};
      const std::string fp = w.fingerprint;
      return {true, {"已导出本单位汇总文件", "This unit's roll-up is exported"}, [this, text, fp] {
                view_.exported = true;
                view_.export_ok = true;
                view_.export_text = text;
                view_.own_fingerprint = fp;
              },
              false};
    });
  }

  void pick_unit_key(Context& ctx) {
    ctx.browse({{"选择组织单位交来的 organiser.pub", "Choose the organiser.pub the unit handed in"}, false, {".pub"},
                [this, &ctx](const std::string& path) {
                  try {
                    key_ = results::parse_public_key(path);
                    view_.key_file = path;
                    view_.key_fingerprint = results::fingerprint(key_);
                    in_.register_label.clear();
                  } catch (const std::exception& e) {
                    view_.key_file.clear();
                    ctx.say(false, joined({fs::path(path).filename().string() + "：", fs::path(path).filename().string() + ": "},
                                          error_text(e)));
                  }
                }});
  }

  void register_unit(Context& ctx) {
    const Workspace& ws = ctx.workspace;
    const auto key = key_;
    const std::string label = in_.register_label;
    start(ctx, {"正在登记组织单位……", "Registering the unit…"}, [this, &ws, key, label](Progress&) -> Finish {
      results::OrganiserStore store(ws.organiser_db());
      store.add_unit(key, label);
      const auto fp = results::fingerprint(key);
      return {true,
              {"已登记组织单位 " + label + "，指纹：" + fp, "Registered the unit " + label + ", fingerprint " + fp},
              [this] {
                view_.key_file.clear();
                view_.key_fingerprint.clear();
              },
              true};
    });
  }

  void pick_import_folder(Context& ctx) {
    ctx.browse({{"选择放有汇总文件（.ankr）的 U 盘或文件夹", "Choose the USB stick or folder holding the roll-ups (.ankr)"}, true, {},
                [this, &ctx](const std::string& folder) { import_from(ctx, folder); }});
  }

  void import_from(Context& ctx, const std::string& folder) {
    const Workspace& ws = ctx.workspace;
    start(ctx, {"正在导入汇总文件……", "Importing the roll-ups…"}, [this, &ws, folder](Progress& p) -> Finish {
      const auto files = organiser::rollup_files({folder});
      if (files.empty()) {
        const Text none{"这个文件夹里没有汇总文件（.ankr）：" + folder, "no roll-up (.ankr) in this folder: " + folder};
        return {false, none, [this, none] {
                  view_.files.clear();
                  view_.imported = true;
                  view_.import_ok = false;
                  view_.import_text = none;
                },
                false};
      }
      p(0, files.size());
      results::OrganiserStore store(ws.organiser_db());
      const auto all = organiser::import_rollups(store, files, [&p](std::size_t d, std::size_t t) { p(d, t); });
      auto rows = std::make_shared<std::vector<RollupFileRow>>();
      for (const auto& f : all.files) rows->push_back(file_row(f));
      auto dups = std::make_shared<std::vector<console_ui::RollupDuplicateRow>>(duplicate_rows(all.duplicates));
      const int dup_count = static_cast<int>(all.duplicates.size());
      const Text summary{"导入 " + n(all.imported) + " 个，已导入过 " + n(all.already) + " 个，拒绝 " + n(all.refused) + " 个；新增 " +
                             n(all.answers) + " 条答题记录；重复报名 " + n(static_cast<long long>(all.duplicates.size())) + " 家",
                         n(all.imported) + " imported, " + n(all.already) + " imported before, " + n(all.refused) + " refused; " +
                             n(all.answers) + " answers added; " + n(static_cast<long long>(all.duplicates.size())) +
                             " registered twice"};
      const bool ok = all.refused == 0;
      return {ok, summary, [this, rows, dups, dup_count, summary, ok] {
                view_.files = std::move(*rows);
                view_.duplicate_count = dup_count;
                view_.duplicates = std::move(*dups);
                view_.imported = true;
                view_.import_ok = ok;
                view_.import_text = summary;
              },
              all.imported > 0};
    });
  }

  void pick_baseline(Context& ctx) {
    ctx.browse({{"选择去年的参赛企业汇总表（XLSX 或 CSV）", "Choose last year's 参赛企业汇总表 (XLSX or CSV)"}, false, {".xlsx", ".csv"},
                [this, &ctx](const std::string& path) { import_baseline(ctx, path); }});
  }

  void import_baseline(Context& ctx, const std::string& path) {
    const Workspace& ws = ctx.workspace;
    const int year = std::stoi(in_.year);
    const bool replace = in_.replace;
    start(ctx, {"正在导入基线……", "Importing the baseline…"}, [this, &ws, path, year, replace](Progress&) -> Finish {
      auto done = std::make_shared<organiser::BaselineImported>(organiser::import_baseline_file(ws.organiser_db(), path, year, replace));
      const std::string name = fs::path(path).filename().string();
      auto problems = std::make_shared<std::vector<console_ui::RollupProblem>>();
      for (const auto& pr : done->read.problems) {
        problems->push_back({where(pr.line, pr.column), pr.field, pr.message});
      }
      Text text;
      bool ok = false;
      using S = results::BaselineOutcome::Status;
      if (!problems->empty()) {
        text = {name + "：" + n(static_cast<long long>(problems->size())) + " 处错误，未导入基线（见下表）",
                name + ": " + n(static_cast<long long>(problems->size())) + " problem(s), nothing imported (see the table)"};
      } else if (done->outcome->status == S::refused) {
        text = joined({name + "：未导入基线：", name + ": nothing imported: "}, done->outcome->reason);
      } else {
        ok = true;
        const auto& all = done->read.baseline.overall;
        const auto units = static_cast<long long>(done->read.baseline.units.size());
        const Text what = done->outcome->status == S::already_imported ? Text{"基线未改变（已导入过）", "baseline unchanged (imported before)"}
                          : done->outcome->status == S::replaced       ? Text{"已替换基线", "baseline replaced"}
                                                                       : Text{"已导入基线", "baseline imported"};
        text = joined(what, {" " + n(year) + " 年：" + n(units) + " 个组织单位，" + n(all.enterprises) + " 家参赛企业，" +
                                 n(all.participants) + " 名参赛职工，" + n(all.attempts) + " 答题人次",
                             " " + n(year) + ": " + n(units) + " units, " + n(all.enterprises) + " enterprises taking part, " +
                                 n(all.participants) + " participants, " + n(all.attempts) + " attempts"});
      }
      if (done->outcome)
        for (const auto& note : done->outcome->notes) text = joined(text, joined({"。注意：", ". Note: "}, note));
      const bool changed = ok && done->outcome->status != S::already_imported;
      return {ok, text, [this, problems, text, ok, path] {
                view_.baseline_done = true;
                view_.baseline_ok = ok;
                view_.baseline_file = path;
                view_.baseline_text = text;
                view_.baseline_problems = std::move(*problems);
              },
              changed};
    });
  }

  RollupView view_;
  console_ui::RollupInputs in_;
  results::PublicKey key_{};
  int loaded_version_ = -1;
  bool unit_name_read_ = false;  // the workspace's unit name, once
};

}  // namespace

std::unique_ptr<Page> make_rollup_page() { return std::make_unique<RollupPage>(); }

}  // namespace ankang::console
