#include "results/package.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "engine/text.h"
#include "results/error.h"
#include "results/uscc.h"

namespace ankang::results {

namespace {

constexpr char kMagic[8] = {'A', 'N', 'K', 'C', 'P', 'K', 'G', '1'};
// Version 1: no roster. Version 2 appends the roster to the body.
constexpr std::uint16_t kVersion = 2;
constexpr std::size_t kHeadBytes = 8 + 2 + 4;
constexpr std::uint32_t kMaxText = 1u << 20;
constexpr std::uint32_t kMaxQuestions = 100000;

void put_text(ByteWriter& w, const std::string& s) {
  w.u32(static_cast<std::uint32_t>(s.size()));
  w.raw(std::span(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()));
}

std::string get_text(ByteReader& r, std::uint32_t cap, const char* field) {
  auto n = r.u32();
  if (n > cap || n > r.remaining())
    throw ResultsError(std::string("竞赛包字段 ") + field + " 长度无效", std::string("contest package field ") + field + " has a bad length");
  auto bytes = r.raw(n);
  return std::string(bytes.begin(), bytes.end());
}

// A count checked against its cap and against the bytes left (each item
// takes at least min_item bytes) before anything is allocated.
std::uint32_t get_count(ByteReader& r, std::uint32_t cap, std::size_t min_item, const char* zh, const char* en) {
  const auto n = r.u32();
  if (n > cap || std::size_t{n} * min_item > r.remaining())
    throw ResultsError(std::string("竞赛包") + zh + "数量无效", std::string("contest package ") + en + " count is invalid");
  return n;
}

void put_roster(ByteWriter& w, const std::vector<RosterEnterprise>& roster) {
  w.u32(static_cast<std::uint32_t>(roster.size()));
  for (const auto& e : roster) {
    put_text(w, e.uscc);
    put_text(w, e.name);
    w.u32(static_cast<std::uint32_t>(e.teams.size()));
    for (const auto& t : e.teams) put_text(w, t);
  }
}

std::vector<RosterEnterprise> get_roster(ByteReader& r) {
  std::vector<RosterEnterprise> roster;
  // An enterprise takes at least three u32 lengths and counts.
  const auto n = get_count(r, kMaxRosterEnterprises, 12, "参赛企业", "enterprise");
  roster.reserve(n);
  std::uint32_t all_teams = 0;
  std::set<std::string> codes, names;
  for (std::uint32_t i = 0; i < n; ++i) {
    RosterEnterprise e;
    e.uscc = get_text(r, 64, "roster.uscc");
    e.name = get_text(r, kMaxRosterName, "roster.name");
    const auto teams = get_count(r, kMaxTeamsPerEnterprise, 4, "班组", "team");
    all_teams += teams;
    if (all_teams > kMaxRosterTeams) throw ResultsError("竞赛包班组总数超出上限", "contest package has too many teams");
    e.teams.reserve(teams);
    for (std::uint32_t t = 0; t < teams; ++t) e.teams.push_back(get_text(r, kMaxRosterName, "roster.teams"));
    // The signature says who wrote it, not that it makes sense: check that too.
    if (uscc_problem(e.uscc) || !codes.insert(e.uscc).second)
      throw ResultsError("竞赛包中的统一社会信用代码无效或重复：" + e.uscc,
                         "contest package has an invalid or repeated USCC: " + e.uscc);
    if (!names.insert(e.name).second)
      throw ResultsError("竞赛包中两家企业同名：" + e.name, "contest package has two enterprises named " + e.name);
    if (e.name.empty() || e.teams.empty())
      throw ResultsError("竞赛包中的企业缺少名称或班组：" + e.uscc, "contest package enterprise without a name or teams: " + e.uscc);
    std::set<std::string> names(e.teams.begin(), e.teams.end());
    if (names.size() != e.teams.size() || names.contains(""))
      throw ResultsError("竞赛包中的班组名称为空或重复：" + e.name, "contest package has an empty or repeated team name: " + e.name);
    roster.push_back(std::move(e));
  }
  return roster;
}

}  // namespace

Bytes write_package(const ContestPackage& p, const KeyPair& organiser_key) {
  ByteWriter body;
  put_text(body, p.contest_id);
  put_text(body, p.name);
  put_text(body, p.config_json);
  body.u32(static_cast<std::uint32_t>(p.question_ids.size()));
  for (const auto& id : p.question_ids) put_text(body, id);
  body.u32(static_cast<std::uint32_t>(p.bank_subset.size()));
  body.raw(p.bank_subset);
  body.i64(p.valid_from_ms);
  body.i64(p.valid_until_ms);
  put_roster(body, p.roster);

  ByteWriter w;
  w.raw(std::span(reinterpret_cast<const std::uint8_t*>(kMagic), 8));
  w.u16(kVersion);
  w.u32(static_cast<std::uint32_t>(body.bytes().size()));
  w.raw(body.bytes());
  auto sig = sign(w.bytes(), organiser_key.secret_key);
  w.raw(sig);
  return std::move(w.bytes());
}

ContestPackage read_package(std::span<const std::uint8_t> bytes, const PublicKey& organiser_key) {
  if (bytes.size() > kMaxPackageBytes) throw ResultsError("竞赛包过大", "contest package too large");
  if (bytes.size() < kHeadBytes + 64) throw ResultsError("文件过短，不是竞赛包", "file too short to be a contest package");
  ByteReader head(bytes);
  if (!std::equal(kMagic, kMagic + 8, head.raw(8).begin())) throw ResultsError("不是竞赛包（文件标识不符）", "not a contest package (wrong magic)");
  const auto version = head.u16();
  if (version < 1 || version > kVersion)
    throw ResultsError("不支持的竞赛包版本 " + std::to_string(version) + "，请更新本程序",
                       "unsupported contest package version " + std::to_string(version) + ": update this program");
  const std::size_t body_len = head.u32();
  if (bytes.size() != kHeadBytes + body_len + 64)
    throw ResultsError("竞赛包长度不符（被截断或附加了数据）", "contest package length mismatch (truncated or appended)");
  Signature sig{};
  std::copy_n(bytes.end() - 64, 64, sig.begin());
  if (!verify_signature(bytes.first(bytes.size() - 64), sig, organiser_key))
    throw ResultsError("竞赛包签名无效：内容被改动或不是本组织单位签发", "invalid contest package signature: altered, or not signed by this organiser");

  ByteReader r(bytes.subspan(kHeadBytes, body_len));
  ContestPackage p;
  p.contest_id = get_text(r, 64, "contest_id");
  p.name = get_text(r, 4096, "name");
  p.config_json = get_text(r, kMaxText, "config_json");
  const auto n = get_count(r, kMaxQuestions, 4, "题目", "question");
  p.question_ids.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) p.question_ids.push_back(get_text(r, 1024, "question_ids"));
  auto subset = r.u32();
  if (subset > r.remaining()) throw ResultsError("竞赛包题库长度无效", "contest package bank length is invalid");
  auto sb = r.raw(subset);
  p.bank_subset.assign(sb.begin(), sb.end());
  p.valid_from_ms = r.i64();
  p.valid_until_ms = r.i64();
  if (version >= 2) p.roster = get_roster(r);
  if (r.remaining() != 0) throw ResultsError("竞赛包末尾有多余数据", "stray bytes at the end of the contest package");
  if (p.contest_id.empty()) throw ResultsError("竞赛包缺少竞赛编号", "contest package has no contest id");
  if (p.valid_until_ms < p.valid_from_ms) throw ResultsError("竞赛包有效期无效", "contest package validity window is empty");
  return p;
}

