// Legacy Excel .xls (Excel 97–2003) in the spreadsheet template: the first
// sheet, read with tables/ (libfreexl). Read only: exports are .xlsx.
#include <fstream>

#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/spreadsheet_template.h"
#include "tables/xls_reader.h"

namespace ankang::bank::detail {

ParseResult parse_xls(std::string_view path, std::span<const std::uint8_t> bytes) {
  ParseResult result;
  TempFile copy(".xls");  // libfreexl opens files only
  {
    std::ofstream out(copy.path(), std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      result.file_errors.push_back(make_diagnostic(path, {}, "无法写入临时文件以读取 .xls", "cannot write the temporary copy to read the .xls file"));
      return result;
    }
  }
  std::optional<TemplateReader> reader;
  if (auto problem = tables::read_xls(copy.path(), sheet_row_reader(path, reader, result))) {
    result.file_errors.push_back(make_diagnostic(path, {problem->line, problem->column}, problem->zh, problem->en));
    return result;
  }
  finish_sheet(path, reader, result);
  return result;
}

std::optional<Text> xls_cannot_carry(const Question&) {
  return Text{"不能导出为 .xls（只读格式）：请导出为 xlsx", "cannot export to .xls (read only): export as xlsx"};
}

}  // namespace ankang::bank::detail
