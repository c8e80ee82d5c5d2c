#include "organiser/contest_package.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>

#include "embed/embedded_file.h"
#include "engine_io/config_json.h"
#include "organiser/table_file.h"
#include "question_bank/draw.h"
#include "question_bank/formats/format.h"
#include "results/codec.h"
#include "results/error.h"
#include "results/store.h"

namespace ankang_organiser_contests { std::span<const ankang::EmbeddedFile> files(); }

namespace ankang::organiser {

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kChinaOffsetMs = 8 * 3600 * 1000;
constexpr std::int64_t kDayMs = 24 * 3600 * 1000;

std::string seconds_text(Millis ms) {
  if (ms % 1000 == 0) return std::to_string(ms / 1000);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(ms) / 1000.0);
  return buf;
}

// Line and column (characters, from 1) of a byte offset of the text.
std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

// Where a field's key is written: "rounds[2].stakes" is the third "stakes"
// key after the "rounds" key (close enough for a person reading the file);
// {0, 0} when the key is not in the text (a missing field).
std::pair<int, int> locate_field(std::string_view text, const std::string& field) {
  if (field.empty()) return {0, 0};
  std::size_t from = 0;
  std::string rest = field;
  while (!rest.empty()) {
    const auto dot = rest.find('.');
    std::string part = rest.substr(0, dot);
    rest = dot == std::string::npos ? "" : rest.substr(dot + 1);
    int index = -1;
    if (const auto br = part.find('['); br != std::string::npos) {
      index = std::atoi(part.c_str() + br + 1);
      part = part.substr(0, br);
    }
    const auto at = text.find("\"" + part + "\"", from);
    if (at == std::string_view::npos) return {0, 0};
    from = at + part.size() + 2;
    // Element `index` of the array: the index-th '{' (or value) after the key.
    if (index >= 0) {
      int seen = -1, depth = 0;
      for (std::size_t i = from; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '[' || c == '{') {
          if (depth == 1 && ++seen == index) {
            from = i;
            break;
          }
          ++depth;
        } else if (c == ']' || c == '}') {
          if (--depth <= 0) break;
        }
      }
      if (seen != index) return line_column(text, at);
      if (rest.empty()) return line_column(text, from);
    } else if (rest.empty()) {
      return line_column(text, at);
    }
  }
  return line_column(text, from);
}

// "第 3 行第 5 列" / "line 3, column 5" at the start of a syntax message.
std::pair<int, int> syntax_place(const Text& message) {
  int line = 0, column = 0;
  if (std::sscanf(message.en.c_str(), "line %d, column %d", &line, &column) == 2) return {line, column};
  return {0, 0};
}

Text error_text(const std::exception& e) {
  if (const auto* r = dynamic_cast<const results::ResultsError*>(&e)) return r->text();
  if (const auto* b = dynamic_cast<const bank::BankError*>(&e)) return b->text();
  return {e.what(), e.what()};
}

std::string round_name(const RoundConfig& r) {
  return r.name.empty() ? std::string(round_name_zh(r.kind)) : r.name;
}

std::string time_zh(Millis ms) { return ms > 0 ? "每题 " + seconds_text(ms) + " 秒" : "不限时"; }
std::string time_en(Millis ms) { return ms > 0 ? seconds_text(ms) + " s per question" : "untimed"; }

Text points_text(const scoring::PointRules& r) {
  Text t{"答对 " + std::to_string(r.points) + " 分", std::to_string(r.points) + " points for a right answer"};
  if (r.wrong_penalty > 0) {
    t.zh += "，答错扣 " + std::to_string(r.wrong_penalty) + " 分";
    t.en += ", " + std::to_string(r.wrong_penalty) + " off for a wrong one";
  }
  if (r.partial == scoring::PartialCredit::half_if_subset) {
    t.zh += "，少选得一半";
    t.en += ", half for a correct subset";
  } else if (r.partial == scoring::PartialCredit::proportional) {
    t.zh += "，按选对比例得分";
    t.en += ", in proportion to the right parts";
  }
  if (r.time_bonus != scoring::TimeBonus::none) {
    t.zh += "，答得快有加分";
    t.en += ", with a speed bonus";
  }
  return t;
}

