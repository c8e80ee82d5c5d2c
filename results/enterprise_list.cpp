#include "results/enterprise_list.h"

#include <charconv>
#include <map>

#include "engine/text.h"
#include "results/error.h"
#include "results/uscc.h"

namespace ankang::results {

namespace {

// Header text (normalised) -> field.
const std::map<std::string, std::string>& header_names() {
  static const std::map<std::string, std::string> names = {
      {"统一社会信用代码", "uscc"}, {"uscc", "uscc"},           {"企业名称", "name"},     {"单位名称", "name"},
      {"name", "name"},             {"归属", "affiliation"},    {"affiliation", "affiliation"},
      {"组织单位", "unit"},         {"主办单位", "unit"},       {"unit", "unit"},
      {"职工人数", "headcount"},    {"headcount", "headcount"}};
  return names;
}

const std::map<std::string, Text>& field_labels() {
  static const std::map<std::string, Text> labels = {{"uscc", {"统一社会信用代码", "uscc"}},
                                                     {"name", {"企业名称", "name"}},
                                                     {"affiliation", {"归属", "affiliation"}},
                                                     {"unit", {"组织单位", "unit"}},
                                                     {"headcount", {"职工人数", "headcount"}}};
  return labels;
}

}  // namespace

Text list_field_label(const std::string& field) {
  auto it = field_labels().find(field);
  return it == field_labels().end() ? Text{field, field} : it->second;
}

EnterpriseList read_enterprise_list(const std::vector<Row>& rows) {
  EnterpriseList out;
  if (rows.empty()) {
    out.problems.push_back({1, 0, "", {"文件是空的", "the file is empty"}});
    return out;
  }
  std::map<std::string, std::size_t> column;  // field -> index in the row
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    auto it = header_names().find(normalize_text(rows[0][i].text));
    if (it != header_names().end()) column[it->second] = i;
  }
  for (const auto& [field, label] : field_labels())
    if (!column.contains(field))
      out.problems.push_back({rows[0].empty() ? 1 : rows[0][0].line, 0, field,
                              {"表头缺少“" + label.zh + "”列", "the header has no '" + label.en + "' column"}});
  if (!out.problems.empty()) return out;

  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const int line = row.empty() ? 0 : row[0].line;
    auto cell = [&](const std::string& field) -> std::pair<std::string, int> {
      auto i = column[field];
      if (i < row.size()) return {std::string(row[i].text), row[i].column};
      return {"", static_cast<int>(i) + 1};
    };
    ListedEnterprise le;
    le.line = line;
    bool ok = true;
    auto problem = [&](const std::string& field, int col, Text message) {
      out.problems.push_back({line, col, field, std::move(message)});
      ok = false;
    };
    auto [uscc, uscc_col] = cell("uscc");
    le.enterprise.uscc = uscc;
    le.uscc_column = uscc_col;
    auto [name, name_col] = cell("name");
    le.enterprise.name = name;
    if (normalize_text(name).empty()) problem("name", name_col, {"企业名称为空", "the name is empty"});
    auto [unit, unit_col] = cell("unit");
    le.enterprise.unit = unit;
    if (normalize_text(unit).empty()) problem("unit", unit_col, {"组织单位为空", "the organising unit is empty"});
    auto [aff, aff_col] = cell("affiliation");
    auto code = parse_affiliation(normalize_text(aff));
    if (!code)
      problem("affiliation", aff_col,
              {"“" + aff + "”不是 属地 / 产业 / 企业联合会 之一", "'" + aff + "' is not one of district, industry, federation"});
    else
      le.enterprise.affiliation = *code;
    auto [count, count_col] = cell("headcount");
    auto digits = normalize_text(count);
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc{} || end != digits.data() + digits.size() || n <= 0)
      problem("headcount", count_col, {"“" + count + "”不是正整数", "'" + count + "' is not a positive whole number"});
    le.enterprise.headcount = n;
    if (ok) out.enterprises.push_back(std::move(le));
  }
  return out;
}

ListRegistration register_enterprises(OrganiserStore& store, const EnterpriseList& list, int year) {
  ListRegistration out;
  std::map<std::string, int> first_line;  // normalised USCC -> its first line in the list
  Savepoint tx(store.db(), "enterprise_list");
  for (const auto& le : list.enterprises) {
    const auto [first, fresh] = first_line.try_emplace(normalize_uscc(le.enterprise.uscc), le.line);
    if (!fresh) {
      out.problems.push_back({le.line, le.uscc_column, "uscc",
                              {"与第 " + std::to_string(first->second) + " 行是同一企业（统一社会信用代码相同）",
                               "the same enterprise as line " + std::to_string(first->second) + " (same code)"}});
      continue;
    }
    try {
      switch (store.add_enterprise(le.enterprise, year)) {
        case OrganiserStore::RegistrationChange::added: ++out.added; break;
        case OrganiserStore::RegistrationChange::updated: ++out.updated; break;
        case OrganiserStore::RegistrationChange::unchanged: ++out.unchanged; break;
      }
    } catch (const ResultsError& e) {
      out.problems.push_back({le.line, le.uscc_column, "uscc", e.text()});
    }
  }
  if (out.problems.empty()) tx.commit();
  else out.added = out.updated = out.unchanged = 0;
  return out;
}

std::string format_problem(const std::string& file, const ListProblem& p, bool chinese) {
  // Line 0: the file as a whole, and its message names the file already.
  if (p.line <= 0) return chinese ? p.message.zh : p.message.en;
  std::string out = file + ":" + std::to_string(p.line);
  if (p.column > 0) out += ":" + std::to_string(p.column);
  out += ": ";
  if (!p.field.empty()) {
    auto it = field_labels().find(p.field);
    out += (chinese ? it->second.zh : it->second.en) + ": ";
  }
  return out + (chinese ? p.message.zh : p.message.en);
}

}  // namespace ankang::results
