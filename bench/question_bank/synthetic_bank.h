// Made-up questions in bulk for the benchmarks: plausible lengths of Chinese
// text, unique stems, spread over categories, types and difficulties.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/question.h"

namespace ankang::bench {

// Question number i (0-based): deterministic, different for every i.
Question synthetic_question(std::uint64_t i);

// The same question as a row of the CSV template (题型,题干,选项A..D,答案,解析,依据,分类,难度,标签).
std::string synthetic_csv_header();
std::string synthetic_csv_row(std::uint64_t i);

// The top-level categories used ("类别00".."类别11"), each with 3 subcategories.
std::string synthetic_category(int top);

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace ankang::bench
