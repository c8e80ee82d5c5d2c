#include "question_bank/formats/html_text.h"

#include <charconv>

namespace ankang::bank::detail {

namespace {

bool starts_with_tag(std::string_view tag_body, std::string_view name) {
  if (tag_body.starts_with('/')) tag_body.remove_prefix(1);
  if (tag_body.size() < name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = tag_body[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != name[i]) return false;
  }
  return tag_body.size() == name.size() || !((tag_body[name.size()] | 0x20) >= 'a' && (tag_body[name.size()] | 0x20) <= 'z');
}

bool breaks_line(std::string_view tag_body) {
  if (starts_with_tag(tag_body, "br")) return true;
  if (!tag_body.starts_with('/')) return false;
  for (std::string_view block : {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
    if (starts_with_tag(tag_body, block)) return true;
  return false;
}

// Decodes the entity at the front of text ("&amp;..."); returns its length or 0.
std::size_t decode_entity(std::string_view text, std::string& out) {
  auto semicolon = text.find(';');
  if (semicolon == std::string_view::npos || semicolon > 10) return 0;
  auto name = text.substr(1, semicolon - 1);
  struct Named {
    std::string_view name, text;
  };
  static constexpr Named kNamed[] = {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& n : kNamed)
    if (n.name == name) return out += n.text, semicolon + 1;
  if (name.starts_with('#') && name.size() > 1) {
    bool hex = name[1] == 'x' || name[1] == 'X';
    auto digits = name.substr(hex ? 2 : 1);
    unsigned code = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
    if (ec != std::errc() || end != digits.data() + digits.size() || code == 0 || code > 0x10FFFF) return 0;
    append_utf8(out, code == 0xA0 ? U' ' : static_cast<char32_t>(code));
    return semicolon + 1;
  }
  return 0;
}

}  // namespace

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string html_to_text(std::string_view html) {
  // First pass: tags out, entities decoded, layout breaks kept as '\n'.
  std::string flat;
  flat.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      auto close = html.find('>', i);
      if (close == std::string_view::npos) break;
      if (breaks_line(html.substr(i + 1, close - i - 1))) flat += '\n';
      i = close + 1;
    } else if (c == '&') {
      auto used = decode_entity(html.substr(i), flat);
      if (used == 0) flat += c;
      i += used == 0 ? 1 : used;
    } else {
      flat += (c == '\r' || c == '\t' || c == '\n') ? ' ' : c;
      ++i;
    }
  }
  // Second pass: one space between words, one line break between lines.
  std::string out;
  bool pending_space = false, pending_break = false;
  for (char c : flat) {
    if (c == ' ') {
      pending_space = true;
    } else if (c == '\n') {
      pending_break = true;
    } else {
      if (!out.empty()) {
        if (pending_break)
          out += '\n';
        else if (pending_space)
          out += ' ';
      }
      pending_space = pending_break = false;
      out += c;
    }
  }
  return out;
}

std::string escape_html(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

}  // namespace ankang::bank::detail
