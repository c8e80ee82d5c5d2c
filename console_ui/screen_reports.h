// The 报表 page: the year's 参赛企业汇总表 (XLSX, CSV) and annual summary
// (HTML), as `ankang report` writes them, into a folder chosen in the
// browser (a USB stick, usually); the files written, each with 打开.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/question.h"  // Text

namespace ankang::console_ui {

// What the user sets before writing; kept by the page between frames.
struct ReportsForm {
  int year = 0;
  bool xlsx = true, csv = true, html = true;
  std::string pass_mark = "60";
  int award = 0;  // 0 participation, 1 top-n, 2 mobilised (the annual summary's award ranking)
  std::string top_n = "10";
};

struct ReportsView {
  bool loading = true;
  Text error;                     // the store could not be read
  std::vector<int> years;         // newest first; empty: no results at all
  Text form_problem;              // what is wrong with the form; empty when it can be written
  struct Written {
    std::string name;  // 2026年参赛企业汇总表.xlsx
    std::string path;
  };
  std::string folder;  // where the last reports went
  std::vector<Written> written;
  Text write_error;    // the last write failed: why
};

struct ReportsIntent {
  bool write = false;                // choose a folder and write
  std::optional<std::size_t> open;   // a written file
  bool open_folder = false;
  bool collect = false;              // go to 收集成绩
};

ReportsIntent reports_screen(const ReportsView& view, ReportsForm& form);

}  // namespace ankang::console_ui
