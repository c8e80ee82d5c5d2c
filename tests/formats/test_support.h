// Helpers shared by the format tests: sample questions, temporary files, bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/question.h"
#include "question_bank/formats/format.h"

namespace ankang::bank::test {

std::vector<std::uint8_t> bytes_of(std::string_view text);
std::string text_of(const std::vector<std::uint8_t>& bytes);

// UTF-8 text converted to GBK, as a Chinese editor saves it.
std::string to_gbk(std::string_view utf8);

// A PNG header of the given size: enough for the readers, which only need the size.
std::vector<std::uint8_t> tiny_png(int width, int height);

// A fresh folder under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::vector<std::uint8_t>& bytes) const;

 private:
  std::filesystem::path path_;
};

// A zip archive holding the members (name, content), as its bytes.
std::vector<std::uint8_t> zip_of(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& members);

std::optional<std::vector<std::uint8_t>> detail_read(const std::filesystem::path& p);
ParseResult parse_text(std::string_view path, std::string_view text, Format format);
// Every diagnostic of a result, formatted in English, one per line (for failure messages).
std::string all_messages(const ParseResult& r);

// One question of every type, with every field set.
std::vector<Question> sample_questions();
Question sample_of(QuestionType type);

// Reads a file of ../shared/interop/moodle, or empty when that folder is absent.
std::string shared_fixture(const std::string& relative);

}  // namespace ankang::bank::test

namespace ankang {
// Shows a question as JSON in failure messages.
void PrintTo(const Question& q, std::ostream* out);
}  // namespace ankang