bool in_category(const Question& q, const std::vector<std::string>& path) {
  return q.category.size() >= path.size() && std::equal(path.begin(), path.end(), q.category.begin());
}

}  // namespace

std::string Problem::field_text(bool chinese) const {
  const auto& named = chinese ? label.zh : label.en;
  return named.empty() ? field : named;
}

std::string describe(const Problem& p, bool chinese) {
  const auto& message = chinese ? p.message.zh : p.message.en;
  std::string out = p.line > 0 || !message.starts_with(p.file) ? p.file : "";
  if (p.line > 0) {
    out += ":" + std::to_string(p.line);
    if (p.column > 0) out += ":" + std::to_string(p.column);
  }
  if (!out.empty()) out += ": ";
  if (!p.field.empty()) out += p.field_text(chinese) + ": ";
  return out + message;
}

// [SECTION] the contest rules

std::vector<BuiltinContest> builtin_contests() {
  std::vector<BuiltinContest> out;
  for (const auto& f : ankang_organiser_contests::files()) out.push_back({f.path, f.text()});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return out;
}

ContestRules parse_contest_rules(const std::string& file, std::string_view json) {
  ContestRules out;
  out.file = file;
  out.json = std::string(json);
  auto loaded = io::parse_config(json);
  out.config = loaded.config;
  for (auto& p : loaded.problems) {
    auto [line, column] = p.field.empty() ? syntax_place(p.message) : locate_field(json, p.field);
    out.problems.push_back({file, line, column, p.field, std::move(p.message)});
  }
  if (loaded.ok() && (out.config.id.empty() || out.config.id.size() > 64)) {
    auto [line, column] = locate_field(json, "id");
    out.problems.push_back({file, line, column, "id", {"竞赛编号应为 1 到 64 个字节", "the contest id must be 1 to 64 bytes"}});
  }
  return out;
}

std::vector<Problem> kiosk_rule_problems(const ContestRules& rules) {
  std::vector<Problem> out;
  auto refuse = [&](const std::string& field, const std::string& zh, const std::string& en) {
    auto [line, column] = locate_field(rules.json, field);
    out.push_back({rules.file, line, column, field,
                   {"答题终端的主持模式还不支持" + zh + "，不能做成竞赛包（ankang contest run 可以模拟这样的竞赛）",
                    "the kiosks' host mode does not run " + en + " yet, so no package can carry it (ankang contest run plays it)"}});
  };
  const auto& c = rules.config;
  for (std::size_t i = 0; i < c.rounds.size(); ++i) {
    const auto& r = c.rounds[i];
    const std::string at = "rounds[" + std::to_string(i) + "].";
    if (r.kind == RoundKind::audience) refuse(at + "kind", "互动题轮次", "audience (互动) rounds");
    if (r.designate) refuse(at + "designate", "风险题指定他队作答", "a 风险题 designating another team");
    if (!r.stake_difficulty.empty()) refuse(at + "stake_difficulty", "按分值对应难度出题", "stakes tied to difficulty");
    if (!r.categories.empty()) refuse(at + "categories", "按轮次指定题目类别", "per-round categories");
    if (!r.types.empty()) refuse(at + "types", "按轮次指定题型", "per-round question types");
    if (!r.difficulty.empty()) refuse(at + "difficulty", "按轮次指定难度", "per-round difficulties");
  }
  if (c.lifelines > 0) refuse("lifelines", "求助（亲友团）", "lifelines");
  return out;
}

