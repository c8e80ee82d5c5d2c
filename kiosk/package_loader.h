// Loading a folder (a USB stick) into a kiosk: its contest package
// (*.ankpkg) if it has one, else its question files. The admin screen (App)
// and `ankang-kiosk --load-folder` (load_into_data_dir) both load through it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/store.h"
#include "question_bank/bank.h"
#include "results/keys.h"

namespace ankang::kiosk {

// What loading a folder did.
struct FolderLoad {
  bool loaded = false;   // something went into the bank or the store
  bool contest = false;  // a contest package: the roster and the current contest changed
  std::string message;   // what was loaded, or why nothing was (Chinese, then English)
};

class PackageLoader {
 public:
  // The kiosk whose data directory holds the trusted organiser.pub.
  PackageLoader(std::string data_dir, Store& store, bank::Bank& bank);

  // Loads `folder` at `unix_ms` (the package's validity window is checked
  // against it). All question files must parse cleanly; otherwise nothing is
  // stored and the message names each problem at its file and line.
  FolderLoad load_folder(const std::string& folder, std::int64_t unix_ms);

 private:
  FolderLoad load_package(const std::string& folder, const std::string& file, std::int64_t unix_ms);
  FolderLoad load_question_files(const std::string& folder);
  // The organiser key this kiosk trusts; nullopt with the reason in `why`.
  std::optional<results::PublicKey> organiser_key(const std::string& folder, std::string& why);

  std::string data_dir_;
  Store& store_;
  bank::Bank& bank_;
  // A folder's organiser.pub waiting for the admin's second tap to be trusted.
  std::string pending_trust_;
};

// `ankang-kiosk --load-folder`: loads `folder` into the data directory
// without a window, as the admin screen would.
FolderLoad load_into_data_dir(const std::string& data_dir, const std::string& folder, std::int64_t unix_ms);

}  // namespace ankang::kiosk
