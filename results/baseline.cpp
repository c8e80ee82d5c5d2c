// Last year's 参赛企业汇总表 as the baseline of the growth year on year.
//
// [SECTION] Reading the table
// [SECTION] The store
#include "results/baseline.h"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <filesystem>
#include <map>

#include "engine/text.h"
#include "results/codec.h"
#include "results/error.h"
#include "results/report.h"
#include "results/store.h"
#include "tables/text_encoding.h"

namespace ankang::results {

namespace {

// [SECTION] Reading the table

// The columns read, by their header in summary_headers().
struct Column {
  const char* header;
  Text label;
  bool required;
};
const Column kUnit{"组织单位", {"组织单位", "unit"}, true};
const Column kName{"企业名称", {"企业名称", "name"}, true};
const Column kUscc{"统一社会信用代码", {"统一社会信用代码", "uscc"}, false};
const Column kHeadcount{"职工人数", {"职工人数", "headcount"}, false};
const Column kParticipants{"参赛人数", {"参赛人数", "participants"}, true};
const Column kAttempts{"答题人次", {"答题人次", "attempts"}, true};
const Column* const kColumns[] = {&kUnit, &kName, &kUscc, &kHeadcount, &kParticipants, &kAttempts};

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A whole number of people or attempts as a person may have typed or Excel
// saved it: "1,234", "１２３", "120.0", " 12 ". nullopt for anything else.
std::optional<std::int64_t> whole_number(const std::string& cell) {
  auto text = normalize_text(cell);
  std::erase(text, ',');
  if (auto dot = text.find('.'); dot != std::string::npos) {
    if (text.find_first_not_of('0', dot + 1) != std::string::npos) return std::nullopt;
    text.resize(dot);
  }
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || n < 0) return std::nullopt;
  return n;
}

// The year a title row names ("2025 年安康杯竞赛参赛企业汇总表"), or 0.
int year_named(const std::string& text) {
  const auto at = text.find("年");
  if (at == std::string::npos || at < 4) return 0;
  auto digits = trimmed(text.substr(0, at));
  if (digits.size() < 4) return 0;
  digits = digits.substr(digits.size() - 4);
  int year = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + 4, year);
  return ec == std::errc{} && end == digits.data() + 4 ? year : 0;
}

class TableReader {
 public:
  TableReader(const std::vector<Row>& rows, int year) : rows_(rows), year_(year) {}

  BaselineRead read() {
    out_.baseline.year = year_;
    if (!find_header()) return std::move(out_);
    std::string unit;  // of the row above, for a cell left empty under a merged one
    for (std::size_t r = header_ + 1; r < rows_.size(); ++r) {
      row_ = &rows_[r];
      const auto name = trimmed(cell(kName));
      if (const auto u = trimmed(cell(kUnit)); !u.empty()) unit = u;
      if (name == "总计") {
        check_total(totals_, {"总计", "the overall total"});
        break;  // what follows (the 重复报名 block, notes) is not part of the figures
      }
      if (unit.empty()) {
        problem(kUnit, {"组织单位为空", "the organising unit is empty"});
        continue;
      }
      auto& sums = unit_sums(unit);
      if (name == "合计") {
        check_total(sums, {"合计", "the unit's total"});
        continue;
      }
      // An enterprise known only from results (未登记企业) has its code and no name.
      if (name.empty() && trimmed(cell(kUscc)).empty()) {
        problem(kName, {"企业名称为空", "the enterprise name is empty"});
        continue;
      }
      const auto participants = count(kParticipants);
      const auto attempts = count(kAttempts);
      const auto headcount = count(kHeadcount);
      if (!participants || !attempts || !headcount) continue;
      for (auto* f : {&sums, &totals_}) {
        f->enterprises += *participants > 0;
        f->participants += *participants;
        f->attempts += *attempts;
        f->headcount += *headcount;
      }
    }
    if (order_.empty() && out_.problems.empty())
      out_.problems.push_back({line_of(rows_[header_]), 0, {}, {"表中没有企业数据行", "the table has no enterprise rows"}});
    for (const auto& unit : order_) out_.baseline.units.push_back(units_[unit]);
    out_.baseline.overall = totals_;
    return std::move(out_);
  }

 private:
  static int line_of(const Row& row) { return row.empty() ? 0 : row.front().line; }

