#include "question_bank/starter_bank.h"

#include <map>

#include <nlohmann/json.hpp>

#include "embed/embedded_file.h"
#include "question_bank/formats/format.h"
#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/image_data.h"

// Generated from data/bank/ by ankang_embed (question_bank/CMakeLists.txt).
namespace ankang::bank::embedded_starter { std::span<const ankang::EmbeddedFile> files(); }

namespace ankang::bank {

namespace {

// The JSON reader loads "images/x.png" from beside the file on disk; embedded
// files have no disk, so their pictures go in as data: URIs instead.
std::string inline_images(const EmbeddedData& file, const std::map<std::string, std::span<const std::uint8_t>>& all) {
  auto text = detail::as_text(file.bytes);
  auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.contains("questions") || !doc["questions"].is_array()) return std::string(text);
  bool changed = false;
  for (auto& q : doc["questions"]) {
    if (!q.is_object() || !q.contains("image") || !q["image"].is_string()) continue;
    auto relative = q["image"].get<std::string>();
    if (relative.starts_with("data:")) continue;
    auto it = all.find(detail::sibling_path(file.path, relative));
    if (it == all.end()) continue;  // the reader then reports the missing picture
    auto image = detail::image_from_bytes({it->second.begin(), it->second.end()});
    if (!image) continue;  // likewise: reported as not a picture
    q["image"] = detail::image_to_data_uri(*image);
    changed = true;
  }
  // Unchanged files keep their text, so diagnostics point at the right lines.
  return changed ? doc.dump(2) : std::string(text);
}

}  // namespace

std::vector<EmbeddedData> starter_files() {
  std::vector<EmbeddedData> files;
  for (const auto& f : embedded_starter::files()) files.push_back({f.path, f.bytes()});
  return files;
}

std::vector<Question> starter_questions() {
  auto files = starter_files();
  std::map<std::string, std::span<const std::uint8_t>> by_path;
  for (const auto& f : files) by_path[f.path] = f.bytes;

  std::vector<Question> questions;
  Text problems;
  for (const auto& f : files) {
    if (!f.path.ends_with(".json")) continue;
    auto text = inline_images(f, by_path);
    auto result = parse_questions("data/bank/" + f.path, detail::as_bytes(text), Format::json);
    for (auto& pq : result.questions) questions.push_back(std::move(pq.question));
    std::vector<Diagnostic> all = result.file_errors;
    for (const auto& r : result.rejected) all.insert(all.end(), r.reasons.begin(), r.reasons.end());
    for (const auto& d : all) {
      problems.zh += "\n  " + format_diagnostic(d, true);
      problems.en += "\n  " + format_diagnostic(d, false);
    }
  }
  if (!problems.zh.empty())
    throw BankError(Text{"内置的初始题库有错误：" + problems.zh, "the built-in starter bank has errors:" + problems.en});
  return questions;
}

InsertOutcome load_starter_bank(Bank& bank) { return bank.insert(starter_questions()); }

}  // namespace ankang::bank
