// The question bank: one SQLite file. Schema and migrations in
// question_bank/sql/, applied in order by PRAGMA user_version.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/question.h"

struct sqlite3;

namespace ankang::bank {

// Thrown for a database that cannot be opened, migrated or written;
// what() names the file and the reason.
class BankError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct InsertOutcome {
  int inserted = 0;
  int duplicates = 0;  // same normalised stem + answer as a question already there
  std::vector<std::string> ids;  // for each input question: its id in the bank (the existing one for a duplicate)
};

struct Stats {
  int total = 0;
  std::map<std::string, int> by_type;        // type code -> count
  std::map<std::string, int> by_category;    // top-level category -> count
  std::map<int, int> by_difficulty;          // 1..5 -> count
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
  // skipped) or, on error, none. Questions without an id get a new UUID.
  InsertOutcome insert(const std::vector<Question>& questions);

  std::optional<Question> get(const std::string& id) const;
  std::vector<Question> all(bool include_retired = false) const;
  // Retired questions stay in the bank so old results keep their meaning.
  void retire(const std::string& id);

  // Full-text search (FTS5 trigram) over stem, options and explanation;
  // returns question ids, best match first.
  std::vector<std::string> search(const std::string& text, int limit = 50) const;

  Stats stats() const;

  sqlite3* handle() const;

 private:
  struct Impl;
  explicit Bank(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The duplicate key: a hash of the normalised stem and answer.
std::string duplicate_key(const Question& q);

}  // namespace ankang::bank
