#include "kiosk/kiosk_files.h"

#include <filesystem>

#include "kiosk/admin_pin.h"
#include "question_bank/starter_bank.h"
#include "results/uscc.h"

namespace ankang::kiosk {

namespace {

// The demonstration enterprise's 统一社会信用代码: 17 characters and their
// check character, so its results can travel in a bundle.
std::string demo_uscc() {
  const std::string first17 = "91350100MA0000000";
  return first17 + results::uscc_check_character(first17).value_or('0');
}

}  // namespace

KioskFiles open_kiosk_files(const std::string& data_dir) {
  std::filesystem::create_directories(data_dir);
  KioskFiles f{Store::open(data_dir + "/kiosk.db"), bank::Bank::open(data_dir + "/bank.db")};
  if (f.bank.count(true) == 0) bank::load_starter_bank(f.bank);
  if (f.store.enterprises().empty()) {
    // A new kiosk gets a demonstration roster until a contest package brings
    // the real enterprises and teams.
    const auto e = f.store.add_enterprise("示范企业");
    f.store.set_enterprise_uscc(e, demo_uscc());
    for (const char* t : {"一班", "二班", "三班", "四班"}) f.store.add_team(e, t);
  }
  if (!f.store.setting("pin_hash")) f.store.set_setting("pin_hash", hash_pin(kDefaultPin));
  return f;
}

}  // namespace ankang::kiosk
