#include "tables/xls_reader.h"

#include <freexl.h>

#include <charconv>
#include <vector>

namespace ankang::tables {

namespace {

class Workbook {
 public:
  explicit Workbook(const std::string& path) : status_(freexl_open(path.c_str(), &handle_)) {}
  ~Workbook() {
    if (handle_) freexl_close(handle_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  int status() const { return status_; }
  const void* handle() const { return handle_; }

 private:
  const void* handle_ = nullptr;
  int status_;
};

Problem file_problem(const std::string& zh, const std::string& en) { return {0, 0, zh, en}; }

// A number as Excel shows it in a general cell: 3, not 3.000000.
std::string number_text(double v) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc() ? std::string(buffer, end) : std::string();
}

std::string cell_text(const FreeXL_CellValue& v) {
  switch (v.type) {
    case FREEXL_CELL_INT:
      return std::to_string(v.value.int_value);
    case FREEXL_CELL_DOUBLE:
      return number_text(v.value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return v.value.text_value ? v.value.text_value : "";
    default:
      return "";
  }
}

}  // namespace

std::optional<Problem> read_xls(const std::string& path, const std::function<bool(const Row&)>& on_row) {
  Workbook book(path);
  if (book.status() != FREEXL_OK)
    return file_problem("不是有效的 .xls 文件，或文件已损坏（libfreexl 错误 " + std::to_string(book.status()) + "）；可在 Excel 中另存为 .xlsx 后再导入",
                        "not a valid .xls file, or a damaged one (libfreexl error " + std::to_string(book.status()) + "); save it as .xlsx in Excel and import that");
  unsigned int password = 0;
  if (freexl_get_info(book.handle(), FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK && password == FREEXL_BIFF_OBFUSCATED)
    return file_problem("该 .xls 文件设有密码，无法读取：请在 Excel 中去掉密码后另存", "the .xls file is password-protected; remove the password in Excel and save it again");
  unsigned int sheets = 0;
  if (freexl_get_info(book.handle(), FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK || sheets == 0)
    return file_problem(".xls 文件中没有工作表", "the .xls file has no sheet");
  unsigned int rows = 0;
  unsigned short columns = 0;
  if (freexl_select_active_worksheet(book.handle(), 0) != FREEXL_OK ||
      freexl_worksheet_dimensions(book.handle(), &rows, &columns) != FREEXL_OK)
    return file_problem("无法读取 .xls 的第一个工作表", "cannot read the first sheet of the .xls file");

  std::vector<std::string> cells(columns);
  std::string source_text;
  for (unsigned int r = 0; r < rows; ++r) {
    for (unsigned short c = 0; c < columns; ++c) {
      FreeXL_CellValue value{};
      cells[c] = freexl_get_cell_value(book.handle(), r, c, &value) == FREEXL_OK ? cell_text(value) : std::string();
    }
    // Trailing empty cells are left out, as the XLSX reader leaves them.
    std::size_t used = cells.size();
    while (used > 0 && cells[used - 1].empty()) --used;
    source_text.clear();
    for (std::size_t c = 0; c < used; ++c) source_text += (c > 0 ? "\t" : "") + cells[c];
    if (!on_row({std::span<const std::string>(cells.data(), used), static_cast<int>(r + 1), source_text})) break;
  }
  return std::nullopt;
}

}  // namespace ankang::tables