ContestRules read_contest_rules(const std::string& path) {
  std::string text;
  try {
    const auto bytes = results::read_file(path, 16u << 20);
    text.assign(bytes.begin(), bytes.end());
  } catch (const std::exception& e) {
    ContestRules out;
    out.file = path;
    out.problems.push_back({path, 0, 0, "", error_text(e)});
    return out;
  }
  return parse_contest_rules(path, text);
}

namespace {

std::string joined(const std::vector<int>& values, const char* sep) {
  std::string out;
  for (int v : values) out += (out.empty() ? "" : sep) + std::to_string(v);
  return out;
}

// "，题目：消防安全；单选题、判断题；难度 1、2" for a round with its own source.
Text source_text(const RoundConfig& r) {
  Text out;
  if (r.categories.empty() && r.types.empty() && r.difficulty.empty()) return out;
  std::vector<std::string> zh, en;
  if (!r.categories.empty()) {
    std::string cats;
    for (const auto& c : r.categories) cats += (cats.empty() ? "" : "、") + c;
    zh.push_back(cats);
    en.push_back(cats);
  }
  if (!r.types.empty()) {
    std::string tz, te;
    for (QuestionType t : r.types) {
      tz += (tz.empty() ? "" : "、") + std::string(type_name_zh(t));
      te += (te.empty() ? "" : ", ") + std::string(type_code(t));
    }
    zh.push_back(tz);
    en.push_back(te);
  }
  if (!r.difficulty.empty()) {
    zh.push_back("难度 " + joined(r.difficulty, "、"));
    en.push_back("difficulty " + joined(r.difficulty, ", "));
  }
  out.zh = "，题目：";
  out.en = ", questions: ";
  for (std::size_t i = 0; i < zh.size(); ++i) {
    out.zh += (i ? "；" : "") + zh[i];
    out.en += (i ? "; " : "") + en[i];
  }
  return out;
}

}  // namespace

