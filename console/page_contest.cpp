// The contest page. (Built next: until then it says what it will hold.)
#include "console/context.h"
#include "console_ui/text.h"
#include "console_ui/widgets.h"

namespace ankang::console {

namespace {

class ContestPage : public Page {
 public:
  void draw(Context&) override { console_ui::heading(console_ui::tr("contest", "contest")); }
};

}  // namespace

std::unique_ptr<Page> make_contest_page() { return std::make_unique<ContestPage>(); }

}  // namespace ankang::console
