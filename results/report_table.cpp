#include "results/report_table.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>

#include "results/error.h"

namespace ankang::results {

namespace {

// Half away from zero, as Excel and LibreOffice show the XLSX cells.
std::string fixed(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::round(v * scale) / scale);
  return buf;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string affiliation_cell(const SummaryRow& r) { return r.registered ? affiliation_zh(r.affiliation) : "未登记"; }

// Every row of the table in file order: enterprises, then their unit's
// total; the overall total; then, after a blank line and kUnregisteredNote,
// the unregistered enterprises and their own total.
template <class Row, class Note>
void for_each_row(const SummaryTable& t, Row&& row, Note&& note) {
  for (const auto& block : t.units) {
    for (const auto& r : block.enterprises) row(r, 0);
    row(block.total, 1);
  }
  row(t.overall, 2);
  if (t.unregistered.enterprises.empty()) return;
  note(kUnregisteredNote);
  for (const auto& r : t.unregistered.enterprises) row(r, 0);
  row(t.unregistered.total, 1);
}

// The 重复报名 block: one line per registration of each enterprise two
// units registered, the one counted in the table first.
const std::vector<std::string> kDuplicateHeaders = {"统一社会信用代码", "企业名称", "组织单位", "报名来源", "归属", "职工人数", "计入合计"};
const char* const kDuplicateTitle = "重复报名（同一企业由两个以上组织单位报名；上表只计一次，计入“是”的报名）";

template <class F>
void for_each_registration(const SummaryTable& t, F&& f) {
  for (const auto& d : t.duplicates)
    for (const auto& r : d.registrations)
      f(std::vector<std::string>{d.uscc, r.name, r.unit, registration_source(r, true), affiliation_zh(r.affiliation),
                                 std::to_string(r.headcount), r.counted ? "是" : "否"});
}

}  // namespace

std::string summary_csv(const SummaryTable& t) {
  std::string out = "\xEF\xBB\xBF";
  const auto& h = summary_headers();
  for (std::size_t i = 0; i < h.size(); ++i) out += (i ? "," : "") + h[i];
  out += "\r\n";
  for_each_row(t, [&](const SummaryRow& r, int level) {
    // Without participants there is no score: an empty cell, not a zero.
    const bool none = r.participants == 0;
    std::vector<std::string> cells = {csv_field(r.unit),
                                      csv_field(r.name),
                                      r.uscc,
                                      level == 0 ? affiliation_cell(r) : "",
                                      r.registered ? std::to_string(r.headcount) : "",
                                      std::to_string(r.participants),
                                      r.registered ? fixed(r.participation * 100, 1) + "%" : "",
                                      std::to_string(r.teams),
                                      std::to_string(r.attempts),
                                      none ? "" : fixed(r.mean_score, 1),
                                      none ? "" : fixed(r.pass_rate * 100, 1) + "%",
                                      none ? "" : fixed(r.best_score, 1),
                                      csv_field(r.top_team)};
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i];
    out += "\r\n";
  }, [&](const char* note) { out += "\r\n" + csv_field(note) + "\r\n"; });
  if (t.duplicates.empty()) return out;
  out += "\r\n" + std::string(kDuplicateTitle) + "\r\n";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
    out += "\r\n";
  };
  line(kDuplicateHeaders);
  for_each_registration(t, line);
  return out;
}