std::vector<Text> summarize_rules(const ContestConfig& c) {
  std::vector<Text> out;
  switch (c.format) {
    case ContestFormat::practice: {
      out.push_back({"自学练习：答题后即时反馈，错题会再次出现", "Self-study practice: feedback after each answer; missed questions come back"});
      std::string cats_zh = "全部分类", cats_en = "every category";
      if (!c.categories.empty()) {
        cats_zh.clear();
        for (const auto& cat : c.categories) cats_zh += (cats_zh.empty() ? "" : "、") + cat;
        cats_en = cats_zh;
      }
      out.push_back({"题目范围：" + cats_zh, "Questions from: " + cats_en});
      if (c.question_count > 0)
        out.push_back({"每次练习 " + std::to_string(c.question_count) + " 题",
                       std::to_string(c.question_count) + " answers per session"});
      break;
    }
    case ContestFormat::timed_test:
    case ContestFormat::distributed: {
      if (c.format == ContestFormat::timed_test)
        out.push_back({"个人限时测试：每人一张试卷", "Individual timed test: one paper per person"});
      else
        out.push_back({"分散式班组赛：每个班组 " + std::to_string(c.members_per_team) + " 人在各自的终端上答同一张试卷",
                       "Distributed team contest: " + std::to_string(c.members_per_team) +
                           " members per team answer the same paper on their own kiosks"});
      std::string zh = "试卷 " + std::to_string(c.question_count) + " 题，" + time_zh(c.question_ms);
      std::string en = std::to_string(c.question_count) + " questions, " + time_en(c.question_ms);
      if (c.paper_ms > 0) {
        zh += "，全卷限时 " + seconds_text(c.paper_ms / 60) + " 分钟";
        en += ", " + seconds_text(c.paper_ms / 60) + " minutes for the paper";
      }
      out.push_back({zh, en});
      if (c.pass_mark > 0)
        out.push_back({"及格线 " + std::to_string(c.pass_mark) + " 分", "Pass mark " + std::to_string(c.pass_mark) + " points"});
      if (c.format == ContestFormat::distributed) {
        const std::string how_zh = c.combine == scoring::Combine::sum    ? "班组成绩为成员总分"
                                   : c.combine == scoring::Combine::mean ? "班组成绩为成员平均分"
                                                                         : "班组成绩为最好的 " + std::to_string(c.best_n) + " 人之和";
        const std::string how_en = c.combine == scoring::Combine::sum    ? "a team scores its members' total"
                                   : c.combine == scoring::Combine::mean ? "a team scores its members' mean"
                                                                         : "a team scores its best " + std::to_string(c.best_n) + " members";
        out.push_back({how_zh, how_en});
      }
      break;
    }
    case ContestFormat::team: {
      out.push_back({"班组赛：" + std::to_string(c.min_teams) + " 至 " + std::to_string(c.max_teams) + " 个班组，每组 " +
                         std::to_string(c.members_per_team) + " 人，" + std::to_string(c.rounds.size()) + " 轮",
                     "Team contest: " + std::to_string(c.min_teams) + " to " + std::to_string(c.max_teams) + " teams of " +
                         std::to_string(c.members_per_team) + ", " + std::to_string(c.rounds.size()) + " rounds"});
      if (c.start_points > 0)
        out.push_back({"每组起始分 " + std::to_string(c.start_points) + " 分", "Every team starts with " + std::to_string(c.start_points) + " points"});
      if (c.lifelines > 0)
        out.push_back({"每组可求助 " + std::to_string(c.lifelines) + " 次" +
                           (c.lifeline_ms > 0 ? "，每次加时 " + seconds_text(c.lifeline_ms) + " 秒" : ""),
                       std::to_string(c.lifelines) + " lifeline(s) per team" +
                           (c.lifeline_ms > 0 ? ", each adding " + seconds_text(c.lifeline_ms) + " s" : "")});
      int n = 0;
      for (const auto& r : c.rounds) {
        ++n;
        std::string zh = "第 " + std::to_string(n) + " 轮 " + round_name(r) + "：";
        std::string en = "Round " + std::to_string(n) + " " + std::string(round_code(r.kind)) + ": ";
        switch (r.kind) {
          case RoundKind::compulsory:
          case RoundKind::risk:
            zh += "每组 " + std::to_string(r.questions) + " 题，" + time_zh(r.answer_ms);
            en += std::to_string(r.questions) + " per team, " + time_en(r.answer_ms);
            break;
          case RoundKind::buzzer:
            zh += "共 " + std::to_string(r.questions) + " 题，" + time_zh(r.answer_ms);
            en += std::to_string(r.questions) + " in all, " + time_en(r.answer_ms);
            break;
          case RoundKind::speed:
            zh += "每组 " + seconds_text(r.duration_ms) + " 秒内最多 " + std::to_string(r.questions) + " 题";
            en += "up to " + std::to_string(r.questions) + " per team in " + seconds_text(r.duration_ms) + " s";
            break;
          case RoundKind::tiebreak:
            zh += "平局时最多加赛 " + std::to_string(r.questions) + " 题";
            en += "at most " + std::to_string(r.questions) + " questions to break a tie";
            break;
          case RoundKind::audience:
            zh += "观众答题 " + std::to_string(r.questions) + " 题，不计分";
            en += std::to_string(r.questions) + " for the audience, not scored";
            break;
        }
        if (r.kind == RoundKind::risk && !r.stakes.empty()) {
          std::string stakes;
          for (int s : r.stakes) stakes += (stakes.empty() ? "" : "/") + std::to_string(s);
          zh += "，分值 " + stakes + " 分自选";
          en += ", stakes " + stakes;
          if (!r.stake_difficulty.empty()) {
            std::string levels_zh, levels_en;
            for (const auto& levels : r.stake_difficulty) {
              levels_zh += (levels_zh.empty() ? "" : "/") + joined(levels, "、");
              levels_en += (levels_en.empty() ? "" : " / ") + joined(levels, ",");
            }
            zh += "（对应难度 " + levels_zh + "）";
            en += " (difficulty " + levels_en + ")";
          }
          if (r.designate) {
            zh += "，可指定其他组作答";
            en += ", may designate another team";
          }
        } else if (r.kind != RoundKind::tiebreak && r.kind != RoundKind::audience) {
          const Text p = points_text(r.rules);
          zh += "，" + p.zh;
          en += ", " + p.en;
        }
        const Text source = source_text(r);
        out.push_back({zh + source.zh, en + source.en});
      }
      return out;
    }
  }
  const Text p = points_text(c.rules);
  out.push_back({"计分：" + p.zh, "Points: " + p.en});
  return out;
}

