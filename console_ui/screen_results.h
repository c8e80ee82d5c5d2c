// The 成绩 page: a year's results over the organiser store — the figures,
// the 参赛企业汇总表 rows, the team contest standings, the item statistics
// and charts. Every string is made when the view is built (off the UI
// thread); a frame draws only the rows in sight.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "console_ui/widgets.h"
#include "engine/question.h"  // Text

namespace ankang::console_ui {

enum class ResultsSection { enterprises, teams, items, charts };

struct ResultsView {
  bool loading = true;  // nothing read yet
  Text error;           // the store could not be read
  std::vector<int> years;                // newest first; empty: no results at all
  int year = 0;                          // the year shown
  std::string pass_mark;                 // "60"
  ResultsSection section = ResultsSection::enterprises;

  struct Figure {
    Text label;
    std::string value;
  };
  std::vector<Figure> figures;

  // 参赛企业汇总表: 组织单位 企业名称 统一社会信用代码 职工人数 参赛人数 参与率 平均分 合格率 最佳班组.
  struct EnterpriseRow {
    std::array<std::string, 9> cells;
    int level = 0;  // 0 an enterprise, 1 a unit's 合计, 2 the 总计
  };
  std::vector<EnterpriseRow> enterprises;  // registered ones with their totals, then the unregistered ones
  bool unregistered_apart = false;         // enterprises with results but no registration follow the 总计

  // 班组赛: 日期 竞赛 名次 班组 企业 得分 答对 犯规.
  struct TeamRow {
    std::array<std::string, 8> cells;
    bool registered = true;
  };
  std::vector<TeamRow> teams;

  // Per question: 题目 类别 作答次数 正确率 区分度, and its flag.
  struct ItemRow {
    std::array<std::string, 5> cells;
    Text flag;  // 过易 / 过难 / 误导, or empty
  };
  std::vector<ItemRow> items;

  std::vector<Bar> participation_by_unit;  // participation rate per organising unit
  std::vector<Bar> score_bands;            // attempts per score band
  std::vector<Bar> hardest;                // the questions answered right least often
};

struct ResultsIntent {
  std::optional<int> year;  // show this year
  std::optional<ResultsSection> section;
  bool collect = false;     // go to 收集成绩
};

// pass_mark: the pass mark field's text, kept by the page; pass_mark_problem:
// why it cannot be used, empty when it can.
ResultsIntent results_screen(const ResultsView& view, std::string& pass_mark, const char* pass_mark_problem);

}  // namespace ankang::console_ui
