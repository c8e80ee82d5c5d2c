#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/text.h"
#include "question_bank/bank.h"
#include "question_bank/bank_impl.h"

namespace ankang::bank {

namespace {

// Separates the parts so that ("ab", "c") and ("a", "bc") differ.
constexpr char kSep = '\x1f';

std::string sorted_normalized(const std::vector<std::string>& texts) {
  std::vector<std::string> norm;
  for (const auto& t : texts) norm.push_back(normalize_text(t));
  std::sort(norm.begin(), norm.end());
  std::string out;
  for (const auto& n : norm) out += n + kSep;
  return out;
}

std::string canonical_answer(const Question& q) {
  std::string out;
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple: {
      // The correct texts, not their letters: shuffled options stay the same question.
      std::vector<std::string> correct;
      for (int i : q.correct)
        if (i >= 0 && static_cast<std::size_t>(i) < q.options.size()) correct.push_back(q.options[i]);
      return sorted_normalized(correct);
    }
    case QuestionType::true_false:
      return q.truth ? "true" : "false";
    case QuestionType::fill_blank:
      if (q.numeric) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g~%.17g", q.numeric->value, q.numeric->tolerance);
        return buf;
      }
      for (const auto& accepted : q.blanks) out += sorted_normalized(accepted) + kSep;
      return out;
    case QuestionType::matching: {
      std::vector<std::string> pairs;
      for (const auto& p : q.pairs) pairs.push_back(normalize_text(p.left) + "=" + normalize_text(p.right));
      return sorted_normalized(pairs);
    }
    case QuestionType::ordering:
      for (const auto& item : q.options) out += normalize_text(item) + kSep;
      return out;
    case QuestionType::hotspot: {
      // The same stem over another picture is another question.
      std::array<unsigned char, crypto_hash_sha256_BYTES> image{};
      crypto_hash_sha256(image.data(), q.image.bytes.data(), q.image.bytes.size());
      out.assign(reinterpret_cast<const char*>(image.data()), image.size());
      for (const auto& r : q.regions)
        out += kSep + std::to_string(r.x) + "," + std::to_string(r.y) + "," + std::to_string(r.width) + "," +
               std::to_string(r.height);
      return out;
    }
  }
  return out;
}

}  // namespace

std::string sha256_hex(const std::vector<std::uint8_t>& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, bytes.data(), bytes.size());
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned char c : digest) {
    s += hex[c >> 4];
    s += hex[c & 15];
  }
  return s;
}

std::string stem_key(QuestionType type, std::string_view stem, std::string_view picture_sha256) {
  std::string key = std::string(type_code(type)) + kSep + normalize_text(stem);
  if (!picture_sha256.empty()) key.append(1, kSep).append(picture_sha256);
  return key;
}

DuplicateKey duplicate_key(const Question& q) {
  std::string canonical = stem_key(q.type, q.stem, {}) + kSep + canonical_answer(q);
  // 128 bits are plenty to tell questions apart and keep the index small;
  // BLAKE2b gives them for a third of SHA-256's work, which a big import
  // does once per question.
  DuplicateKey key{};
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(),
                     nullptr, 0);
  return key;
}

}  // namespace ankang::bank