// [SECTION] the question pool

QuestionPool bank_questions(const bank::Bank& bank, const std::string& name) {
  QuestionPool out;
  out.questions = bank.all(false);
  if (out.questions.empty()) out.problems.push_back({name, 0, 0, "", {"题库中没有题目", "the question bank is empty"}});
  return out;
}

QuestionPool read_question_source(const std::string& path) {
  QuestionPool out;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    out.problems.push_back({path, 0, 0, "", {"找不到文件", "no such file"}});
    return out;
  }
  const auto ext = fs::path(path).extension().string();
  if (ext == ".db" || ext == ".sqlite") {
    try {
      const auto b = bank::Bank::open(path);
      return bank_questions(b, path);
    } catch (const std::exception& e) {
      out.problems.push_back({path, 0, 0, "", error_text(e)});
      return out;
    }
  }
  results::Bytes bytes;
  try {
    bytes = results::read_file(path, 256u << 20);
  } catch (const std::exception& e) {
    out.problems.push_back({path, 0, 0, "", error_text(e)});
    return out;
  }
  const auto format = bank::detect_format(path, bytes);
  if (!format) {
    out.problems.push_back({path, 0, 0, "", {"无法识别的题库格式", "not a question file format Ankang reads"}});
    return out;
  }
  auto parsed = bank::parse_questions(path, bytes, *format);
  auto add = [&](const bank::Diagnostic& d) {
    out.problems.push_back({d.file.empty() ? path : d.file, d.pos.line, d.pos.column, "", d.message});
  };
  for (const auto& d : parsed.file_errors) add(d);
  for (const auto& r : parsed.rejected)
    for (const auto& d : r.reasons) add(d);
  if (!out.problems.empty()) return out;
  if (parsed.questions.empty()) {
    out.problems.push_back({path, 0, 0, "", {"文件中没有题目", "the file holds no question"}});
    return out;
  }
  const auto name = fs::path(path).filename().string();
  for (auto& p : parsed.questions) {
    if (p.question.id.empty()) p.question.id = bank::new_uuid();
    if (p.question.source.empty()) p.question.source = name;
    out.questions.push_back(std::move(p.question));
  }
  return out;
}

int questions_required(const ContestConfig& c, int teams) {
  int count = questions_needed(c, std::max(teams, c.min_teams));
  if (c.format == ContestFormat::team && !c.rounds.empty() && c.rounds.back().kind == RoundKind::tiebreak)
    count += c.rounds.back().questions;
  if (c.format == ContestFormat::practice)
    count = std::max<int>(count, static_cast<int>(c.categories.size()));
  return count;
}

