// Bank::search: FTS5 trigram for words of 3+ characters, LIKE for shorter ones.
#include <string>
#include <vector>

#include "question_bank/bank.h"
#include "question_bank/bank_impl.h"
#include "storage/sqlite.h"

namespace ankang::bank {

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush();
    } else if (c == 0xE3 && i + 2 < text.size() && text[i + 1] == '\x80' && text[i + 2] == '\x80') {
      flush();  // ideographic space
      i += 2;
    } else {
      word += text[i];
    }
  }
  flush();
  return words;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// One FTS5 phrase per word, all of which must match.
std::string fts_query(const std::vector<std::string>& words) {
  std::string query;
  for (const auto& w : words) {
    if (!query.empty()) query += " AND ";
    query += '"';
    for (char c : w) query += c == '"' ? std::string("\"\"") : std::string(1, c);
    query += '"';
  }
  return query;
}

std::string like_pattern(const std::string& word) {
  std::string p = "%";
  for (char c : word) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

}  // namespace

std::vector<std::string> Bank::search(const std::string& text, int limit, bool include_retired) const try {
  const std::string status = include_retired ? "1" : "q.status = 'active'";
  auto words = words_of(text);
  std::vector<std::string> ids;
  if (words.empty() || limit <= 0) return ids;
  bool short_word = false;
  for (const auto& w : words) short_word = short_word || code_points(w) < 3;

  if (!short_word) {
    storage::Statement st(impl_->db,
        "SELECT q.id FROM questions_fts f JOIN questions q ON q.seq = f.rowid "
        "WHERE questions_fts MATCH ? AND " + status + " ORDER BY f.rank LIMIT ?");
    st.bind(1, fts_query(words)).bind(2, std::int64_t{limit});
    while (st.step()) ids.push_back(st.text(0));
    return ids;
  }

  // The trigram index cannot look up fewer than 3 characters: scan with LIKE.
  std::string where, in_stem;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string n = std::to_string(i + 1);
    where += " AND (q.stem LIKE ?" + n + " ESCAPE '\\' OR q.options LIKE ?" + n +
             " ESCAPE '\\' OR q.explanation LIKE ?" + n + " ESCAPE '\\')";
    in_stem += " + (q.stem LIKE ?" + n + " ESCAPE '\\')";
  }
  storage::Statement st(impl_->db, "SELECT q.id FROM questions q WHERE " + status + where +
                                   " ORDER BY (0" + in_stem + ") DESC, q.seq LIMIT " + std::to_string(limit));
  for (std::size_t i = 0; i < words.size(); ++i) st.bind(static_cast<int>(i + 1), like_pattern(words[i]));
  while (st.step()) ids.push_back(st.text(0));
  return ids;
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

}  // namespace ankang::bank