ContestPackage read_package_file(const std::string& path, const PublicKey& organiser_key) {
  try {
    return read_package(read_file(path, kMaxPackageBytes), organiser_key);
  } catch (const ResultsError& e) {
    if (e.text().en.starts_with(path)) throw;
    throw ResultsError(path + ": " + e.text().zh, path + ": " + e.text().en);
  }
}

void check_package_window(const ContestPackage& p, std::int64_t now_ms) {
  if (now_ms < p.valid_from_ms) throw ResultsError("竞赛尚未开始", "the contest has not started yet");
  if (now_ms > p.valid_until_ms) throw ResultsError("竞赛已结束", "the contest has ended");
}

namespace {

// Header text (normalised) -> field of the roster table.
std::optional<std::string> roster_field(const std::string& header) {
  static const std::map<std::string, std::string> names = {
      {"统一社会信用代码", "uscc"}, {"uscc", "uscc"}, {"企业名称", "name"}, {"单位名称", "name"},
      {"name", "name"},             {"班组", "team"}, {"班组名称", "team"}, {"team", "team"}};
  auto it = names.find(normalize_text(header));
  if (it == names.end()) return std::nullopt;
  return it->second;
}

// Spaces around a name are dropped; inside it they are kept.
std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

Roster read_roster(const std::vector<Row>& rows) {
  Roster out;
  if (rows.empty()) {
    out.problems.push_back({1, 0, "", {"文件是空的", "the file is empty"}});
    return out;
  }
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < rows[0].size(); ++i)
    if (auto f = roster_field(rows[0][i].text)) column[*f] = i;
  const int header_line = rows[0].empty() ? 1 : rows[0][0].line;
  for (const auto& [field, label] : std::vector<std::pair<std::string, Text>>{
           {"uscc", {"统一社会信用代码", "uscc"}}, {"name", {"企业名称", "name"}}, {"team", {"班组", "team"}}})
    if (!column.contains(field))
      out.problems.push_back({header_line, 0, field, {"表头缺少“" + label.zh + "”列", "the header has no '" + label.en + "' column"}});
  if (!out.problems.empty()) return out;

