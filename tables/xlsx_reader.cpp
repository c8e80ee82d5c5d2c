#include "tables/xlsx_reader.h"

#include <memory>
#include <pugixml.hpp>
#include <vector>

#include "tables/zip_archive.h"

namespace ankang::tables {

namespace {

Problem file_problem(std::string zh, std::string en) { return {0, 0, std::move(zh), std::move(en)}; }

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
std::string first_sheet_path(const ZipArchive& zip, std::optional<Problem>& problem) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  auto workbook = zip.read("xl/workbook.xml", problem);
  auto rels = zip.read("xl/_rels/workbook.xml.rels", problem);
  if (!workbook || !rels) return fallback;
  pugi::xml_document wb, rd;
  if (!wb.load_buffer(workbook->data(), workbook->size()) || !rd.load_buffer(rels->data(), rels->size())) return fallback;
  auto sheet = wb.child("workbook").child("sheets").child("sheet");
  std::string id = sheet.attribute("r:id").value();
  for (auto rel : rd.child("Relationships").children("Relationship")) {
    if (id != rel.attribute("Id").value()) continue;
    std::string target = rel.attribute("Target").value();
    return target.starts_with('/') ? target.substr(1) : "xl/" + target;
  }
  return fallback;
}

std::string cell_value(pugi::xml_node c, const std::vector<std::string>& shared) {
  std::string_view type = c.attribute("t").value();
  if (type == "s") {
    auto index = static_cast<std::size_t>(c.child("v").text().as_ullong(shared.size()));
    return index < shared.size() ? shared[index] : std::string();
  }
  if (type == "inlineStr") return string_item_text(c.child("is"));
  if (type == "b") return c.child_value("v") == std::string_view("1") ? "TRUE" : "FALSE";
  return c.child_value("v");  // numbers as written; formula results
}

}  // namespace

bool parse_cell_ref(std::string_view ref, int& column, int& row) {
  column = 0;
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column <= 16384) column = column * 26 + (ref[i++] - 'A' + 1);
  row = 0;
  for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && row <= 1048576; ++i) row = row * 10 + (ref[i] - '0');
  return column > 0 && column <= 16384 && row > 0 && row <= 1048576 && i == ref.size();
}

std::string column_name(int column) {
  std::string name;
  for (; column > 0; column = (column - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (column - 1) % 26));
  return name;
}

std::optional<Problem> read_xlsx(std::span<const std::uint8_t> bytes, const std::function<bool(const Row&)>& on_row,
                                 const std::function<void(const Problem&)>& on_problem) {
  auto zip = ZipArchive::open(bytes);
  if (!zip) return file_problem("不是有效的 XLSX 文件（无法作为 zip 打开）", "not a valid XLSX file (cannot open it as a zip archive)");

  std::optional<Problem> problem;
  std::vector<std::string> shared;
  if (auto sst = zip->read("xl/sharedStrings.xml", problem)) {
    pugi::xml_document doc;
    if (!doc.load_buffer(sst->data(), sst->size())) return file_problem("sharedStrings.xml 已损坏", "sharedStrings.xml is damaged");
    for (auto si : doc.child("sst").children("si")) shared.push_back(string_item_text(si));
  }
  if (problem) return problem;
  auto sheet_name = first_sheet_path(*zip, problem);
  if (problem) return problem;
  auto sheet_xml = zip->read(sheet_name, problem);
  if (problem) return problem;
  if (!sheet_xml) return file_problem("找不到第一个工作表 " + sheet_name, "the first sheet " + sheet_name + " is missing");
  pugi::xml_document sheet;
  if (!sheet.load_buffer(sheet_xml->data(), sheet_xml->size())) return file_problem("工作表 XML 已损坏", "the sheet XML is damaged");

  std::vector<std::string> cells;
  std::string source_text;
  int next_row = 1;
  for (auto row : sheet.child("worksheet").child("sheetData").children("row")) {
    int row_number = row.attribute("r").as_int(next_row);
    next_row = row_number + 1;
    cells.clear();
    int next_column = 1;
    for (auto c : row.children("c")) {
      int column = next_column, ref_row = row_number;
      if (auto ref = c.attribute("r"); ref && !parse_cell_ref(ref.value(), column, ref_row)) {
        on_problem({row_number, 0, std::string("无法识别的单元格位置 ") + ref.value(), std::string("unreadable cell reference ") + ref.value()});
        continue;
      }
      next_column = column + 1;
      if (cells.size() < static_cast<std::size_t>(column)) cells.resize(column);
      cells[column - 1] = cell_value(c, shared);
    }
    source_text.clear();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) source_text += '\t';
      source_text += cells[i];
    }
    if (!on_row({cells, row_number, source_text})) break;
  }
  return std::nullopt;
}

}  // namespace ankang::tables
