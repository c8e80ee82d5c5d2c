// 首页: the workspace in numbers and the year's steps.
#include <filesystem>

#include "console/context.h"
#include "console_ui/screen_home.h"
#include "question_bank/bank.h"
#include "results/keys.h"
#include "results/store.h"

namespace ankang::console {

namespace {

class HomePage : public Page {
 public:
  void draw(Context& ctx) override {
    if (loaded_version_ != ctx.data_version && !ctx.jobs.busy()) load(ctx);
    const auto intent = console_ui::home_screen(view_);
    if (intent.go) ctx.go(*intent.go);
  }

 private:
  void load(Context& ctx) {
    loaded_version_ = ctx.data_version;
    ctx.jobs.start({"正在读取……", "Reading…"}, [this, &ws = ctx.workspace](Progress&) {
      console_ui::HomeView v;
      v.loaded = true;
      results::OrganiserStore store(ws.organiser_db());
      const auto c = store.counts();
      v.enterprises = c.enterprises, v.unregistered = c.unregistered, v.kiosks = c.devices;
      v.bundles = c.bundles, v.answers = c.answers;
      v.units = static_cast<long>(store.units().size());
      // Opening the bank makes it: an empty one is fine.
      v.questions = bank::Bank::open(ws.bank_db()).count();
      if (std::filesystem::exists(ws.key_stem() + ".pub"))
        v.key_fingerprint = results::fingerprint(results::read_public_key(ws.key_stem() + ".pub"));
      return Finish{true, {}, [this, v] { view_ = v; }, false};
    });
  }

  console_ui::HomeView view_;
  int loaded_version_ = -1;
};

}  // namespace

std::unique_ptr<Page> make_home_page() { return std::make_unique<HomePage>(); }

}  // namespace ankang::console
