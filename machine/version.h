// What `ankang --version` and `ankang-kiosk --version` print: the release,
// the git revision it was built from and the libraries it runs with.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ankang {

struct BuildInfo {
  std::string_view version;   // project(VERSION) of CMakeLists.txt
  std::string_view revision;  // git revision, "+dirty" when modified; "unknown" outside a checkout
  std::string_view date;      // build date, YYYY-MM-DD (UTC, or SOURCE_DATE_EPOCH)
};
const BuildInfo& build_info();

struct LibraryVersion {
  std::string name;
  std::string version;
};

// The libraries both programs link, as they report themselves at run time
// where they can (SQLite, libsodium, libxlsxwriter, libzip, fontconfig).
std::vector<LibraryVersion> library_versions();

// "PROGRAM VERSION (git REV, built DATE)" then one "  NAME VERSION" line per
// library, the common ones first, then `extra`.
std::string version_text(std::string_view program, const std::vector<LibraryVersion>& extra = {});

}  // namespace ankang
