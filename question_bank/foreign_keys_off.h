// Foreign-key checks off for the length of an insert whose references it
// makes itself.
#pragma once

struct sqlite3;

namespace ankang::bank {

// Bank::insert links each row only to rows it has just looked up or
// written (category, picture, tag, stratum, the question itself), so the
// checks could never fail there; a big import spends a few per cent of its
// time on them (a lookup per reference, a statement journal per row).
// Construct before the transaction begins, destroy after it ended: SQLite
// ignores the pragma inside a transaction, which leaves the checks on.
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(sqlite3* db);
  ~ForeignKeysOff();
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

 private:
  sqlite3* db_;
  bool was_on_ = false;
};

}  // namespace ankang::bank
