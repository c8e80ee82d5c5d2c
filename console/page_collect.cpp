// 收集成绩: bundles collected through organiser::collect_bundles, the same
// function as `ankang results import`; kiosks registered as `ankang device add`.
#include <algorithm>
#include <filesystem>

#include "console/context.h"
#include "console_ui/screen_collect.h"
#include "console_ui/text.h"
#include "organiser/collect.h"
#include "results/error.h"
#include "results/keys.h"
#include "results/store.h"

namespace ankang::console {

namespace {

namespace fs = std::filesystem;
using console_ui::tr;

std::string file_name(const std::string& path) { return fs::path(path).filename().string(); }

console_ui::BundleRow bundle_row(const results::ImportOutcome& out) {
  using S = results::ImportOutcome::Status;
  console_ui::BundleRow row;
  row.file = file_name(out.source);
  if (out.status == S::imported) {
    row.status = tr("已导入", "imported");
    row.detail = std::to_string(out.answers) + tr(" 条答题记录", " answers");
    if (out.team_results) row.detail += "，" + std::to_string(out.team_results) + tr(" 条班组赛成绩", " team results");
  } else if (out.status == S::already_imported) {
    row.status = tr("此前已导入", "already imported");
    row.detail = tr("未重复计入", "nothing added twice");
  } else {
    row.status = tr("拒绝", "refused");
    row.refused = true;
    row.detail = tr(out.reason);
  }
  for (const auto& note : out.notes) row.detail += std::string("；") + tr(note);
  return row;
}

class CollectPage : public Page {
 public:
  void draw(Context& ctx) override {
    if (loaded_version_ != ctx.data_version && !ctx.jobs.busy()) load(ctx);
    const auto intent = console_ui::collect_screen(view_, label_);
    if (intent.collect)
      ctx.browse({{"选择终端导出成绩的 U 盘或文件夹", "Choose the USB stick or folder the kiosks exported to"},
                  true,
                  {},
                  [this, &ctx](const std::string& folder) { collect(ctx, folder); }});
    if (intent.pick_kiosk_key)
      ctx.browse({{"选择终端的公钥文件（.pub）", "Choose the kiosk's public key file (.pub)"},
                  false,
                  {".pub"},
                  [this](const std::string& file) { take_key(file); }});
    if (intent.cancel_kiosk) view_.candidate.reset();
    if (intent.confirm_kiosk) register_kiosk(ctx);
  }

 private:
  void load(Context& ctx) {
    loaded_version_ = ctx.data_version;
    ctx.jobs.start({"正在读取终端……", "Reading the kiosks…"}, [this, db = ctx.workspace.organiser_db()](Progress&) {
      results::OrganiserStore store(db);
      std::vector<console_ui::KioskRow> rows;
      for (const auto& d : store.devices())
        rows.push_back({d.label.empty() ? tr("（未命名）", "(no name)") : d.label, d.fingerprint, std::to_string(d.bundles),
                        d.last_sequence ? std::to_string(d.last_sequence) : "—"});
      return Finish{true, {}, [this, rows = std::move(rows)] { view_.kiosks = rows; }, false};
    });
  }

  void collect(Context& ctx, const std::string& folder) {
    ctx.jobs.start({"正在验证并导入成绩包……", "Verifying and importing the bundles…"},
                   [this, folder, db = ctx.workspace.organiser_db()](Progress& progress) {
                     results::OrganiserStore store(db);
                     const auto files = organiser::bundle_files({folder});
                     const auto c = organiser::collect_bundles(store, files, {}, std::ref(progress));
                     console_ui::CollectView v;
                     v.folder = folder;
                     v.imported = c.imported, v.already = c.already, v.refused = c.refused;
                     v.answers = c.answers, v.team_results = c.team_results;
                     for (const auto& out : c.files) v.bundles.push_back(bundle_row(out));
                     // The refused ones first: they are what needs the organiser.
                     std::stable_partition(v.bundles.begin(), v.bundles.end(), [](const auto& b) { return b.refused; });
                     for (const auto& g : c.gaps) v.gaps.push_back(std::string(tr("缺号：", "gap: ")) + tr(g));
                     Text message{"收集完成：导入 " + std::to_string(c.imported) + " 个，此前已导入 " + std::to_string(c.already) +
                                      " 个，拒绝 " + std::to_string(c.refused) + " 个",
                                  "collected: " + std::to_string(c.imported) + " imported, " + std::to_string(c.already) +
                                      " already imported, " + std::to_string(c.refused) + " refused"};
                     if (files.empty()) message = {folder + "：没有找到成绩包（.ankb）", folder + ": no score bundle (.ankb) found"};
                     auto apply = [this, v = std::move(v)]() mutable {
                       v.kiosks = std::move(view_.kiosks);
                       v.candidate = std::move(view_.candidate);
                       view_ = std::move(v);
                     };
                     return Finish{c.refused == 0 && !files.empty(), message, apply, c.imported > 0};
                   });
  }

  void take_key(const std::string& file) {
    console_ui::KioskToRegister c;
    c.file = file;
    try {
      key_ = results::parse_public_key(file);
      c.fingerprint = results::fingerprint(*key_);
    } catch (const results::ResultsError& e) {
      key_.reset();
      c.error = file_name(file) + ": " + tr(e.text());
    }
    // A kiosk's key file is named after it: a good default name.
    label_ = fs::path(file).stem().string();
    view_.candidate = c;
  }

  void register_kiosk(Context& ctx) {
    if (!key_) return;
    ctx.jobs.start({"正在登记终端……", "Registering the kiosk…"},
                   [this, key = *key_, label = label_, db = ctx.workspace.organiser_db()](Progress&) {
                     results::OrganiserStore store(db);
                     store.add_device(key, label);
                     return Finish{true,
                                   {"已登记终端“" + label + "”，指纹 " + results::fingerprint(key),
                                    "kiosk '" + label + "' registered, fingerprint " + results::fingerprint(key)},
                                   [this] { view_.candidate.reset(); },
                                   true};
                   });
  }

  console_ui::CollectView view_;
  std::string label_;
  std::optional<results::PublicKey> key_;
  int loaded_version_ = -1;
};

}  // namespace

std::unique_ptr<Page> make_collect_page() { return std::make_unique<CollectPage>(); }

}  // namespace ankang::console
