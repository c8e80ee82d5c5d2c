// The format API: names, detection, diagnostics and dispatch to each reader/writer.
#include "question_bank/formats/format.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>

#include "question_bank/formats/format_detail.h"
#include "question_bank/formats/spreadsheet_template.h"
#include "question_bank/formats/text_encoding.h"

namespace ankang::bank {

namespace {

struct FormatName {
  Format format;
  std::string_view name;
};

constexpr FormatName kNames[] = {
    {Format::csv, "csv"},     {Format::tsv, "tsv"},     {Format::xlsx, "xlsx"}, {Format::gift, "gift"},
    {Format::moodle_xml, "moodle-xml"}, {Format::aiken, "aiken"}, {Format::json, "json"},
    {Format::xls, "xls"},     {Format::text, "text"},   {Format::docx, "docx"},
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return out;
}

// Line-based text formats may come from a Chinese editor in GBK: convert first.
ParseResult with_decoded_text(std::string_view path, std::span<const std::uint8_t> bytes,
                              ParseResult (*parse)(std::string_view, std::string_view)) {
  Diagnostic error;
  auto decoded = detail::decode_text(path, bytes, error);
  if (!decoded) {
    ParseResult r;
    r.file_errors.push_back(std::move(error));
    return r;
  }
  return parse(path, decoded->text);
}

}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
  auto n = lower(name);
  if (n == "xml" || n == "moodle_xml" || n == "moodlexml") return Format::moodle_xml;
  if (n == "txt") return Format::text;
  for (const auto& f : kNames)
    if (f.name == n) return f.format;
  return std::nullopt;
}

bool format_can_write(Format f) { return f != Format::xls; }

std::string_view format_name(Format f) {
  for (const auto& n : kNames)
    if (n.format == f) return n.name;
  return "?";
}

std::string format_names(std::string_view separator) {
  std::string out;
  for (const auto& n : kNames) out += (out.empty() ? "" : std::string(separator)) + std::string(n.name);
  return out;
}

std::string format_diagnostic(const Diagnostic& d, bool chinese) {
  std::string out = d.file;
  if (d.pos.line > 0) {
    out += ':' + std::to_string(d.pos.line);
    if (d.pos.column > 0) out += ':' + std::to_string(d.pos.column);
  }
  out += ": ";
  out += chinese ? d.message.zh : d.message.en;
  return out;
}

ExportError::ExportError(std::vector<ExportProblem> problems)
    : std::runtime_error([&] {
        std::string what = "cannot export " + std::to_string(problems.size()) + " question(s):";
        for (const auto& p : problems)
          what += "\n  #" + std::to_string(p.index + 1) + (p.id.empty() ? "" : " (" + p.id + ")") + ": " + p.message.en;
        return what;
      }()),
      problems_(std::move(problems)) {}

std::vector<ExportProblem> export_problems(const std::vector<Question>& questions, Format format) {
  std::vector<ExportProblem> problems;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    std::optional<Text> why;
    switch (format) {
      case Format::json:
        why = detail::json_cannot_carry(questions[i]);
        break;
      case Format::csv:
      case Format::tsv:
      case Format::xlsx:
        why = detail::template_cannot_carry(questions[i]);
        break;
      case Format::moodle_xml:
        why = detail::moodle_xml_cannot_carry(questions[i]);
        break;
      case Format::gift:
        why = detail::gift_cannot_carry(questions[i]);
        break;
      case Format::aiken:
        why = detail::aiken_cannot_carry(questions[i]);
        break;
      case Format::xls:
        why = detail::xls_cannot_carry(questions[i]);
        break;
      case Format::text:
        why = detail::text_bank_cannot_carry(questions[i]);
        break;
      case Format::docx:
        why = Text{"Word 文档只能导入，不能导出（可导出为 text 格式后在 Word 中打开）",
                   "Word documents are read, not written (export as text and open that in Word)"};
        break;
    }
    if (why) problems.push_back({i, questions[i].id, std::move(*why)});
  }
  return problems;
}

