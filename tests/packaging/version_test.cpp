// `ankang --version` and `ankang-kiosk --version`: version, git revision,
// build date and library versions; the revision script outside a checkout.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/packaging/run.h"

namespace ankang::test {
namespace {

const std::string kBin = ANKANG_BIN_DIR;

// "NAME 0.1.0 (git 0123456789ab[+dirty], built 2026-11-29)"; built from a
// git checkout the revision is known, from an unpacked tarball "unknown".
void expect_header(const std::string& out, const std::string& program) {
  const bool checkout = std::filesystem::exists(std::string(ANKANG_SOURCE_DIR) + "/.git");
  const std::string revision = checkout ? "[0-9a-f]{12}(\\+dirty)?" : "unknown";
  const std::regex header("^" + program + " [0-9]+\\.[0-9]+\\.[0-9]+ \\(git " + revision +
                          ", built 20[0-9]{2}-[01][0-9]-[0-3][0-9]\\)\n");
  EXPECT_TRUE(std::regex_search(out, header)) << out;
}

TEST(Version, CliPrintsVersionRevisionAndLibraries) {
  const CommandResult r = run(kBin + "/ankang --version");
  ASSERT_EQ(r.status, 0) << r.output;
  expect_header(r.output, "ankang");
  for (const char* lib : {"\n  SQLite 3.", "\n  libsodium 1.", "\n  cereal 1.", "\n  libxlsxwriter 1.",
                          "\n  libzip 1.", "\n  CLI11 2."})
    EXPECT_NE(r.output.find(lib), std::string::npos) << lib << " missing in\n" << r.output;
  EXPECT_EQ(r.output.find("SDL2"), std::string::npos) << "the CLI does not link SDL";
}

TEST(Version, KioskAddsSdlAndImgui) {
  const CommandResult r = run(kBin + "/ankang-kiosk --version");
  ASSERT_EQ(r.status, 0) << r.output;
  expect_header(r.output, "ankang-kiosk");
  EXPECT_TRUE(std::regex_search(r.output, std::regex("\n  SDL2 2\\.[0-9]+\\.[0-9]+\n"))) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex("\n  Dear ImGui 1\\.[0-9]+"))) << r.output;
  EXPECT_NE(r.output.find("\n  SQLite 3."), std::string::npos) << r.output;
}

TEST(Version, RevisionIsUnknownOutsideAGitCheckout) {
  const std::string dir = temp_dir("revision");
  const std::string header = dir + "/info.h";
  const CommandResult r = run(std::string(ANKANG_CMAKE) + " -DSOURCE_DIR=" + dir + " -DOUTPUT=" + header +
                    " -DVERSION=9.8.7 -P " + ANKANG_SOURCE_DIR + "/packaging/build_info.cmake");
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream in(header);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("#define ANKANG_BUILD_REVISION \"unknown\""), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("#define ANKANG_BUILD_VERSION \"9.8.7\""), std::string::npos) << text.str();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ankang::test