void write_summary_xlsx(const SummaryTable& t, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw ResultsError(path + ": 无法创建工作簿", path + ": cannot create the workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "参赛企业汇总表");
  auto make = [&](bool bold, const char* num) {
    lxw_format* f = workbook_add_format(wb);
    if (bold) format_set_bold(f);
    if (num) format_set_num_format(f, num);
    format_set_border(f, LXW_BORDER_THIN);
    return f;
  };
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* head = make(true, nullptr);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_text_wrap(head);
  lxw_format *text[3], *integer[3], *score[3], *percent[3];
  for (int level = 0; level < 3; ++level) {
    text[level] = make(level > 0, nullptr);
    integer[level] = make(level > 0, "0");
    score[level] = make(level > 0, "0.0");
    percent[level] = make(level > 0, "0.0%");
  }
  const std::string heading = std::to_string(t.year) + " 年安康杯竞赛参赛企业汇总表（合格线 " + std::to_string(static_cast<int>(t.pass_mark)) + " 分）";
  worksheet_write_string(ws, 0, 0, heading.c_str(), title);
  const auto& h = summary_headers();
  for (std::size_t i = 0; i < h.size(); ++i) worksheet_write_string(ws, 1, static_cast<lxw_col_t>(i), h[i].c_str(), head);
  lxw_row_t row = 2;
  for_each_row(t, [&](const SummaryRow& r, int level) {
    worksheet_write_string(ws, row, 0, r.unit.c_str(), text[level]);
    worksheet_write_string(ws, row, 1, r.name.c_str(), text[level]);
    worksheet_write_string(ws, row, 2, r.uscc.c_str(), text[level]);
    worksheet_write_string(ws, row, 3, level == 0 ? affiliation_cell(r).c_str() : "", text[level]);
    if (r.registered) {
      worksheet_write_number(ws, row, 4, static_cast<double>(r.headcount), integer[level]);
    } else {  // no registration: no headcount, no rate
      worksheet_write_blank(ws, row, 4, integer[level]);
    }
    worksheet_write_number(ws, row, 5, static_cast<double>(r.participants), integer[level]);
    if (r.registered) worksheet_write_number(ws, row, 6, r.participation, percent[level]);
    else worksheet_write_blank(ws, row, 6, percent[level]);
    worksheet_write_number(ws, row, 7, static_cast<double>(r.teams), integer[level]);
    worksheet_write_number(ws, row, 8, static_cast<double>(r.attempts), integer[level]);
    if (r.participants == 0) {  // no score: blank cells, not zeros
      worksheet_write_blank(ws, row, 9, score[level]);
      worksheet_write_blank(ws, row, 10, percent[level]);
      worksheet_write_blank(ws, row, 11, score[level]);
    } else {
      worksheet_write_number(ws, row, 9, r.mean_score, score[level]);
      worksheet_write_number(ws, row, 10, r.pass_rate, percent[level]);
      worksheet_write_number(ws, row, 11, r.best_score, score[level]);
    }
    worksheet_write_string(ws, row, 12, r.top_team.c_str(), text[level]);
    ++row;
  }, [&](const char* note) {
    ++row;  // a blank line, as in the CSV
    worksheet_write_string(ws, row++, 0, note, nullptr);
  });
  const double widths[] = {16, 28, 22, 10, 9, 9, 9, 8, 9, 8, 8, 8, 14};
  for (lxw_col_t c = 0; c < 13; ++c) worksheet_set_column(ws, c, c, widths[c], nullptr);
  worksheet_freeze_panes(ws, 2, 2);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 1, 1);
  if (!t.duplicates.empty()) {
    lxw_worksheet* dup = workbook_add_worksheet(wb, "重复报名");
    worksheet_write_string(dup, 0, 0, kDuplicateTitle, title);
    for (std::size_t i = 0; i < kDuplicateHeaders.size(); ++i)
      worksheet_write_string(dup, 1, static_cast<lxw_col_t>(i), kDuplicateHeaders[i].c_str(), head);
    lxw_row_t at = 2;
    for_each_registration(t, [&](const std::vector<std::string>& cells) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto c = static_cast<lxw_col_t>(i);
        if (i == 5) worksheet_write_number(dup, at, c, std::stod(cells[i]), integer[0]);
        else worksheet_write_string(dup, at, c, cells[i].c_str(), text[0]);
      }
      ++at;
    });
    const double dup_widths[] = {22, 28, 16, 40, 10, 9, 9};
    for (lxw_col_t c = 0; c < 7; ++c) worksheet_set_column(dup, c, c, dup_widths[c], nullptr);
    worksheet_freeze_panes(dup, 2, 0);
  }
  if (workbook_close(wb) != LXW_NO_ERROR) throw ResultsError(path + ": 写入工作簿失败", path + ": writing the workbook failed");
}

}  // namespace ankang::results