std::vector<Problem> check_pool(const ContestConfig& c, const std::vector<Question>& pool, const std::string& pool_name) {
  std::vector<Problem> out;
  if (pool.empty()) {
    out.push_back({pool_name, 0, 0, "", {"没有题目：请先在“题库”中导入题目", "no questions: import some on the Question bank page"}});
    return out;
  }
  const int needed = questions_required(c, c.min_teams);
  const int have = static_cast<int>(pool.size());
  if (have < needed) {
    std::string who_zh = c.format == ContestFormat::team ? std::to_string(c.min_teams) + " 个班组的比赛" : "一张试卷";
    std::string who_en = c.format == ContestFormat::team ? "a contest of " + std::to_string(c.min_teams) + " teams" : "one paper";
    out.push_back({pool_name, 0, 0, "",
                   {"题目不够：" + who_zh + "需要 " + std::to_string(needed) + " 题，只有 " + std::to_string(have) + " 题",
                    "too few questions: " + who_en + " needs " + std::to_string(needed) + ", there are " + std::to_string(have)}});
  }
  // Practice, and each round of a team contest: every category named has questions.
  const auto check_categories = [&](const std::vector<std::string>& categories, const std::string& at) {
    for (std::size_t i = 0; i < categories.size(); ++i) {
      const auto path = split_category(categories[i]);
      const bool any = std::any_of(pool.begin(), pool.end(), [&](const Question& q) { return in_category(q, path); });
      if (!any)
        out.push_back({pool_name, 0, 0, at + "categories[" + std::to_string(i) + "]",
                       {"分类“" + categories[i] + "”中没有题目", "the category '" + categories[i] + "' has no questions"}});
    }
  };
  if (c.format == ContestFormat::practice) check_categories(c.categories, "");
  if (c.format == ContestFormat::team)
    for (std::size_t r = 0; r < c.rounds.size(); ++r) check_categories(c.rounds[r].categories, "rounds[" + std::to_string(r) + "].");
  return out;
}

int teams_supported(const ContestConfig& c, std::size_t pool_size) {
  const auto have = static_cast<int>(std::min<std::size_t>(pool_size, 1u << 30));
  if (c.format != ContestFormat::team) return questions_required(c, c.min_teams) <= have ? c.max_teams : 0;
  int best = 0;
  for (int t = c.min_teams; t <= c.max_teams; ++t)
    if (questions_required(c, t) <= have) best = t;
  return best;
}

namespace {

// `count` questions in an equal share from every category and type listed
// (none listed: any), the first ones taking what does not divide evenly.
void add_source(bank::Blueprint& bp, const std::vector<std::string>& categories, const std::vector<QuestionType>& types,
                std::vector<int> difficulties, int count) {
  std::sort(difficulties.begin(), difficulties.end());
  std::vector<std::vector<std::string>> paths;
  for (const auto& c : categories) paths.push_back(split_category(c));
  if (paths.empty()) paths.emplace_back();
  std::vector<std::optional<QuestionType>> kinds(types.begin(), types.end());
  if (kinds.empty()) kinds.emplace_back();
  const int n = static_cast<int>(paths.size() * kinds.size());
  int i = 0;
  for (const auto& path : paths)
    for (const auto& kind : kinds) {
      bp.strata.push_back({path, kind, difficulties, count / n + (i < count % n ? 1 : 0)});
      ++i;
    }
}

}  // namespace

bank::Blueprint contest_blueprint(const ContestConfig& c, int count, int teams) {
  bank::Blueprint bp;
  if (c.format != ContestFormat::team) {
    add_source(bp, c.format == ContestFormat::practice ? c.categories : std::vector<std::string>{}, {}, {}, count);
    return bp;
  }
  for (const auto& r : c.rounds) {
    if (r.kind == RoundKind::risk && !r.stake_difficulty.empty()) {
      // One part per stake, in the stakes' order, each a question for every turn.
      for (const auto& levels : r.stake_difficulty) add_source(bp, r.categories, r.types, levels, r.questions * teams);
      continue;
    }
    add_source(bp, r.categories, r.types, r.difficulty, round_questions(r, teams));
  }
  return bp;
}

std::vector<Question> draw_preview(bank::Bank& bank, const ContestConfig& c, int teams, std::uint64_t seed) {
  int count = questions_required(c, teams);
  if (c.format == ContestFormat::practice) count = std::max(count, c.question_count > 0 ? c.question_count : 20);
  const bank::Blueprint bp = contest_blueprint(c, count, std::max(teams, c.min_teams));
  bank::DrawOptions opt;
  opt.seed = seed;
  const auto papers = bank::draw_papers(bank, bp, opt);
  std::vector<Question> paper;
  for (const auto& id : papers.front())
    if (auto q = bank.get(id)) paper.push_back(std::move(*q));
  return paper;
}

