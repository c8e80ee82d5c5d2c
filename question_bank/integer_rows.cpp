#include "question_bank/integer_rows.h"

#include <algorithm>
#include <optional>

#include "storage/sqlite.h"

namespace ankang::bank {

namespace {

storage::Statement multi_row_insert(sqlite3* db, const std::string& insert, std::size_t rows) {
  std::string sql = insert + " VALUES ";
  for (std::size_t i = 0; i < rows; ++i) sql += i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)";
  return storage::Statement(db, sql);
}

}  // namespace

void IntegerRows::write(sqlite3* db) {
  std::optional<storage::Statement> full;  // shared by the full batches
  for (std::size_t at = 0; at < rows_.size(); at += kRowsPerStatement) {
    const std::size_t n = std::min(kRowsPerStatement, rows_.size() - at);
    std::optional<storage::Statement> last;  // the last, shorter batch
    if (n == kRowsPerStatement && !full) full = multi_row_insert(db, insert_, n);
    if (n < kRowsPerStatement) last = multi_row_insert(db, insert_, n);
    storage::Statement& st = last ? *last : *full;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t k = 0; k < 3; ++k) st.bind(static_cast<int>(3 * i + k + 1), rows_[at + i][k]);
    st.run();
  }
  rows_.clear();
}

}  // namespace ankang::bank
