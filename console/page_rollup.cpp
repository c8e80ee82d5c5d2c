// The rollup page. (Built next: until then it says what it will hold.)
#include "console/context.h"
#include "console_ui/text.h"
#include "console_ui/widgets.h"

namespace ankang::console {

namespace {

class RollupPage : public Page {
 public:
  void draw(Context&) override { console_ui::heading(console_ui::tr("rollup", "rollup")); }
};

}  // namespace

std::unique_ptr<Page> make_rollup_page() { return std::make_unique<RollupPage>(); }

}  // namespace ankang::console