  bool find_header() {
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      std::map<std::string, int> found;
      for (const auto& c : rows_[r]) found.emplace(normalize_text(c.text), c.column);
      bool all = true;
      for (const auto* col : kColumns) all = all && (!col->required || found.contains(col->header));
      if (all) {
        header_ = r;
        for (const auto* col : kColumns)
          if (auto it = found.find(col->header); it != found.end()) columns_[col] = it->second;
        return true;
      }
      // A title row above the header may name the year.
      for (const auto& c : rows_[r])
        if (const int named = year_named(c.text); named != 0 && named != year_)
          out_.problems.push_back({c.line, c.column, {},
                                   {"标题写的是 " + std::to_string(named) + " 年，与指定的 " + std::to_string(year_) + " 年不符",
                                    "the title names " + std::to_string(named) + ", not the year given, " + std::to_string(year_)}});
    }
    std::string names;
    for (const auto* col : kColumns)
      if (col->required) names += (names.empty() ? "" : "、") + std::string(col->header);
    out_.problems.push_back({line_of(rows_.front()), 0, {},
                             {"找不到表头行（参赛企业汇总表的表头，应有 " + names + " 等列）",
                              "no header row found (the 参赛企业汇总表 header, with the columns " + names + ")"}});
    return false;
  }

  int column_of(const Column& col) const {
    auto it = columns_.find(&col);
    return it == columns_.end() ? 0 : it->second;
  }
  // The cell of a column in the current row; empty when the row is short.
  // Cells sit at their column (column i + 1 is cell i), as both readers give them.
  std::string cell(const Column& col) const {
    const auto c = column_of(col);
    return c > 0 && static_cast<std::size_t>(c) <= row_->size() ? (*row_)[static_cast<std::size_t>(c) - 1].text : std::string();
  }

  // A whole number; 0 for an optional column the table lacks or leaves empty.
  std::optional<std::int64_t> count(const Column& col) {
    if (!columns_.contains(&col)) return 0;
    const auto text = cell(col);
    if (auto n = whole_number(text)) return n;
    if (!col.required && trimmed(text).empty()) return 0;
    problem(col, {"“" + text + "”不是非负整数", "'" + text + "' is not a whole number of zero or more"});
    return std::nullopt;
  }

  // A 合计 or 总计 row must say what the enterprise rows above add up to.
  void check_total(const BaselineFigures& sums, const Text& row) {
    for (const auto* col : {&kParticipants, &kAttempts, &kHeadcount}) {
      if (!columns_.contains(col)) continue;
      const auto stated = count(*col);
      if (!stated) continue;
      const auto added = col == &kParticipants ? sums.participants : col == &kAttempts ? sums.attempts : sums.headcount;
      if (*stated != added)
        problem(*col, {row.zh + "为 " + std::to_string(*stated) + "，与上方各企业之和 " + std::to_string(added) + " 不符",
                       row.en + " says " + std::to_string(*stated) + ", the rows above add up to " + std::to_string(added)});
    }
  }

  BaselineFigures& unit_sums(const std::string& unit) {
    auto [it, added] = units_.try_emplace(unit);
    if (added) {
      it->second.unit = unit;
      order_.push_back(unit);
    }
    return it->second;
  }

  void problem(const Column& col, Text message) {
    out_.problems.push_back({line_of(*row_), column_of(col), col.label, std::move(message)});
  }

  const std::vector<Row>& rows_;
  int year_;
  BaselineRead out_;
  std::size_t header_ = 0;
  const Row* row_ = nullptr;
  std::map<const Column*, int> columns_;  // column -> its 1-based column in the sheet
  std::map<std::string, BaselineFigures> units_;
  std::vector<std::string> order_;
  BaselineFigures totals_;
};

