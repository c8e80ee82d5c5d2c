// XLSX in the spreadsheet template: read the first sheet with libzip and
// pugixml, write with libxlsxwriter.
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <pugixml.hpp>

#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/spreadsheet_template.h"

namespace ankang::bank::detail {

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

// The bytes of one member of the archive; nullopt when it is absent.
std::optional<std::string> read_member(zip_t* zip, const std::string& name) {
  zip_stat_t st;
  if (zip_stat(zip, name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return std::nullopt;
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip, name.c_str(), 0), zip_fclose);
  if (!file) return std::nullopt;
  std::string data(st.size, '\0');
  zip_int64_t got = zip_fread(file.get(), data.data(), st.size);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) return std::nullopt;
  return data;
}

// "C12" -> column 3 (1-based), row 12.
bool parse_cell_ref(std::string_view ref, int& column, int& row) {
  column = 0;
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') column = column * 26 + (ref[i++] - 'A' + 1);
  row = 0;
  for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9'; ++i) row = row * 10 + (ref[i] - '0');
  return column > 0 && row > 0 && i == ref.size();
}

std::string column_name(int column) {
  std::string name;
  for (; column > 0; column = (column - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (column - 1) % 26));
  return name;
}

// All text of a shared or inline string, rich-text runs joined, phonetic hints left out.
std::string string_item_text(pugi::xml_node si) {
  std::string text;
  for (auto t : si.select_nodes(".//t")) {
    if (std::string_view(t.node().parent().name()) == "rPh") continue;
    text += t.node().child_value();
  }
  return text;
}

// The path of the workbook's first sheet, from workbook.xml and its relations.
std::string first_sheet_path(zip_t* zip) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  auto workbook = read_member(zip, "xl/workbook.xml");
  auto rels = read_member(zip, "xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) return fallback;
  pugi::xml_document wb, rd;
  if (!wb.load_string(workbook->c_str()) || !rd.load_string(rels->c_str())) return fallback;
  auto sheet = wb.child("workbook").child("sheets").child("sheet");
  std::string id = sheet.attribute("r:id").value();
  for (auto rel : rd.child("Relationships").children("Relationship")) {
    if (id != rel.attribute("Id").value()) continue;
    std::string target = rel.attribute("Target").value();
    return target.starts_with('/') ? target.substr(1) : "xl/" + target;
  }
  return fallback;
}

// Gives each diagnostic's message the cell it is about ("C12"), as Excel users name cells.
void name_cells(std::vector<Diagnostic>& diagnostics) {
  for (auto& d : diagnostics)
    if (d.pos.line > 0 && d.pos.column > 0) {
      auto cell = column_name(d.pos.column) + std::to_string(d.pos.line);
      d.message.zh = "单元格 " + cell + "：" + d.message.zh;
      d.message.en = "cell " + cell + ": " + d.message.en;
    }
}

// A file in the temp folder, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    auto pattern = (std::filesystem::temp_directory_path() / "ankang-export-XXXXXX.xlsx").string();
    int fd = mkstemps(pattern.data(), 5);
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the XLSX export");
    close(fd);
    path_ = pattern;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

ParseResult parse_xlsx(std::string_view path, std::span<const std::uint8_t> bytes) {
  ParseResult result;
  auto file_error = [&](const std::string& zh, const std::string& en) {
    result.file_errors.push_back(make_diagnostic(path, {}, zh, en));
    return result;
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  Zip zip(source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr);
  if (!zip) {
    if (source) zip_source_free(source);
    zip_error_fini(&error);
    return file_error("不是有效的 XLSX 文件（无法作为 zip 打开）", "not a valid XLSX file (cannot open it as a zip archive)");
  }
  zip_error_fini(&error);

  std::vector<std::string> shared;
  if (auto sst = read_member(zip.get(), "xl/sharedStrings.xml")) {
    pugi::xml_document doc;
    if (!doc.load_buffer(sst->data(), sst->size())) return file_error("sharedStrings.xml 已损坏", "sharedStrings.xml is damaged");
    for (auto si : doc.child("sst").children("si")) shared.push_back(string_item_text(si));
  }
  auto sheet_name = first_sheet_path(zip.get());
  auto sheet_xml = read_member(zip.get(), sheet_name);
  if (!sheet_xml) return file_error("找不到第一个工作表 " + sheet_name, "the first sheet " + sheet_name + " is missing");
  pugi::xml_document sheet;
  if (!sheet.load_buffer(sheet_xml->data(), sheet_xml->size())) return file_error("工作表 XML 已损坏", "the sheet XML is damaged");

  std::optional<TemplateReader> reader;
  std::vector<std::string> cells;
  int next_row = 1;
  for (auto row : sheet.child("worksheet").child("sheetData").children("row")) {
    int row_number = row.attribute("r").as_int(next_row);
    next_row = row_number + 1;
    cells.clear();
    int next_column = 1;
    for (auto c : row.children("c")) {
      int column = next_column, ref_row = row_number;
      if (auto ref = c.attribute("r"); ref && !parse_cell_ref(ref.value(), column, ref_row)) {
        result.file_errors.push_back(make_diagnostic(path, {row_number, 0}, std::string("无法识别的单元格位置 ") + ref.value(),
                                                     std::string("unreadable cell reference ") + ref.value()));
        continue;
      }
      next_column = column + 1;
      std::string_view type = c.attribute("t").value();
      std::string value;
      if (type == "s") {
        auto index = static_cast<std::size_t>(c.child("v").text().as_ullong(shared.size()));
        if (index < shared.size()) value = shared[index];
      } else if (type == "inlineStr") {
        value = string_item_text(c.child("is"));
      } else if (type == "b") {
        value = c.child_value("v") == std::string_view("1") ? "TRUE" : "FALSE";
      } else {
        value = c.child_value("v");  // numbers as written; formula results
      }
      if (cells.size() < static_cast<std::size_t>(column)) cells.resize(column);
      cells[column - 1] = std::move(value);
    }
    std::string source_text;
    for (std::size_t i = 0; i < cells.size(); ++i) source_text += (i > 0 ? "\t" : "") + cells[i];
    RowView view{cells, row_number, source_text};
    if (reader) {
      reader->read_row(view, result);
    } else if (!source_text.empty() && trim(source_text) != "") {
      reader = TemplateReader::from_header(path, view, result);
      if (!reader) break;
    }
  }
  if (!reader && result.file_errors.empty())
    result.file_errors.push_back(make_diagnostic(path, {}, "第一个工作表是空的：没有表头行", "the first sheet is empty: no header row"));
  name_cells(result.file_errors);
  for (auto& rejected : result.rejected) name_cells(rejected.reasons);
  return result;
}

std::vector<std::uint8_t> write_xlsx(const std::vector<Question>& questions) {
  TempFile temp;
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
