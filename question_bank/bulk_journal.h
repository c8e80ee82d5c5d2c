// A rollback journal instead of the WAL for the length of a big insert.
#pragma once

#include <cstddef>

struct sqlite3;

namespace ankang::bank {

// In WAL mode a big import writes every new page twice: into the WAL, then
// into the bank at the checkpoint. With a rollback journal SQLite writes it
// once and journals only the pages that existed before the transaction
// (for a new bank, next to nothing); a failed or interrupted import still
// rolls back completely, from the journal. Construct before the transaction
// begins, destroy after it ended: it switches the bank back to WAL.
// Small inserts, a bank not in WAL mode (":memory:"), and a bank another
// connection has open are left as they are.
class BulkJournal {
 public:
  BulkJournal(sqlite3* db, std::size_t questions);
  ~BulkJournal();
  BulkJournal(const BulkJournal&) = delete;
  BulkJournal& operator=(const BulkJournal&) = delete;

  // Inserts of this many questions or more use the rollback journal.
  static constexpr std::size_t kMinQuestions = 1000;

 private:
  sqlite3* db_;
  bool switched_ = false;
};

}  // namespace ankang::bank
