// Question spreadsheets as CSV and TSV text (UTF-8, BOM, GBK, UTF-16).
#include <vector>

#include "fuzz/question_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
#ifdef ANKANG_FUZZ_PLANTED_BUG
  // The control run's planted bug: a file whose first field opens with a
  // quote and 'X' makes this read one byte past the end of the buffer.
  std::vector<char> copy(data, data + size);
  if (size >= 2 && copy[0] == '"' && copy[1] == 'X') {
    volatile char past_end = copy.data()[size];
    (void)past_end;
  }
#endif
  ankang::fuzz::parse_question_file(data, size, ankang::bank::Format::csv);
  ankang::fuzz::parse_question_file(data, size, ankang::bank::Format::tsv);
  return 0;
}
