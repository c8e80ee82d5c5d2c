#include "results/table_file.h"

#include <optional>

#include "results/error.h"
#include "tables/csv_reader.h"
#include "tables/xlsx_reader.h"

namespace ankang::results {

namespace {

Row to_row(const tables::Row& r) {
  Row row;
  row.reserve(r.cells.size());
  for (std::size_t i = 0; i < r.cells.size(); ++i) row.push_back(Cell{r.cells[i], r.line, static_cast<int>(i) + 1});
  return row;
}

[[noreturn]] void throw_located(const tables::Problem& p) {
  if (p.line == 0) throw ResultsError(p.zh, p.en);
  throw ResultsError("第 " + std::to_string(p.line) + " 行：" + p.zh, "line " + std::to_string(p.line) + ": " + p.en);
}

}  // namespace

std::vector<Row> read_csv_rows(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Row> rows;
  tables::CsvReader reader(text, ',');
  while (reader.next()) {
    // Text after a closing quote is kept in the cell, as lenient readers do;
    // a quote left open swallows the rest of the file and is refused.
    if (reader.unterminated_quote()) throw_located(*reader.problem());
    auto r = reader.row();
    if (r.cells.size() == 1 && r.cells[0].empty()) continue;
    rows.push_back(to_row(r));
  }
  return rows;
}

std::vector<Row> read_xlsx_rows(std::span<const std::uint8_t> bytes) {
  std::vector<Row> rows;
  std::optional<tables::Problem> bad_cell;
  auto on_row = [&](const tables::Row& r) {
    bool blank = true;
    for (const auto& cell : r.cells) blank = blank && cell.empty();
    if (!blank) rows.push_back(to_row(r));
    return true;
  };
  auto on_problem = [&](const tables::Problem& p) {
    if (!bad_cell) bad_cell = p;
  };
  if (auto problem = tables::read_xlsx(bytes, on_row, on_problem)) throw_located(*problem);
  if (bad_cell) throw_located(*bad_cell);
  return rows;
}

}  // namespace ankang::results
