// Contest configs (JSON): parse_config lists every problem and never throws.
#include <string_view>

#include "engine_io/config_json.h"
#include "fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto loaded = ankang::io::parse_config(text);
  (void)ankang::io::describe_problems("fuzz-input", loaded.problems, true);
  // A config that loads must also write back out, as `contest check` does.
  if (loaded.ok()) (void)ankang::io::config_to_json(loaded.config).dump();
  return 0;
}
