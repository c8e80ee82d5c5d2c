// XLSX in the spreadsheet template: read the first sheet with tables/,
// write with libxlsxwriter.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>

#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/spreadsheet_template.h"
#include "tables/xlsx_reader.h"

namespace ankang::bank::detail {

// Gives each diagnostic's message the cell it is about ("C12"), as Excel users name cells.
void name_cells(std::vector<Diagnostic>& diagnostics) {
  for (auto& d : diagnostics)
    if (d.pos.line > 0 && d.pos.column > 0) {
      auto cell = tables::column_name(d.pos.column) + std::to_string(d.pos.line);
      d.message.zh = "单元格 " + cell + "：" + d.message.zh;
      d.message.en = "cell " + cell + ": " + d.message.en;
    }
}

TempFile::TempFile(std::string_view suffix) {
  auto pattern = (std::filesystem::temp_directory_path() / ("ankang-XXXXXX" + std::string(suffix))).string();
  int fd = mkstemps(pattern.data(), static_cast<int>(suffix.size()));
  if (fd < 0) throw std::runtime_error("cannot create a temporary file");
  close(fd);
  path_ = pattern;
}

TempFile::~TempFile() { std::remove(path_.c_str()); }

std::function<bool(const RowView&)> sheet_row_reader(std::string_view path, std::optional<TemplateReader>& reader, ParseResult& result) {
  return [path, &reader, &result](const RowView& row) {
    if (reader) {
      reader->read_row(row, result);
    } else if (!row.source_text.empty() && trim(row.source_text) != "") {
      reader = TemplateReader::from_header(path, row, result);
      if (!reader) return false;
    }
    return true;
  };
}

void finish_sheet(std::string_view path, const std::optional<TemplateReader>& reader, ParseResult& result) {
  if (!reader && result.file_errors.empty())
    result.file_errors.push_back(make_diagnostic(path, {}, "第一个工作表是空的：没有表头行", "the first sheet is empty: no header row"));
  name_cells(result.file_errors);
  for (auto& rejected : result.rejected) name_cells(rejected.reasons);
}

ParseResult parse_xlsx(std::string_view path, std::span<const std::uint8_t> bytes) {
  ParseResult result;
  std::optional<TemplateReader> reader;
  auto on_row = sheet_row_reader(path, reader, result);
  auto on_problem = [&](const tables::Problem& p) {
    result.file_errors.push_back(make_diagnostic(path, {p.line, p.column}, p.zh, p.en));
  };
  if (auto problem = tables::read_xlsx(bytes, on_row, on_problem)) {
    on_problem(*problem);
    return result;
  }
  finish_sheet(path, reader, result);
  return result;
}

std::vector<std::uint8_t> write_xlsx(const std::vector<Question>& questions) {
  TempFile temp(".xlsx");
  lxw_workbook* workbook = workbook_new(temp.path().c_str());
  if (!workbook) throw std::runtime_error("cannot create the XLSX workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "题库");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  int options = template_option_columns(questions);
  auto header = template_header(options);
  for (std::size_t c = 0; c < header.size(); ++c)
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
  for (std::size_t r = 0; r < questions.size(); ++r) {
    auto row = template_row(questions[r], options);
    for (std::size_t c = 0; c < row.size(); ++c)
      if (!row[c].empty()) worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), row[c].c_str(), nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("cannot write the XLSX workbook");
  auto bytes = read_file(temp.path());
  if (!bytes) throw std::runtime_error("cannot read back the XLSX workbook");
  return *bytes;
}

}  // namespace ankang::bank::detail