// What identifies the figures, whatever file and row order brought them.
Hash figures_hash(const Baseline& b) {
  auto units = b.units;
  std::sort(units.begin(), units.end(), [](const auto& x, const auto& y) { return x.unit < y.unit; });
  std::string text = std::to_string(b.year) + "\n";
  for (const auto& f : units)
    text += f.unit + '\t' + std::to_string(f.enterprises) + '\t' + std::to_string(f.participants) + '\t' + std::to_string(f.attempts) +
            '\t' + std::to_string(f.headcount) + '\n';
  return blake2b(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

}  // namespace

BaselineRead read_baseline(const std::vector<Row>& rows, int year) {
  if (rows.empty()) {
    BaselineRead out;
    out.baseline.year = year;
    out.problems.push_back({1, 0, {}, {"文件是空的", "the file is empty"}});
    return out;
  }
  return TableReader(rows, year).read();
}

BaselineRead read_baseline_file(std::span<const std::uint8_t> bytes, const std::string& name, int year) {
  std::vector<Row> rows;
  try {
    auto ext = std::filesystem::path(name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".xlsx") {
      rows = read_xlsx_rows(bytes);
    } else {
      tables::Problem problem;
      auto decoded = tables::decode_text(bytes, problem);
      if (!decoded) {
        BaselineRead out;
        out.baseline.year = year;
        out.problems.push_back({problem.line, problem.column, {}, {problem.zh, problem.en}});
        return out;
      }
      rows = read_csv_rows(decoded->text());
    }
  } catch (const ResultsError& e) {
    BaselineRead out;
    out.baseline.year = year;
    out.problems.push_back({0, 0, {}, e.text()});
    return out;
  }
  auto out = read_baseline(rows, year);
  out.baseline.source = std::filesystem::path(name).filename().string();
  return out;
}

BaselineRead read_baseline_file(const std::string& path, int year) {
  try {
    return read_baseline_file(read_file(path, 64u << 20), path, year);
  } catch (const ResultsError& e) {
    BaselineRead out;
    out.baseline.year = year;
    out.problems.push_back({0, 0, {}, e.text()});
    return out;
  }
}

std::string format_baseline_problem(const std::string& file, const BaselineProblem& p, bool chinese) {
  std::string out = file;
  if (p.line > 0) out += ":" + std::to_string(p.line);
  if (p.line > 0 && p.column > 0) out += ":" + std::to_string(p.column);
  out += ": ";
  const auto& field = chinese ? p.field.zh : p.field.en;
  if (!field.empty()) out += field + ": ";
  return out + (chinese ? p.message.zh : p.message.en);
}

// [SECTION] The store

BaselineOutcome import_baseline(OrganiserStore& store, const Baseline& b, bool replace) {
  BaselineOutcome out;
  if (b.year < 2000 || b.year > 2100) {
    out.reason = {"年份 " + std::to_string(b.year) + " 无效", "year " + std::to_string(b.year) + " is not valid"};
    return out;
  }
  auto& db = store.db();
  const auto hash = figures_hash(b);
  Savepoint tx(db, "baseline");
  {
    auto existing = db.prepare("SELECT figures_hash, source, imported_at FROM baselines WHERE year = ?");
    existing.bind(1, std::int64_t{b.year});
    if (existing.step()) {
      if (std::ranges::equal(existing.blob(0), hash)) {
        out.status = BaselineOutcome::Status::already_imported;
        return out;
      }
      if (!replace) {
        const auto source = existing.text(1);
        const auto when = china_date(existing.int64(2) * 1000);
        out.reason = {std::to_string(b.year) + " 年已有另一份基线（来自 " + source + "，" + when + " 导入）：要替换它请加 --replace",
                      std::to_string(b.year) + " already has another baseline (from " + source + ", imported " + when +
                          "): add --replace to replace it"};
        return out;
      }
      out.status = BaselineOutcome::Status::replaced;
    }
  }
  db.prepare("DELETE FROM baselines WHERE year = ?").bind(1, std::int64_t{b.year}).run();
  db.prepare(
        "INSERT INTO baselines (year, source, figures_hash, enterprises, participants, attempts, headcount, imported_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, std::int64_t{b.year})
      .bind(2, b.source)
      .bind(3, hash)
      .bind(4, b.overall.enterprises)
      .bind(5, b.overall.participants)
      .bind(6, b.overall.attempts)
      .bind(7, b.overall.headcount)
      .bind(8, static_cast<std::int64_t>(std::time(nullptr)))
      .run();
  auto unit = db.prepare(
      "INSERT INTO baseline_units (year, unit, position, enterprises, participants, attempts, headcount) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < b.units.size(); ++i) {
    const auto& f = b.units[i];
    unit.bind(1, std::int64_t{b.year})
        .bind(2, f.unit)
        .bind(3, static_cast<std::int64_t>(i))
        .bind(4, f.enterprises)
        .bind(5, f.participants)
        .bind(6, f.attempts)
        .bind(7, f.headcount)
        .run();
  }
  tx.commit();
  if (out.status != BaselineOutcome::Status::replaced) out.status = BaselineOutcome::Status::imported;
  auto raw = db.prepare("SELECT 1 FROM worker_year WHERE year = ? LIMIT 1");
  raw.bind(1, std::int64_t{b.year});
  if (raw.step())
    out.notes.push_back({"本库已有 " + std::to_string(b.year) + " 年的原始成绩：逐年增长以原始成绩为准，基线备用",
                         "the store holds results of " + std::to_string(b.year) +
                             ": the growth year on year uses them, the baseline stays in reserve"});
  return out;
}

std::optional<Baseline> stored_baseline(OrganiserStore& store, int year) {
  auto s = store.db().prepare("SELECT source, enterprises, participants, attempts, headcount FROM baselines WHERE year = ?");
  s.bind(1, std::int64_t{year});
  if (!s.step()) return std::nullopt;
  Baseline b;
  b.year = year;
  b.source = s.text(0);
  b.overall = {"", s.int64(1), s.int64(2), s.int64(3), s.int64(4)};
  auto units = store.db().prepare(
      "SELECT unit, enterprises, participants, attempts, headcount FROM baseline_units WHERE year = ? ORDER BY position");
  units.bind(1, std::int64_t{year});
  while (units.step()) b.units.push_back({units.text(0), units.int64(1), units.int64(2), units.int64(3), units.int64(4)});
  return b;
}

std::vector<int> baseline_years(OrganiserStore& store) {
  std::vector<int> years;
  auto s = store.db().prepare("SELECT year FROM baselines ORDER BY year");
  while (s.step()) years.push_back(static_cast<int>(s.int64(0)));
  return years;
}

}  // namespace ankang::results
