// CSV and TSV (RFC 4180 quoting) in the spreadsheet template.
#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/spreadsheet_template.h"
#include "question_bank/formats/text_encoding.h"
#include "tables/csv_reader.h"

namespace ankang::bank::detail {

namespace {

void append_field(std::string& out, std::string_view field, char delimiter) {
  bool quote = field.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

ParseResult parse_delimited(std::string_view path, std::span<const std::uint8_t> bytes, char delimiter) {
  ParseResult result;
  Diagnostic error;
  auto decoded = decode_text(path, bytes, error);
  if (!decoded) {
    result.file_errors.push_back(std::move(error));
    return result;
  }
  tables::CsvReader records(decoded->text, delimiter);
  std::optional<TemplateReader> reader;
  while (records.next()) {
    RowView row = records.row();
    if (const auto& problem = records.problem()) {
      auto d = make_diagnostic(path, {problem->line, problem->column}, problem->zh, problem->en);
      if (!reader) {
        result.file_errors.push_back(std::move(d));
        return result;
      }
      reject_record(result, {row.line, 0}, row.source_text, {std::move(d)});
      continue;
    }
    if (reader) {
      reader->read_row(row, result);
      continue;
    }
    if (row.cells.size() == 1 && trim(row.cells[0]).empty()) continue;  // blank lines before the header
    reader = TemplateReader::from_header(path, row, result);
    if (!reader) return result;
  }
  if (!reader)
    result.file_errors.push_back(make_diagnostic(path, {}, "文件是空的：没有表头行", "the file is empty: no header row"));
  return result;
}

std::string write_delimited(const std::vector<Question>& questions, char delimiter) {
  std::string out = "\xEF\xBB\xBF";  // so that Excel reads it as UTF-8
  int options = template_option_columns(questions);
  auto write_row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += delimiter;
      append_field(out, cells[i], delimiter);
    }
    out += "\r\n";
  };
  write_row(template_header(options));
  for (const auto& q : questions) write_row(template_row(q, options));
  return out;
}

std::string rejects_csv(const std::vector<RejectedRecord>& rejected, bool chinese) {
  std::string out = "\xEF\xBB\xBF";
  auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      append_field(out, cells[i], ',');
    }
    out += "\r\n";
  };
  row(chinese ? std::vector<std::string>{"文件", "行", "列", "原因", "原文"}
              : std::vector<std::string>{"file", "line", "column", "reason", "source"});
  for (const auto& r : rejected) {
    std::string file, reasons;
    int column = 0;
    for (const auto& d : r.reasons) {
      if (file.empty()) file = d.file;
      if (column == 0) column = d.pos.column;
      if (!reasons.empty()) reasons += "\n";
      reasons += chinese ? d.message.zh : d.message.en;
    }
    row({file, r.pos.line > 0 ? std::to_string(r.pos.line) : "", column > 0 ? std::to_string(column) : "", reasons,
         r.source_text});
  }
  return out;
}

}  // namespace ankang::bank::detail