ParseResult parse_questions(std::string_view path, std::span<const std::uint8_t> bytes, Format format) {
  switch (format) {
    case Format::json:
      return detail::parse_json(path, detail::as_text(bytes));
    case Format::csv:
      return detail::parse_delimited(path, bytes, ',');
    case Format::tsv:
      return detail::parse_delimited(path, bytes, '\t');
    case Format::moodle_xml:
      return detail::parse_moodle_xml(path, detail::as_text(bytes));
    case Format::gift:
      return with_decoded_text(path, bytes, detail::parse_gift);
    case Format::xlsx:
      return detail::parse_xlsx(path, bytes);
    case Format::aiken:
      return with_decoded_text(path, bytes, detail::parse_aiken);
    case Format::xls:
      return detail::parse_xls(path, bytes);
    case Format::text:
      return with_decoded_text(path, bytes, detail::parse_text_bank);
    case Format::docx:
      return detail::parse_docx(path, bytes);
  }
  return {};
}

std::vector<std::uint8_t> write_rejects_report(const std::vector<RejectedRecord>& rejected, bool chinese) {
  return detail::as_bytes(detail::rejects_csv(rejected, chinese));
}

std::vector<std::uint8_t> write_questions(const std::vector<Question>& questions, Format format) {
  auto problems = export_problems(questions, format);
  if (!problems.empty()) throw ExportError(std::move(problems));
  switch (format) {
    case Format::json:
      return detail::as_bytes(detail::write_json(questions));
    case Format::csv:
      return detail::as_bytes(detail::write_delimited(questions, ','));
    case Format::tsv:
      return detail::as_bytes(detail::write_delimited(questions, '\t'));
    case Format::moodle_xml:
      return detail::as_bytes(detail::write_moodle_xml(questions));
    case Format::gift:
      return detail::as_bytes(detail::write_gift(questions));
    case Format::xlsx:
      return detail::write_xlsx(questions);
    case Format::aiken:
      return detail::as_bytes(detail::write_aiken(questions));
    case Format::xls:
      break;  // refused by export_problems
    case Format::text:
      return detail::as_bytes(detail::write_text_bank(questions));
    case Format::docx:
      break;  // export_problems refused every question
  }
  return {};
}

std::optional<Format> detect_format(std::string_view path, std::span<const std::uint8_t> bytes) {
  auto slash = path.rfind('/');
  auto name = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  auto dot = name.rfind('.');
  auto ext = dot == std::string_view::npos ? std::string() : lower(name.substr(dot + 1));
  if (ext == "xml") return Format::moodle_xml;
  if (ext != "txt")
    if (auto f = format_from_name(ext)) return f;
  if (detail::as_text(bytes).starts_with("PK\x03\x04")) return detail::sniff_format(detail::as_text(bytes));
  // A text in GBK shows its 答案 and 单选题 only once decoded.
  Diagnostic undecodable;
  auto decoded = detail::decode_text(path, bytes, undecodable);
  return detail::sniff_format(decoded ? decoded->text : detail::as_text(bytes));
}

