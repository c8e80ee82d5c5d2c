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

// Where a question of the files is: its file and record (line, or XLSX row).
struct QuestionOrigin {
  std::string file;
  bank::SourcePos pos;
};

struct QuestionFiles {
  std::vector<Question> questions;             // every valid question, its source set to its file's name
  std::vector<QuestionOrigin> origins;         // where each of `questions` is, in the same order
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
  int warnings = 0;       // the files' warnings, and the changed questions kept beside their old ones
  int replaced = 0;       // old questions retired for changed ones (OnChanged::replace)
  // Questions whose stem is an active question's with another answer
  // (bank::ChangedQuestion), located: kept beside the old ones, or replacing them.
  std::vector<bank::Diagnostic> changed;
  // 导入 12 题，3 题重复未导入，2 处错误……
  Text summary() const;
};

// What became of a changed question's old ones, for its message.
enum class ChangedFate { found, kept, replaced };

// One warning per changed question: "题干与题库中已有的题 1a2b3c4d 相同但答案不同",
// then what became of the old question(s) (still in use, or retired),
// located at the question's file and line.
std::vector<bank::Diagnostic> changed_warnings(const QuestionFiles& files, const std::vector<bank::ChangedQuestion>& changed,
                                               ChangedFate fate);

// The changed questions of `files`, located, before importing them (nothing
// is written): for asking whether to replace the old ones.
std::vector<bank::Diagnostic> find_changed_questions(const bank::Bank& bank, const QuestionFiles& files);

// Stores the valid questions of `files` in the bank: all or nothing when
// there are problems, unless skip_bad (then the good ones go in and the
// rejected records are left out). A changed question's old ones stay active
// beside it, or are retired in the same transaction (OnChanged::replace).
// A database error throws BankError.
QuestionImport import_questions(bank::Bank& bank, const QuestionFiles& files, bool skip_bad,
                                const bank::InsertProgress& progress = {},
                                bank::OnChanged on_changed = bank::OnChanged::keep_both);

}  // namespace ankang::organiser