// [SECTION] the roster and the validity window

namespace {

// A roster column's name in the roster's own words.
Text roster_column_label(const std::string& field) {
  if (field == "uscc") return {"统一社会信用代码", "USCC"};
  if (field == "name") return {"企业名称", "enterprise name"};
  if (field == "team") return {"班组", "team"};
  return {};
}

}  // namespace

RosterFile read_roster_file(const std::string& path) {
  RosterFile out;
  out.path = path;
  std::vector<results::Row> rows;
  try {
    rows = read_table_file(path);
  } catch (const std::exception& e) {
    out.problems.push_back({path, 0, 0, "", error_text(e)});
    return out;
  }
  auto roster = results::read_roster(rows);
  for (auto& p : roster.problems)
    out.problems.push_back({path, p.line, p.column, p.field, std::move(p.message), roster_column_label(p.field)});
  if (out.problems.empty()) {
    out.enterprises = std::move(roster.enterprises);
    out.first_seen = std::move(roster.first_seen);
  }
  return out;
}

std::vector<Problem> check_roster_registered(const RosterFile& roster, results::OrganiserStore& store, int year) {
  std::vector<Problem> out;
  const auto registered = store.year_registrations(year);
  const auto y = std::to_string(year);
  for (std::size_t i = 0; i < roster.enterprises.size(); ++i) {
    const auto& e = roster.enterprises[i];
    if (registered.contains(e.uscc)) continue;
    const auto [line, column] = i < roster.first_seen.size() ? roster.first_seen[i] : std::pair<int, int>{0, 0};
    out.push_back({roster.path, line, column, "uscc",
                   {"“" + e.name + "”（" + e.uscc + "）尚未报名 " + y + " 年的竞赛：请先在“参赛企业”中导入它的报名，或从名单中删去",
                    "'" + e.name + "' (" + e.uscc + ") is not registered for " + y +
                        ": import its registration first, or remove it from the roster"},
                   roster_column_label("uscc")});
  }
  return out;
}

namespace {

// Unix ms of 00:00 CST of "YYYY-MM-DD", or a problem naming the label.
std::optional<std::int64_t> day_start(const std::string& text, const Text& label, const std::string& field,
                                      std::vector<Problem>& problems) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
    problems.push_back({"", 0, 0, field,
                        {label.zh + "：日期应写作 YYYY-MM-DD，而不是“" + text + "”", label.en + ": a date is YYYY-MM-DD, not '" + text + "'"}});
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok() || y < 2000 || y > 2200) {
    problems.push_back({"", 0, 0, field, {label.zh + "：没有这一天：" + text, label.en + ": no such day: " + text}});
    return std::nullopt;
  }
  const auto days = std::chrono::sys_days{ymd}.time_since_epoch().count();
  return static_cast<std::int64_t>(days) * kDayMs - kChinaOffsetMs;
}

}  // namespace

Validity read_validity(const std::string& from, const std::string& until, std::int64_t now, const Text& from_label,
                       const Text& until_label) {
  Validity v;
  const auto first = from.empty() ? std::optional<std::int64_t>((now + kChinaOffsetMs) / kDayMs * kDayMs - kChinaOffsetMs)
                                  : day_start(from, from_label, "from", v.problems);
  const auto last = until.empty() ? std::optional<std::int64_t>() : day_start(until, until_label, "until", v.problems);
  if (!v.problems.empty()) return v;
  v.from_ms = *first;
  v.until_ms = (until.empty() ? v.from_ms + 365 * kDayMs : *last + kDayMs) - 1;
  if (v.until_ms < v.from_ms)
    v.problems.push_back({"", 0, 0, "until",
                          {until_label.zh + " 早于 " + from_label.zh, until_label.en + " is before " + from_label.en}});
  return v;
}