namespace detail {

std::optional<Format> sniff_format(std::string_view text) {
  if (text.starts_with("PK\x03\x04"))
    return text.find("word/document.xml") != std::string_view::npos ? Format::docx : Format::xlsx;
  if (text.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Format::xls;  // OLE2, as Excel 97–2003 saves
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  auto head = trim(text.substr(0, 4096));
  if (head.starts_with("<?xml") || head.starts_with("<quiz")) return Format::moodle_xml;
  if (head.starts_with('{') && head.find("ankang-questions") != std::string_view::npos) return Format::json;
  // GIFT has an answer block in braces; Aiken has ANSWER: lines and no braces.
  bool braces = text.find('{') != std::string_view::npos && text.find('}') != std::string_view::npos;
  bool answer_lines = text.find("\nANSWER:") != std::string_view::npos || text.find("\n答案：") != std::string_view::npos;
  // A numbered bank (一、单选题, 1. …, 答案：B) before GIFT: its stems may hold braces.
  if (looks_like_text_bank(text)) return Format::text;
  if (braces) return Format::gift;
  if (answer_lines) return Format::aiken;
  return std::nullopt;
}

std::string_view as_text(std::span<const std::uint8_t> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::vector<std::uint8_t> as_bytes(std::string_view text) { return {text.begin(), text.end()}; }

std::string sibling_path(std::string_view file, std::string_view relative) {
  if (relative.starts_with('/')) return std::string(relative);
  auto slash = file.rfind('/');
  if (slash == std::string_view::npos) return std::string(relative);
  return std::string(file.substr(0, slash + 1)) + std::string(relative);
}

Diagnostic make_diagnostic(std::string_view file, SourcePos pos, std::string zh, std::string en) {
  return {std::string(file), pos, {std::move(zh), std::move(en)}};
}

void add_record(ParseResult& result, std::string_view file, SourcePos pos, Question q, std::string_view source_text,
                const std::function<int(std::string_view field)>& column_of) {
  auto problems = validate(q);
  if (problems.empty()) {
    result.questions.push_back({std::move(q), pos});
    return;
  }
  std::vector<Diagnostic> reasons;
  for (auto& p : problems) {
    SourcePos at = pos;
    if (column_of) at.column = column_of(p.field);
    reasons.push_back(make_diagnostic(file, at, p.field + ": " + p.message.zh, p.field + ": " + p.message.en));
  }
  reject_record(result, pos, source_text, std::move(reasons));
}

void reject_record(ParseResult& result, SourcePos pos, std::string_view source_text, std::vector<Diagnostic> reasons) {
  result.rejected.push_back({pos, std::string(source_text), std::move(reasons)});
}

std::string option_letter(int index) { return std::string(1, static_cast<char>('A' + index)); }

std::optional<int> take_option_letter(std::string_view& text) {
  if (text.empty()) return std::nullopt;
  char c = text[0];
  if (c >= 'A' && c <= 'Z') return text.remove_prefix(1), c - 'A';
  if (c >= 'a' && c <= 'z') return text.remove_prefix(1), c - 'a';
  // Full-width Ａ..Ｚ is U+FF21..U+FF3A: EF BC A1..BA; ａ..ｚ is U+FF41..U+FF5A: EF BD 81..9A.
  if (text.size() >= 3 && static_cast<unsigned char>(c) == 0xEF) {
    auto b1 = static_cast<unsigned char>(text[1]), b2 = static_cast<unsigned char>(text[2]);
    if (b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA) return text.remove_prefix(3), b2 - 0xA1;
    if (b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A) return text.remove_prefix(3), b2 - 0x81;
  }
  return std::nullopt;
}

std::vector<TextLine> split_lines(std::string_view text) {
  std::vector<TextLine> lines;
  int number = 0;
  for (std::size_t start = 0; start <= text.size();) {
    auto end = std::min(text.find('\n', start), text.size());
    auto line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back({++number, line});
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (;;) {
    auto before = text.size();
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
      text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
      text.remove_suffix(1);
    if (text.starts_with(kIdeographicSpace)) text.remove_prefix(kIdeographicSpace.size());
    if (text.ends_with(kIdeographicSpace)) text.remove_suffix(kIdeographicSpace.size());
    if (text.size() == before) return text;
  }
}

std::vector<std::string> split_any(std::string_view text, std::span<const std::string_view> separators) {
  std::vector<std::string> out;
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    auto piece = trim(text.substr(start, end - start));
    if (!piece.empty()) out.emplace_back(piece);
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t matched = 0;
    for (auto sep : separators)
      if (text[i] == sep.front() && text.substr(i).starts_with(sep)) {
        matched = sep.size();
        break;
      }
    if (matched == 0) {
      ++i;
      continue;
    }
    flush(i);
    i += matched;
    start = i;
  }
  flush(text.size());
  return out;
}

std::string number_text(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

}  // namespace detail

std::optional<std::vector<std::uint8_t>> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamoff size = in.tellg();
  if (size < 0) {
    // Not seekable (a pipe): byte by byte, as it comes.
    in.clear();
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return bytes;
  }
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  in.seekg(0);
  if (!in.read(reinterpret_cast<char*>(bytes.data()), size)) return std::nullopt;
  return bytes;
}

}  // namespace ankang::bank
