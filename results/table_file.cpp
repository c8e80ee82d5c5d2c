#include "results/table_file.h"

#include <zip.h>

#include <memory>
#include <pugixml.hpp>

#include "results/error.h"

namespace ankang::results {

std::vector<Row> read_csv_rows(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Row> rows;
  Row row;
  Cell cell;
  int line = 1, column = 1;
  bool quoted = false, cell_started = false;
  int quote_line = 0;
  auto end_cell = [&] {
    cell.column = column;
    row.push_back(std::move(cell));
    cell = Cell{};
    cell_started = false;
  };
  auto end_row = [&] {
    bool blank = row.size() == 1 && row[0].text.empty();
    if (!blank) rows.push_back(std::move(row));
    row.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!cell_started) {
      cell.line = line;
      cell_started = true;
    }
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell.text += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cell.text += c;
      }
      continue;
    }
    if (c == '"' && cell.text.empty()) {
      quoted = true;
      quote_line = line;
    } else if (c == ',') {
      end_cell();
      ++column;
    } else if (c == '\r') {
      // part of a CRLF line end
    } else if (c == '\n') {
      end_cell();
      end_row();
      ++line;
      column = 1;
    } else {
      cell.text += c;
    }
  }
  if (quoted)
    throw ResultsError("第 " + std::to_string(quote_line) + " 行：引号没有闭合", "line " + std::to_string(quote_line) + ": unclosed quote");
  if (cell_started || !row.empty()) {
    end_cell();
    end_row();
  }
  return rows;
}

namespace {

constexpr zip_uint64_t kMaxPartBytes = 64u << 20;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// The bytes of one part of the package, or empty when it is absent.
std::string read_part(zip_t* zip, const char* name) {
  zip_stat_t st;
  if (zip_stat(zip, name, 0, &st) != 0) return {};
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes)
    throw ResultsError(std::string("工作簿部件 ") + name + " 过大", std::string("workbook part ") + name + " is too large");
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip, name, 0), zip_fclose);
  if (!file) throw ResultsError(std::string("无法读取工作簿部件 ") + name, std::string("cannot read workbook part ") + name);
  std::string out(st.size, '\0');
  auto n = zip_fread(file.get(), out.data(), st.size);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    throw ResultsError(std::string("工作簿部件 ") + name + " 已损坏", std::string("workbook part ") + name + " is damaged");
  return out;
}

// "BC12" -> column 55 (1-based); the row comes from the <row r=..> element.
int column_of(std::string_view ref) {
  int col = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
  }
  return col;
}

std::string inline_text(const pugi::xml_node& node) {
  // <t> directly, or rich text runs <r><t>..</t></r>
  std::string out;
  for (auto t : node.select_nodes(".//t")) out += t.node().text().get();
  return out;
}

}  // namespace

std::vector<Row> read_xlsx_rows(std::span<const std::uint8_t> bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) throw ResultsError("无法读取工作簿", "cannot read the workbook");
  std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(src, ZIP_RDONLY, &err));
  if (!zip) {
    zip_source_free(src);
    throw ResultsError("不是 XLSX 工作簿（无法作为 ZIP 打开）", "not an XLSX workbook (not a ZIP file)");
  }
  std::vector<std::string> shared;
  auto strings_xml = read_part(zip.get(), "xl/sharedStrings.xml");
  pugi::xml_document strings;
  if (!strings_xml.empty() && strings.load_buffer(strings_xml.data(), strings_xml.size()))
    for (auto si : strings.child("sst").children("si")) shared.push_back(inline_text(si));

  // The first sheet in workbook order, through its relationship.
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  pugi::xml_document workbook, rels;
  auto wb_xml = read_part(zip.get(), "xl/workbook.xml");
  auto rels_xml = read_part(zip.get(), "xl/_rels/workbook.xml.rels");
  if (workbook.load_buffer(wb_xml.data(), wb_xml.size()) && rels.load_buffer(rels_xml.data(), rels_xml.size())) {
    auto first = workbook.child("workbook").child("sheets").child("sheet");
    std::string rid = first.attribute("r:id").value();
    for (auto rel : rels.child("Relationships").children("Relationship"))
      if (rid == rel.attribute("Id").value()) {
        std::string target = rel.attribute("Target").value();
        sheet_path = target.starts_with("/") ? target.substr(1) : "xl/" + target;
      }
  }
  auto sheet_xml = read_part(zip.get(), sheet_path.c_str());
  pugi::xml_document sheet;
  if (sheet_xml.empty() || !sheet.load_buffer(sheet_xml.data(), sheet_xml.size()))
    throw ResultsError("工作簿中没有可读的工作表", "the workbook has no readable worksheet");

  std::vector<Row> rows;
  for (auto r : sheet.child("worksheet").child("sheetData").children("row")) {
    const int line = r.attribute("r").as_int(static_cast<int>(rows.size()) + 1);
    Row row;
    for (auto c : r.children("c")) {
      Cell cell;
      cell.line = line;
      cell.column = column_of(c.attribute("r").value());
      if (cell.column == 0) cell.column = static_cast<int>(row.size()) + 1;
      std::string type = c.attribute("t").value();
      if (type == "s") {
        auto i = static_cast<std::size_t>(c.child("v").text().as_ullong(~0ull));
        if (i < shared.size()) cell.text = shared[i];
      } else if (type == "inlineStr") {
        cell.text = inline_text(c.child("is"));
      } else {
        cell.text = c.child("v").text().get();
      }
      // Fill skipped columns so row[k] is column k + 1.
      while (static_cast<int>(row.size()) + 1 < cell.column) row.push_back(Cell{"", line, static_cast<int>(row.size()) + 1});
      row.push_back(std::move(cell));
    }
    bool blank = true;
    for (const auto& cell : row) blank = blank && cell.text.empty();
    if (!blank) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ankang::results
