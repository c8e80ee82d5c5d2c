#include "machine/version.h"

#include <cereal/version.hpp>
#include <fontconfig/fontconfig.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sodium.h>
#include <sqlite3.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "ankang_build_info.h"  // generated at every build (packaging/build_info.cmake)

namespace ankang {

namespace {

std::string dotted(long major, long minor, long patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

}  // namespace

const BuildInfo& build_info() {
  static const BuildInfo info{ANKANG_BUILD_VERSION, ANKANG_BUILD_REVISION, ANKANG_BUILD_DATE};
  return info;
}

std::vector<LibraryVersion> library_versions() {
  const int fc = FcGetVersion();  // major*10000 + minor*100 + revision
  return {
      {"SQLite", sqlite3_libversion()},
      {"libsodium", sodium_version_string()},
      {"cereal", dotted(CEREAL_VERSION_MAJOR, CEREAL_VERSION_MINOR, CEREAL_VERSION_PATCH)},
      {"libxlsxwriter", lxw_version()},
      {"libzip", zip_libzip_version()},
      {"pugixml", dotted(PUGIXML_VERSION / 1000, PUGIXML_VERSION / 10 % 100, PUGIXML_VERSION % 10)},
      {"nlohmann_json", dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH)},
      {"fontconfig", dotted(fc / 10000, fc / 100 % 100, fc % 100)},
  };
}

std::string version_text(std::string_view program, const std::vector<LibraryVersion>& extra) {
  const BuildInfo& b = build_info();
  std::string out = std::string(program) + " " + std::string(b.version) + " (git " + std::string(b.revision) +
                    ", built " + std::string(b.date) + ")\n";
  auto add = [&](const std::vector<LibraryVersion>& libs) {
    for (const auto& lib : libs) out += "  " + lib.name + " " + lib.version + "\n";
  };
  add(library_versions());
  add(extra);
  return out;
}

}  // namespace ankang
