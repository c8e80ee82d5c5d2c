// The results page. (Built next: until then it says what it will hold.)
#include "console/context.h"
#include "console_ui/text.h"
#include "console_ui/widgets.h"

namespace ankang::console {

namespace {

class ResultsPage : public Page {
 public:
  void draw(Context&) override { console_ui::heading(console_ui::tr("results", "results")); }
};

}  // namespace

std::unique_ptr<Page> make_results_page() { return std::make_unique<ResultsPage>(); }

}  // namespace ankang::console
