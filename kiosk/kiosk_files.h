// A kiosk's data directory opened: its kiosk store and question bank.
#pragma once

#include <string>

#include "kiosk/store.h"
#include "question_bank/bank.h"

namespace ankang::kiosk {

// The store and bank of a kiosk's data directory, made on first start with
// what a new kiosk begins with: the starter question bank, a demonstration
// roster (until a contest package brings the real one) and the default PIN.
struct KioskFiles {
  Store store;
  bank::Bank bank;
};
KioskFiles open_kiosk_files(const std::string& data_dir);

}  // namespace ankang::kiosk
