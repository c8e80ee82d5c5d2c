// The question bank: one SQLite file. Schema and migrations in
// question_bank/sql/, applied in order by PRAGMA user_version.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/question.h"

struct sqlite3;

namespace ankang::bank {

// Thrown for a database that cannot be opened, migrated or written, and for
// a question that cannot be stored; what() names the file or the question
// and the reason (Chinese, then English); text() has each language alone.
class BankError : public std::runtime_error {
 public:
  explicit BankError(const Text& text) : std::runtime_error(text.zh + " / " + text.en), text_(text) {}
  explicit BankError(const std::string& message) : BankError(Text{message, message}) {}
  const Text& text() const { return text_; }

 private:
  Text text_;
};

// A question of an import whose stem and type (normalised as for the
// duplicate key; a picture, when it has one, the same too) are those of
// active questions of the bank with another answer: a corrected sheet
// re-imported, say. The bank's questions the import also holds unchanged
// are not among them.
struct ChangedQuestion {
  std::size_t index = 0;                  // into the questions given
  std::vector<std::string> existing_ids;  // the bank's active questions it would stand beside
};

// What insert() does with a changed question's old ones: leaves them active
// beside the new one (as before this choice existed), or retires them in the
// insert's transaction.
enum class OnChanged { keep_both, replace };

struct InsertOutcome {
  int inserted = 0;
  int duplicates = 0;  // same normalised stem + answer as a question already there
  int replaced = 0;    // old questions retired (OnChanged::replace)
  std::vector<ChangedQuestion> changed;
  std::vector<std::string> ids;  // for each input question: its id in the bank (the existing one for a duplicate)
};

// What insert() is doing when it reports progress: storing the questions,
// then indexing them for search. `done` of `total` questions, per stage.
enum class InsertStage { storing, indexing };
using InsertProgress = std::function<void(InsertStage stage, std::size_t done, std::size_t total)>;

struct Stats {
  int total = 0;
  std::map<std::string, int> by_type;        // type code -> count
  std::map<std::string, int> by_category;    // top-level category -> count
  std::map<int, int> by_difficulty;          // 1..5 -> count
};

// A page of the bank's list, for browsing: what a row shows, not the whole question.
struct ListQuery {
  std::string text;                  // full-text search (search()) when not empty
  std::optional<QuestionType> type;
  std::string category;              // top-level category (as in Stats); "" for all
  int difficulty = 0;                // 1..5; 0 for all
  bool include_retired = false;
  int offset = 0;
  int limit = 100;
};

struct ListRow {
  std::string id;
  QuestionType type = QuestionType::single;
  std::string stem;                  // at most about 200 characters
  std::string category;              // '/'-joined path; "" for none
  int difficulty = 3;
  bool retired = false;
};

struct ListPage {
  std::vector<ListRow> rows;
  int total = 0;                     // rows matching the query (search: at most kListSearchLimit)
};

// A search lists at most this many best matches.
inline constexpr int kListSearchLimit = 1000;

// Whether results given for `before` still score the same against `after`:
// the same type and answer (reworded options keep their places). edit()
// changes a question in place when this holds, else replaces it.
bool answer_unchanged(const Question& before, const Question& after);

// What edit() did with the question.
struct EditOutcome {
  bool replaced = false;  // the answer or type changed: the old question retired, the edited one new
  std::string id;         // the edited question's id (a new one when replaced)
};

class Bank {
 public:
  // Opens (creating if needed) and migrates to the newest schema.
  // ":memory:" gives an in-memory bank (tests).
  static Bank open(const std::string& path);
  Bank(Bank&&) noexcept;
  Bank& operator=(Bank&&) noexcept;
  ~Bank();

  int schema_version() const;

  // All in one transaction: either every question is stored (duplicates
  // skipped) and, with OnChanged::replace, the old questions of the changed
  // ones retired, or, on error, nothing is. Questions without an id get a
  // new UUID. `progress`, when given, is called every few thousand questions
  // of each stage and once at the end of each.
  InsertOutcome insert(const std::vector<Question>& questions, const InsertProgress& progress = {},
                       OnChanged on_changed = OnChanged::keep_both);

  // The changed questions among `questions` (see ChangedQuestion), as
  // insert() would find them, without writing anything: a question that is
  // a duplicate of a retired one, or twice in `questions`, counts once or
  // not at all, as insert() stores it. Reads every active question's stem
  // when the bank has any.
  std::vector<ChangedQuestion> changed(const std::vector<Question>& questions) const;

  std::optional<Question> get(const std::string& id) const;
  std::vector<Question> all(bool include_retired = false) const;
  // Retired questions stay in the bank so old results keep their meaning.
  void retire(const std::string& id);

  // Stores an edited question (found by its id). A change of wording only
  // (stem, option texts, explanation, basis, category, difficulty, tags) is
  // made in place: results already collected keep their meaning. A change of
  // type or answer (which options are correct, the truth, the accepted
  // blanks, the pairs, the number of options, the regions) retires the old
  // question and stores the edited one as a new question with a new id, so
  // results of the old one still score against the answer they were given
  // for. Throws BankError for an unknown or retired id, a question validate()
  // refuses, or one that duplicates another question of the bank.
  EditOutcome edit(const Question& edited);

  // One page of the questions matching `query`, newest last (search: best
  // match first); cheap on a big bank: the page's rows only are read.
  ListPage list(const ListQuery& query) const;
  // The top-level categories in use (active or retired), sorted.
  std::vector<std::string> top_categories() const;

  // Full-text search (FTS5 trigram) over stem, options and explanation;
  // returns the ids of active questions (retired ones too when asked), best
  // match first. Words separated by spaces must all match. The trigram index needs 3 or more characters, so a
  // word of 1 or 2 characters (common in Chinese: 粉尘, 噪声) is looked up with
  // LIKE instead, which reads every question (slower on a big bank) and
  // orders matches in the stem before the others.
  std::vector<std::string> search(const std::string& text, int limit = 50, bool include_retired = false) const;

  // Counts active questions (retired ones are left out).
  Stats stats() const;
  // Active questions, retired ones included when asked (0 for an empty bank).
  int count(bool include_retired = false) const;

  sqlite3* handle() const;

 private:
  struct Impl;
  explicit Bank(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The duplicate key: the 16-byte BLAKE2b of the normalised stem and answer,
// stored as a BLOB (schema version 6; migration 6 recomputes the keys of an
// older bank, which were the first 16 bytes of the SHA-256, as hex text
// before version 5).
// "Answer" means what makes two questions the same question: the texts of the
// correct options (not their letters), the truth value, the accepted blanks,
// the pairs, the items in order, or the regions and the picture.
using DuplicateKey = std::array<std::uint8_t, 16>;
DuplicateKey duplicate_key(const Question& q);

// What a question is about, without its answer: the type, the stem as
// duplicate_key() normalises it and, for a question with a picture, the
// picture's SHA-256 in hex (as the bank's images table names it; "" for
// none). Questions with the same stem key and another duplicate key are one
// question with another answer (ChangedQuestion).
std::string stem_key(QuestionType type, std::string_view stem, std::string_view picture_sha256);

// A new random (version 4) UUID: "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".
std::string new_uuid();
// A new time-ordered (RFC 9562 version 7) UUID: 48-bit unix ms, then random
// bits; within a process each id sorts after the one made before it.
std::string new_time_ordered_uuid();

}  // namespace ankang::bank
