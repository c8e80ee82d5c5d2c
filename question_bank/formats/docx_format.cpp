// Word (.docx): the paragraphs of word/document.xml, each numbered as the
// "line" of its problems, read as a numbered text bank (text_format.cpp).
// Word's own list numbering (a stem numbered by Word, not typed) is written
// back into the paragraph's text as Word shows it, from word/numbering.xml.
#include <map>
#include <pugixml.hpp>

#include "question_bank/formats/format_detail.h"
#include "tables/zip_archive.h"

namespace ankang::bank::detail {

namespace {

// The text of one paragraph: runs joined, tabs and breaks kept, deleted
// text and field codes left out, a text box's own paragraphs not entered.
void paragraph_text(pugi::xml_node node, std::string& out) {
  for (auto child : node.children()) {
    std::string_view name = child.name();
    if (name == "w:t") out += child.child_value();
    else if (name == "w:tab") out += '\t';
    else if (name == "w:br" || name == "w:cr") out += '\n';
    else if (name == "w:p" || name == "w:txbxContent" || name == "w:delText" || name == "w:instrText" || name == "w:pPr" || name == "w:rPr") continue;
    else paragraph_text(child, out);
  }
}

// [SECTION] List numbering

// One level of a list: how its number is written ("decimal", "%1.").
struct ListLevel {
  std::string format;
  std::string text;
  int start = 1;
};

std::string chinese_count(int n) {
  constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  std::string out;
  if (n >= 10) out += std::string(n >= 20 ? kDigits[n / 10] : "") + "十";
  if (n % 10 != 0) out += kDigits[n % 10];
  return out;
}

std::string counter_text(const std::string& format, int n) {
  if (format == "upperLetter" && n >= 1 && n <= 26) return std::string(1, static_cast<char>('A' + n - 1));
  if (format == "lowerLetter" && n >= 1 && n <= 26) return std::string(1, static_cast<char>('a' + n - 1));
  if (format.starts_with("chinese") || format.starts_with("ideograph") || format.starts_with("japanese")) return chinese_count(n);
  if (format == "none" || format == "bullet") return "";
  return std::to_string(n);
}

class Numbering {
 public:
  explicit Numbering(const std::optional<std::string>& xml) {
    pugi::xml_document doc;
    if (!xml || !doc.load_buffer(xml->data(), xml->size())) return;
    auto root = doc.child("w:numbering");
    std::map<int, std::map<int, ListLevel>> abstract;
    for (auto a : root.children("w:abstractNum")) {
      auto& levels = abstract[a.attribute("w:abstractNumId").as_int(-1)];
      for (auto lvl : a.children("w:lvl"))
        levels[lvl.attribute("w:ilvl").as_int()] = {lvl.child("w:numFmt").attribute("w:val").value(),
                                                    lvl.child("w:lvlText").attribute("w:val").value(),
                                                    lvl.child("w:start").attribute("w:val").as_int(1)};
    }
    for (auto num : root.children("w:num"))
      lists_[num.attribute("w:numId").as_int(-1)] = abstract[num.child("w:abstractNumId").attribute("w:val").as_int(-1)];
  }

  // The number Word shows before a paragraph with this list and level ("3."), counting on.
  std::string next(int list, int level) {
    auto found = lists_.find(list);
    if (found == lists_.end() || level < 0 || level > 8) return "";
    auto& counts = counts_[list];
    const auto& levels = found->second;
    auto start = [&](int l) { auto it = levels.find(l); return it == levels.end() ? 1 : it->second.start; };
    counts[level] = counts.contains(level) ? counts[level] + 1 : start(level);
    for (auto it = counts.upper_bound(level); it != counts.end();) it = counts.erase(it);
    auto it = levels.find(level);
    if (it == levels.end()) return "";
    std::string out;
    const auto& text = it->second.text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
        int l = text[++i] - '1';
        auto lvl = levels.find(l);
        out += counter_text(lvl == levels.end() ? "decimal" : lvl->second.format, counts.contains(l) ? counts[l] : start(l));
      } else {
        out += text[i];
      }
    }
    return out;
  }

 private:
  std::map<int, std::map<int, ListLevel>> lists_;
  std::map<int, std::map<int, int>> counts_;
};

}  // namespace

ParseResult parse_docx(std::string_view path, std::span<const std::uint8_t> bytes) {
  ParseResult result;
  auto fail = [&](std::string zh, std::string en) {
    result.file_errors.push_back(make_diagnostic(path, {}, std::move(zh), std::move(en)));
    return std::move(result);
  };
  auto zip = tables::ZipArchive::open(bytes);
  if (!zip) return fail("不是有效的 Word 文档（.docx 无法作为 zip 打开；旧的 .doc 请先另存为 .docx）",
                        "not a valid Word document (the .docx cannot be opened as a zip archive; save an old .doc as .docx first)");
  std::optional<tables::Problem> problem;
  auto document = zip->read("word/document.xml", problem);
  auto numbering_xml = zip->read("word/numbering.xml", problem);
  if (problem) return fail(problem->zh, problem->en);
  if (!document) return fail("Word 文档中缺少 word/document.xml", "the Word document has no word/document.xml");
  pugi::xml_document doc;
  if (auto parsed = doc.load_buffer(document->data(), document->size()); !parsed)
    return fail("word/document.xml 已损坏（第 " + std::to_string(parsed.offset) + " 字节）：" + parsed.description(),
                "word/document.xml is damaged (at byte " + std::to_string(parsed.offset) + "): " + parsed.description());

  Numbering numbering(numbering_xml);
  std::vector<std::string> paragraphs;
  for (auto p : doc.select_nodes("//w:body//w:p")) {
    std::string text;
    auto num = p.node().child("w:pPr").child("w:numPr");
    if (num) {
      auto label = numbering.next(num.child("w:numId").attribute("w:val").as_int(-1), num.child("w:ilvl").attribute("w:val").as_int(0));
      if (!label.empty()) text = label + " ";
    }
    paragraph_text(p.node(), text);
    paragraphs.push_back(std::move(text));
  }
  std::vector<TextLine> lines;
  for (std::size_t i = 0; i < paragraphs.size(); ++i)
    for (const auto& line : split_lines(paragraphs[i])) lines.push_back({static_cast<int>(i) + 1, line.text});
  return parse_text_lines(path, lines);
}

}  // namespace ankang::bank::detail
