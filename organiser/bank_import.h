// Importing question files into the bank: read every file, find every
// problem in one pass, and store the good questions only when there is no
// problem, or when the organiser asked to leave the bad records out. Called
// by `ankang bank import | validate` and by the console's bank page.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "question_bank/bank.h"
#include "question_bank/formats/format.h"

namespace ankang::organiser {

// One located problem, for a table: where, which field, what.
struct QuestionFileProblem {
  std::string file;
  bank::SourcePos pos;  // line 0: the file as a whole
  std::string field;    // as in the JSON format ("answer"); empty when not one field
  Text message;         // without the field
};

struct QuestionFiles {
  std::vector<Question> questions;             // every valid question, its source set to its file's name
  std::vector<bank::RejectedRecord> rejected;  // file errors included, as records without source text
  std::vector<bank::Diagnostic> warnings;      // kept questions that lost something
  int file_errors = 0;
  bool ok() const { return rejected.empty(); }
};

// Reads and validates every file. A file that cannot be read, or whose format
// cannot be told, is a problem of the whole file. `format`: forced, else told
// from each file's extension and content. `on_file` is called before each.
QuestionFiles read_question_files(const std::vector<std::string>& files, std::optional<bank::Format> format = {},
                                  const std::function<void(std::size_t index, const std::string& file)>& on_file = {});

// Every reason of every rejected record, one row each, in file order.
std::vector<QuestionFileProblem> problems_of(const QuestionFiles& files);

struct QuestionImport {
  bool imported = false;  // false: nothing stored (problems, and not skip_bad)
  int added = 0;
  int duplicates = 0;     // already in the bank (or twice in the files): not stored again
  int problems = 0;       // rejected records (each may have several reasons)
  int warnings = 0;
  // 导入 12 题，3 题重复未导入，2 处错误……
  Text summary() const;
};

// Stores the valid questions of `files` in the bank: all or nothing when
// there are problems, unless skip_bad (then the good ones go in and the
// rejected records are left out). A database error throws BankError.
QuestionImport import_questions(bank::Bank& bank, const QuestionFiles& files, bool skip_bad,
                                const bank::InsertProgress& progress = {});

}  // namespace ankang::organiser
