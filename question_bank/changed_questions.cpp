// Finding the questions of an import that are questions of the bank with
// another answer: same stem key (type, normalised stem, picture), another
// duplicate key. Bank::changed shows them before an import; Bank::insert
// finds them again in its transaction and, when asked, retires the old ones.
#include <algorithm>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "question_bank/bank.h"
#include "question_bank/bank_impl.h"
#include "storage/sqlite.h"

namespace ankang::bank {

namespace {

struct OldQuestion {
  std::int64_t seq = 0;
  std::string id;
  std::vector<std::uint8_t> key;  // its dup_key column
};

// One stem key's questions: the import's (by index) and the bank's active ones.
struct Group {
  std::vector<std::size_t> indexes;
  std::vector<OldQuestion> old;
};

std::string stem_key_of(const Question& q) {
  return stem_key(q.type, q.stem, q.image.empty() ? std::string() : sha256_hex(q.image.bytes));
}

bool bank_has_active_questions(sqlite3* db) {
  // The draw strata count exactly the active questions: a few rows.
  storage::Statement st(db, "SELECT 1 FROM strata WHERE size > 0 LIMIT 1");
  return st.step();
}

}  // namespace

Changes find_changes(sqlite3* db, const std::vector<Question>& questions) {
  Changes out;
  // An import into an empty bank (the big first one) pays nothing.
  if (questions.empty() || !bank_has_active_questions(db)) return out;

  std::unordered_map<std::string, Group> groups;
  for (std::size_t i = 0; i < questions.size(); ++i)
    if (questions[i].status == QuestionStatus::active) groups[stem_key_of(questions[i])].indexes.push_back(i);

  storage::Statement active(db,
      "SELECT q.seq, q.id, q.type, q.stem, ifnull(i.sha256, ''), q.dup_key FROM questions q "
      "LEFT JOIN images i ON i.id = q.image_id WHERE q.status = 'active' ORDER BY q.seq");
  while (active.step()) {
    const auto type = type_from_code(active.text(2));
    if (!type) continue;  // the schema's CHECK allows no other
    const auto it = groups.find(stem_key(*type, active.text(3), active.text(4)));
    if (it == groups.end()) continue;
    const auto key = active.blob(5);
    it->second.old.push_back({active.int64(0), active.text(1), {key.begin(), key.end()}});
  }

  storage::Statement same(db, "SELECT 1 FROM questions WHERE dup_key = ?");
  std::set<std::int64_t> old_seqs;
  for (auto& [key, group] : groups) {
    if (group.old.empty()) continue;
    // What each question of the import is in the bank once stored: an
    // active question it duplicates (then that one is in the import
    // unchanged, not an old one), or a new row, the same for the same key.
    std::vector<std::string> in_import;
    std::vector<std::pair<std::size_t, std::string>> stored;  // index, identity
    for (std::size_t i : group.indexes) {
      const DuplicateKey dup = duplicate_key(questions[i]);
      const auto same_answer = std::find_if(group.old.begin(), group.old.end(), [&](const auto& o) { return std::ranges::equal(o.key, dup); });
      if (same_answer != group.old.end()) {
        in_import.push_back(same_answer->id);
        stored.emplace_back(i, "id:" + same_answer->id);
        continue;
      }
      // insert() skips a duplicate of a retired question, or of one with
      // another picture (the duplicate key leaves pictures out): no new copy.
      same.bind(1, std::span<const std::uint8_t>(dup));
      const bool elsewhere = same.step();
      same.reset();
      if (!elsewhere) stored.emplace_back(i, "new:" + std::string(dup.begin(), dup.end()));
    }
    std::vector<std::string> old_ids;
    std::vector<std::int64_t> seqs;
    for (const auto& o : group.old)
      if (std::find(in_import.begin(), in_import.end(), o.id) == in_import.end()) {
        old_ids.push_back(o.id);
        seqs.push_back(o.seq);
      }
    if (old_ids.empty() || stored.empty()) continue;  // nothing of the import goes beside them
    std::set<std::string> reported;
    for (const auto& [index, identity] : stored)
      if (reported.insert(identity).second) out.changed.push_back({index, old_ids});
    old_seqs.insert(seqs.begin(), seqs.end());
  }
  std::sort(out.changed.begin(), out.changed.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
  out.old_seqs.assign(old_seqs.begin(), old_seqs.end());
  return out;
}

std::vector<ChangedQuestion> Bank::changed(const std::vector<Question>& questions) const try {
  return find_changes(impl_->db, questions).changed;
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

}  // namespace ankang::bank
