// Rows of three integers gathered during a bulk insert and written at its
// end by multi-row INSERT statements.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace ankang::bank {

// A statement costs SQLite far more than the row it writes (VM set-up,
// journal bookkeeping): `INSERT ... VALUES (?, ?, ?), (?, ?, ?), ...` with
// kRowsPerStatement rows writes them for a fraction of that, and binding
// integers spares the parsing a JSON array of them would cost.
class IntegerRows {
 public:
  // `insert` is the statement up to VALUES: "INSERT INTO t (a, b, c)".
  explicit IntegerRows(std::string insert) : insert_(std::move(insert)) {}

  void add(std::int64_t a, std::int64_t b, std::int64_t c) { rows_.push_back({a, b, c}); }
  std::size_t size() const { return rows_.size(); }

  // Writes every row added, in the order added, and forgets them.
  // Throws storage::StorageError.
  void write(sqlite3* db);

  static constexpr std::size_t kRowsPerStatement = 128;

 private:
  std::string insert_;
  std::vector<std::array<std::int64_t, 3>> rows_;
};

}  // namespace ankang::bank
