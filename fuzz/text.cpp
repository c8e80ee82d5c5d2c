// A numbered question bank in plain text.
#include "fuzz/question_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ankang::fuzz::parse_question_file(data, size, ankang::bank::Format::text);
  return 0;
}
