// The bank page. (Built next: until then it says what it will hold.)
#include "console/context.h"
#include "console_ui/text.h"
#include "console_ui/widgets.h"

namespace ankang::console {

namespace {

class BankPage : public Page {
 public:
  void draw(Context&) override { console_ui::heading(console_ui::tr("bank", "bank")); }
};

}  // namespace

std::unique_ptr<Page> make_bank_page() { return std::make_unique<BankPage>(); }

}  // namespace ankang::console
