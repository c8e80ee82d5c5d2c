// The question bank page: its counts, the starter bank for an empty bank,
// importing a file (every problem of it located), and the list of questions
// (searched, filtered, paged) beside the chosen question, shown whole,
// edited or retired.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "console_ui/screen_question_edit.h"
#include "console_ui/widgets.h"
#include "engine/question.h"

namespace ankang::console_ui {

struct BankView {
  std::string error;  // the bank cannot be opened or read
  int active = 0, retired = 0;
  std::vector<std::pair<std::string, int>> by_type, by_category, by_difficulty;  // labels already in words

  // The last import: what it did and every problem of the file.
  struct Import {
    std::string file;
    bool ok = false;
    std::string summary;
    std::vector<ProblemRow> problems;
    std::vector<std::string> warnings;
    int good = 0;          // valid questions in the file
    bool imported = false;
    // Questions whose stem is an active question's with another answer
    // (a corrected sheet): before importing, the page asks whether they
    // replace the old ones; after, what became of them.
    std::vector<ProblemRow> changed;
    bool choose_replace = false;  // waiting for 替换旧题 / 保留两份; nothing imported yet
  };
  std::optional<Import> import;

  // The list's filters, edited in place by the screen.
  std::string search;
  int type = -1;  // index into types(); -1: every type
  std::vector<std::string> categories;
  int category = -1;  // index into categories; -1: all
  int difficulty = 0;
  bool include_retired = false;

  struct Row {
    std::string id;
    std::string stem, type, category;
    int difficulty = 3;
    bool retired = false;
  };
  std::vector<Row> rows;  // the page shown
  int offset = 0, total = 0, page_size = 100;
  bool search_capped = false;  // a search lists its best matches only

  std::optional<Question> chosen;  // shown whole on the right
  std::optional<QuestionDraft> draft;  // being edited
  bool confirm_retire = false;
};

// The types a filter offers, in order.
const std::vector<QuestionType>& bank_types();

struct BankIntent {
  bool load_starter = false;
  bool import_file = false;
  bool import_good_only = false;
  bool replace_changed = false;   // 替换旧题: import, retiring the old questions
  bool keep_both = false;         // 保留两份: import, the old questions stay in use
  bool close_import = false;
  bool filters_changed = false;  // a filter, or the search text, changed
  bool search_now = false;       // the search button or Enter
  std::optional<int> offset;     // another page
  std::optional<int> choose;     // a row of the page
  bool edit = false;
  QuestionEditIntent editor;
  bool retire = false, confirm_retire = false, cancel_retire = false;
};

BankIntent bank_screen(BankView& view);

}  // namespace ankang::console_ui