  std::map<std::string, std::size_t> by_code;  // USCC -> index in out.enterprises
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const int line = row.empty() ? 0 : row[0].line;
    auto cell = [&](const std::string& field) -> std::pair<std::string, int> {
      const auto i = column[field];
      if (i < row.size()) return {trimmed(row[i].text), row[i].column};
      return {"", static_cast<int>(i) + 1};
    };
    auto problem = [&](const std::string& field, int col, Text message) {
      out.problems.push_back({line, col, field, std::move(message)});
    };
    const auto [raw_code, code_col] = cell("uscc");
    const auto [name, name_col] = cell("name");
    const auto [team, team_col] = cell("team");
    const std::string code = normalize_uscc(raw_code);
    const std::size_t before = out.problems.size();
    if (auto why = uscc_problem(code)) problem("uscc", code_col, *why);
    if (name.empty()) problem("name", name_col, {"企业名称为空", "the name is empty"});
    if (name.size() > kMaxRosterName) problem("name", name_col, {"企业名称过长", "the name is too long"});
    if (team.empty()) problem("team", team_col, {"班组为空", "the team is empty"});
    if (team.size() > kMaxRosterName) problem("team", team_col, {"班组名称过长", "the team name is too long"});
    if (out.problems.size() != before) continue;
    auto [it, added] = by_code.try_emplace(code, out.enterprises.size());
    if (added) {
      // The kiosk lists enterprises by name: two codes may not share one.
      const auto same = std::find_if(out.enterprises.begin(), out.enterprises.end(),
                                     [&n = name](const RosterEnterprise& e) { return e.name == n; });
      if (same != out.enterprises.end()) {
        by_code.erase(it);
        problem("name", name_col, {"企业名称“" + name + "”已用于统一社会信用代码 " + same->uscc,
                                   "the name '" + name + "' already belongs to USCC " + same->uscc});
        continue;
      }
      out.enterprises.push_back({code, name, {}});
      out.first_seen.emplace_back(line, code_col);
    }
    RosterEnterprise& e = out.enterprises[it->second];
    if (e.name != name) {
      problem("name", name_col, {"同一统一社会信用代码的企业名称不一致：“" + e.name + "”与“" + name + "”",
                                 "the same USCC has two names: '" + e.name + "' and '" + name + "'"});
      continue;
    }
    if (std::find(e.teams.begin(), e.teams.end(), team) != e.teams.end()) {
      problem("team", team_col, {"班组“" + team + "”重复", "team '" + team + "' appears twice"});
      continue;
    }
    if (e.teams.size() >= kMaxTeamsPerEnterprise) {
      problem("team", team_col, {"一个企业的班组过多", "too many teams for one enterprise"});
      continue;
    }
    e.teams.push_back(team);
  }
  if (out.problems.empty() && out.enterprises.empty())
    out.problems.push_back({header_line, 0, "", {"名单中没有企业", "the roster lists no enterprise"}});
  std::size_t teams = 0;
  for (const auto& e : out.enterprises) teams += e.teams.size();
  if (out.enterprises.size() > kMaxRosterEnterprises || teams > kMaxRosterTeams)
    out.problems.push_back({header_line, 0, "", {"参赛企业或班组过多", "too many enterprises or teams"}});
  return out;
}

}  // namespace ankang::results