std::string china_day(std::int64_t unix_ms) { return results::china_date(unix_ms); }

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// [SECTION] the package

results::ContestPackage make_package(const PackageInput& in) {
  if (!in.rules.ok()) throw results::ResultsError(in.rules.file + "：竞赛配置有错误", in.rules.file + ": the contest config has problems");
  if (in.questions.empty()) throw results::ResultsError("竞赛包中没有题目", "the package would hold no question");
  results::ContestPackage p;
  ContestConfig config = in.rules.config;
  const std::string id = in.contest_id.empty() ? config.id : in.contest_id;
  if (id.empty() || id.size() > 64)
    throw results::ResultsError("竞赛编号应为 1 到 64 个字节", "the contest id must be 1 to 64 bytes");
  p.contest_id = id;
  p.name = !in.name.empty() ? in.name : config.name.empty() ? id : config.name;
  if (id == config.id && (in.name.empty() || in.name == config.name)) {
    p.config_json = in.rules.json;  // the rules as written
  } else {
    config.id = id;
    if (!in.name.empty()) config.name = in.name;
    p.config_json = io::config_to_json(config).dump(2) + "\n";
  }
  for (const auto& q : in.questions) p.question_ids.push_back(q.id);
  p.bank_subset = bank::write_questions(in.questions, bank::Format::json);
  p.roster = in.roster;
  p.valid_from_ms = in.from_ms;
  p.valid_until_ms = in.until_ms;
  if (p.valid_until_ms < p.valid_from_ms) throw results::ResultsError("结束日期早于开始日期", "the last day is before the first");
  return p;
}

std::string package_file_name(const std::string& contest_id) {
  std::string name;
  for (const char c : contest_id) name += std::string_view("<>:\"/\\|?*").find(c) != std::string_view::npos ||
                                                  static_cast<unsigned char>(c) < 0x20
                                              ? '_'
                                              : c;
  return name + ".ankpkg";
}

WrittenPackage write_package_file(const results::ContestPackage& p, const results::KeyPair& key, const std::string& file) {
  const auto bytes = results::write_package(p, key);
  // Read back with the public key: a key pair that does not match is found
  // here, not on the kiosk.
  const auto back = results::read_package(bytes, key.public_key);
  results::write_file_atomic(file, bytes);
  WrittenPackage w;
  w.file = file;
  w.fingerprint = results::fingerprint(key.public_key);
  w.questions = back.question_ids.size();
  w.enterprises = back.roster.size();
  for (const auto& e : back.roster) w.teams += e.teams.size();
  w.from_ms = back.valid_from_ms;
  w.until_ms = back.valid_until_ms;
  return w;
}

WrittenPackage write_package_to_folder(const results::ContestPackage& p, const results::KeyPair& key,
                                       const std::string& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw results::ResultsError("找不到文件夹：" + folder, "no such folder: " + folder);
  const std::string name = package_file_name(p.contest_id);
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const auto other = it->path().filename().string();
    if (it->path().extension() == ".ankpkg" && other != name)
      throw results::ResultsError(
          folder + "：文件夹中已有另一个竞赛包 " + other + "，终端只加载只有一个竞赛包的文件夹：请先移走它或换一个文件夹",
          folder + ": the folder already holds another contest package, " + other +
              "; a kiosk loads a folder only when it holds one: move it away or pick another folder");
  }
  auto w = write_package_file(p, key, (fs::path(folder) / name).string());
  const std::string hex = results::to_hex(key.public_key) + "\n";
  w.key_file = (fs::path(folder) / "organiser.pub").string();
  results::write_file_atomic(w.key_file, std::span(reinterpret_cast<const std::uint8_t*>(hex.data()), hex.size()));
  return w;
}

}  // namespace ankang::organiser
