// Replays every committed input of one fuzz target (fuzz/corpus/<target>/
// and fuzz/crashes/<target>/) through its LLVMFuzzerTestOneInput, in the
// normal build: a crash found once stays fixed. ANKANG_FUZZ_TARGET names it,
// ANKANG_FUZZ_SUITE (FuzzReplay_<target>) keeps the test names apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

#include "fuzz/fuzz_target.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs(const std::string& kind) {
  std::vector<fs::path> files;
  const auto dir = fs::path(ANKANG_SOURCE_DIR) / "fuzz" / kind / ANKANG_FUZZ_TARGET;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void replay(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<std::uint8_t> bytes(std::istreambuf_iterator<char>(in), {});
  SCOPED_TRACE(file.string());
  // Copied to a buffer of exactly its size, as libFuzzer passes it, so a
  // sanitizer build sees any read past the end.
  std::unique_ptr<std::uint8_t[]> exact(new std::uint8_t[bytes.size()]);
  std::copy(bytes.begin(), bytes.end(), exact.get());
  EXPECT_EQ(LLVMFuzzerTestOneInput(exact.get(), bytes.size()), 0);
}

}  // namespace

TEST(ANKANG_FUZZ_SUITE, SeedCorpus) {
  auto files = inputs("corpus");
  ASSERT_FALSE(files.empty()) << "no seeds in fuzz/corpus/" << ANKANG_FUZZ_TARGET;
  for (const auto& f : files) replay(f);
}

TEST(ANKANG_FUZZ_SUITE, Crashes) {
  for (const auto& f : inputs("crashes")) replay(f);
}
