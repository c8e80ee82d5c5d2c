// What the format readers and writers share; not part of the format API.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "question_bank/formats/format.h"

namespace ankang::bank::detail {

// One reader/writer per file.
ParseResult parse_json(std::string_view path, std::string_view text);
std::string write_json(const std::vector<Question>& questions);

ParseResult parse_delimited(std::string_view path, std::span<const std::uint8_t> bytes, char delimiter);
std::string write_delimited(const std::vector<Question>& questions, char delimiter);
std::string rejects_csv(const std::vector<RejectedRecord>& rejected, bool chinese);

ParseResult parse_moodle_xml(std::string_view path, std::string_view text);
std::string write_moodle_xml(const std::vector<Question>& questions);

ParseResult parse_gift(std::string_view path, std::string_view text);
std::string write_gift(const std::vector<Question>& questions);

ParseResult parse_xlsx(std::string_view path, std::span<const std::uint8_t> bytes);
std::vector<std::uint8_t> write_xlsx(const std::vector<Question>& questions);

// Read only: xls_cannot_carry refuses every question.
ParseResult parse_xls(std::string_view path, std::span<const std::uint8_t> bytes);

ParseResult parse_aiken(std::string_view path, std::string_view text);
std::string write_aiken(const std::vector<Question>& questions);

// A numbered question bank as it circulates in plain text or Word
// (text_format.cpp): one line of the source with its number (a .docx
// paragraph's number; the lines of one paragraph share it).
struct TextLine {
  int number = 0;
  std::string_view text;
};
ParseResult parse_text_bank(std::string_view path, std::string_view text);
ParseResult parse_text_lines(std::string_view path, const std::vector<TextLine>& lines);
// True when the text has the marks of such a bank (a 一、单选题 heading, or
// numbered stems with option and 答案 lines).
bool looks_like_text_bank(std::string_view text);
std::string write_text_bank(const std::vector<Question>& questions);
std::optional<Text> text_bank_cannot_carry(const Question& q);

ParseResult parse_docx(std::string_view path, std::span<const std::uint8_t> bytes);

// Why a format cannot carry a question; nullopt when it can.
std::optional<Text> json_cannot_carry(const Question& q);
std::optional<Text> aiken_cannot_carry(const Question& q);
std::optional<Text> gift_cannot_carry(const Question& q);
std::optional<Text> moodle_xml_cannot_carry(const Question& q);
std::optional<Text> xls_cannot_carry(const Question& q);

// --- shared helpers (format.cpp) ---

// The format told by the content alone (a .txt file, or no known extension).
std::optional<Format> sniff_format(std::string_view text);

std::string_view as_text(std::span<const std::uint8_t> bytes);
std::vector<std::uint8_t> as_bytes(std::string_view text);
// `relative` resolved against the folder of `file`.
std::string sibling_path(std::string_view file, std::string_view relative);

Diagnostic make_diagnostic(std::string_view file, SourcePos pos, std::string zh, std::string en);

// Validates q; a valid question joins result.questions, an invalid one
// result.rejected with one reason per problem (naming the field). column_of,
// when given, maps a field name ("answer") to the column holding it (0: unknown).
void add_record(ParseResult& result, std::string_view file, SourcePos pos, Question q, std::string_view source_text,
                const std::function<int(std::string_view field)>& column_of = {});
// Rejects a record for reasons found while reading it.
void reject_record(ParseResult& result, SourcePos pos, std::string_view source_text, std::vector<Diagnostic> reasons);

// Option letters: 0 -> "A" ... 25 -> "Z".
std::string option_letter(int index);
// "A".."Z", "a".."z" and full-width "Ａ".."Ｚ" -> 0..25, read from the front of
// text (advancing it); nullopt when text does not start with a letter.
std::optional<int> take_option_letter(std::string_view& text);
// The lines of a text, numbered from 1, without their line ends ("\n", "\r\n").
std::vector<TextLine> split_lines(std::string_view text);

// Without leading and trailing ASCII whitespace and ideographic spaces.
std::string_view trim(std::string_view text);
// Splits at any of the separators (each a UTF-8 sequence), trimming each
// piece and leaving out empty ones.
std::vector<std::string> split_any(std::string_view text, std::span<const std::string_view> separators);
// Shortest text that reads back as the same double.
std::string number_text(double value);

}  // namespace ankang::bank::detail
