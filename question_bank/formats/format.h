// Reading and writing questions in the formats organisers have.
// Pure of SQLite: parse bytes into questions plus located diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/question.h"

namespace ankang::bank {

enum class Format { csv, tsv, xlsx, gift, moodle_xml, aiken, json, xls, text, docx };

// "csv", "tsv", "xlsx", "gift", "moodle-xml" (also "xml"), "aiken", "json", "xls",
// "text" (a numbered bank in plain text, also "txt"), "docx" (the same in Word).
std::optional<Format> format_from_name(std::string_view name);
std::string_view format_name(Format f);
// False for the formats only read (xls: legacy Excel, exported as xlsx; docx).
bool format_can_write(Format f);
// Every format's name joined by separator ("csv tsv xlsx …"), for messages and help.
std::string format_names(std::string_view separator);
// From the file's extension, then its content (e.g. a .txt that is GIFT or Aiken).
std::optional<Format> detect_format(std::string_view path, std::span<const std::uint8_t> bytes);

// Where something is in the source: 1-based line (XLSX: row) and column;
// 0 when unknown or the whole file.
struct SourcePos {
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  std::string file;
  SourcePos pos;
  Text message;
};

// "FILE:LINE[:COLUMN]: message" in the chosen language.
std::string format_diagnostic(const Diagnostic& d, bool chinese);

struct ParsedQuestion {
  Question question;
  SourcePos pos;
};

// A record that could not become a question, kept for the --skip-bad report.
struct RejectedRecord {
  SourcePos pos;
  std::string source_text;  // the record as it was in the file (a CSV row, a GIFT block, ...)
  std::vector<Diagnostic> reasons;
};

struct ParseResult {
  std::vector<ParsedQuestion> questions;  // every record that is a valid question
  std::vector<RejectedRecord> rejected;   // every record that is not
  std::vector<Diagnostic> file_errors;    // problems with the file as a whole (encoding, no header, ...)
  // Kept questions that lost something the model cannot hold (audio, a picture
  // in an option, partial-credit answers): imported, but the user is told.
  std::vector<Diagnostic> warnings;
  bool ok() const { return rejected.empty() && file_errors.empty(); }
};

// Parses a whole file. Never throws on bad content: every problem becomes a
// diagnostic naming where and why. Questions get validate()d here.
ParseResult parse_questions(std::string_view path, std::span<const std::uint8_t> bytes, Format format);

// The whole file, read in one block; nullopt when it cannot be opened or read.
std::optional<std::vector<std::uint8_t>> read_file(const std::string& path);

// A question that a format cannot carry (e.g. an ordering question in Aiken,
// a picture in CSV): writing it would lose or change it.
struct ExportProblem {
  std::size_t index = 0;  // into the questions given
  std::string id;
  Text message;
};

// Every question the format cannot carry, with the reason; empty when all fit.
std::vector<ExportProblem> export_problems(const std::vector<Question>& questions, Format format);

// Thrown by write_questions instead of silently dropping or mangling questions.
class ExportError : public std::runtime_error {
 public:
  explicit ExportError(std::vector<ExportProblem> problems);
  const std::vector<ExportProblem>& problems() const { return problems_; }

 private:
  std::vector<ExportProblem> problems_;
};

// The `import --skip-bad` report: CSV (UTF-8 with BOM, for Excel), one row per
// rejected record: file, line, column, reason(s), the record's source text.
std::vector<std::uint8_t> write_rejects_report(const std::vector<RejectedRecord>& rejected, bool chinese);

// Writes questions in a format; the bytes are what goes into the file.
// Throws ExportError (listing every one) when export_problems() is not empty.
std::vector<std::uint8_t> write_questions(const std::vector<Question>& questions, Format format);

}  // namespace ankang::bank
