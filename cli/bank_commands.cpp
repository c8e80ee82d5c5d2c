// ankang bank init | stats | search | draw
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "question_bank/bank.h"
#include "question_bank/draw.h"
#include "question_bank/starter_bank.h"
#include "storage/error.h"

namespace ankang::cli {

namespace {

using bank::Bank;
using bank::BankError;
using nlohmann::json;

// Runs a command body; a bank error is printed in the user's language and
// becomes a non-zero exit.
std::function<void()> guarded(std::function<void()> body) {
  return [body = std::move(body)] {
    try {
      body();
    } catch (const BankError& e) {
      std::fprintf(stderr, "%s: %s\n", locale_is_chinese() ? "错误" : "error", localized(e.text()).c_str());
      throw CLI::RuntimeError(1);
    } catch (const storage::StorageError& e) {
      std::fprintf(stderr, "%s: %s\n", locale_is_chinese() ? "错误" : "error", localized(e.text()).c_str());
      throw CLI::RuntimeError(1);
    }
  };
}

void print_line(const Text& text) { std::printf("%s\n", localized(text).c_str()); }

// [SECTION] init

void add_init(CLI::App& parent) {
  struct Options {
    std::string db;
    bool force = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand("init", "Create a question bank loaded with the built-in starter bank (创建题库并载入初始题库)");
  cmd->add_option("--db", opt->db, "Bank file (SQLite)")->required();
  cmd->add_flag("--force", opt->force, "Load the starter bank even into a bank that already has questions (duplicates are skipped)");
  cmd->callback(guarded([opt] {
    auto bank = Bank::open(opt->db);
    if (int n = bank.count(true); n > 0 && !opt->force)
      throw BankError(Text{"题库 " + opt->db + " 已有 " + std::to_string(n) + " 道题；如仍要载入初始题库，请加 --force",
                           "question bank " + opt->db + " already holds " + std::to_string(n) +
                               " questions; add --force to load the starter bank anyway"});
    auto outcome = bank::load_starter_bank(bank);
    print_line({"已载入初始题库：新增 " + std::to_string(outcome.inserted) + " 道题，跳过重复 " +
                    std::to_string(outcome.duplicates) + " 道 → " + opt->db,
                "loaded the starter bank: " + std::to_string(outcome.inserted) + " questions added, " +
                    std::to_string(outcome.duplicates) + " duplicates skipped -> " + opt->db});
  }));
}

// [SECTION] stats

// Terminal columns of a UTF-8 text: CJK characters take two.
std::size_t display_width(const std::string& s) {
  std::size_t width = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) width += c >= 0xE1 ? 2 : 1;
  return width;
}

void print_counts(const Text& title, const std::map<std::string, int>& counts) {
  print_line(title);
  for (const auto& [name, n] : counts) {
    std::size_t width = display_width(name);
    std::printf("  %s%s %8d\n", name.c_str(), std::string(width < 28 ? 28 - width : 0, ' ').c_str(), n);
  }
}

void add_stats(CLI::App& parent) {
  struct Options {
    std::string db;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand("stats", "Count the active questions by type, top-level category and difficulty (题库统计)");
  cmd->add_option("--db", opt->db, "Bank file (SQLite)")->required()->check(CLI::ExistingFile);
  cmd->add_flag("--json", opt->json, "Print {\"total\", \"by_type\", \"by_category\", \"by_difficulty\"} as JSON");
  cmd->callback(guarded([opt] {
    auto stats = Bank::open(opt->db).stats();
    std::map<std::string, int> by_difficulty;
    for (const auto& [d, n] : stats.by_difficulty) by_difficulty[std::to_string(d)] = n;
    if (opt->json) {
      json out{{"total", stats.total}, {"by_type", stats.by_type}, {"by_category", stats.by_category},
               {"by_difficulty", by_difficulty}};
      std::printf("%s\n", out.dump(2).c_str());
      return;
    }
    std::map<std::string, int> by_type;
    for (const auto& [code, n] : stats.by_type) {
      auto type = type_from_code(code);
      by_type[type ? (std::string(type_name_zh(*type)) + " " + code) : code] = n;
    }
    print_line({"题目总数（在用）：" + std::to_string(stats.total), "active questions: " + std::to_string(stats.total)});
    print_counts({"按题型：", "by type:"}, by_type);
    print_counts({"按分类：", "by category:"}, stats.by_category);
    print_counts({"按难度：", "by difficulty:"}, by_difficulty);
  }));
}

// [SECTION] search

void add_search(CLI::App& parent) {
  struct Options {
    std::string db;
    std::string text;
    int limit = 20;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand("search", "Full-text search over stem, options and explanation (搜索题目)");
  cmd->add_option("--db", opt->db, "Bank file (SQLite)")->required()->check(CLI::ExistingFile);
  cmd->add_option("TEXT", opt->text, "Words to find; every word must match (1-2 character words are scanned, slower)")
      ->required();
  cmd->add_option("--limit", opt->limit, "At most this many results")->check(CLI::Range(1, 100000));
  cmd->add_flag("--json", opt->json, "Print [{\"id\", \"type\", \"category\", \"stem\"}, ...] as JSON, best match first");
  cmd->callback(guarded([opt] {
    auto bank = Bank::open(opt->db);
    json out = json::array();
    for (const auto& id : bank.search(opt->text, opt->limit)) {
      auto q = bank.get(id);
      if (!q) continue;
      if (opt->json)
        out.push_back({{"id", id}, {"type", type_code(q->type)}, {"category", join_category(q->category)}, {"stem", q->stem}});
      else
        std::printf("%s  [%s] %s\n", id.c_str(), std::string(type_name_zh(q->type)).c_str(), q->stem.c_str());
    }
    if (opt->json) std::printf("%s\n", out.dump(2).c_str());
  }));
}

// [SECTION] draw

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw BankError(Text{"无法读取组卷方案 " + path, "cannot read the blueprint " + path});
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void add_draw(CLI::App& parent) {
  struct Options {
    std::string db;
    std::string blueprint;
    std::uint64_t seed = 0;
    int papers = 1;
    bool least_used = false;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand("draw", "Draw papers by a blueprint and a seed; same seed, same papers (组卷)");
  cmd->add_option("--db", opt->db, "Bank file (SQLite)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--blueprint", opt->blueprint, "Blueprint JSON (docs/FORMATS.md, \"Paper blueprint\")")->required();
  cmd->add_option("--seed", opt->seed, "Random seed")->required();
  cmd->add_option("--papers", opt->papers, "Parallel papers with no shared question and equal difficulties (one per team)")
      ->check(CLI::Range(1, 1000));
  cmd->add_flag("--prefer-least-used", opt->least_used, "Take the least-used questions first and count this use");
  cmd->add_flag("--json", opt->json, "Print {\"seed\", \"papers\": [[id, ...], ...]} as JSON");
  cmd->callback(guarded([opt] {
    auto bp = bank::parse_blueprint(opt->blueprint, read_text_file(opt->blueprint));
    auto bank = Bank::open(opt->db);
    auto papers = bank::draw_papers(bank, bp, {opt->seed, opt->papers, opt->least_used});
    if (opt->json) {
      std::printf("%s\n", json{{"seed", opt->seed}, {"papers", papers}}.dump(2).c_str());
      return;
    }
    for (std::size_t p = 0; p < papers.size(); ++p) {
      if (papers.size() > 1)
        print_line({"试卷 " + std::to_string(p + 1) + "：", "paper " + std::to_string(p + 1) + ":"});
      for (const auto& id : papers[p]) std::printf("%s\n", id.c_str());
    }
  }));
}

}  // namespace

void add_bank_commands(CLI::App& bank) {
  add_init(bank);
  add_stats(bank);
  add_search(bank);
  add_draw(bank);
}

}  // namespace ankang::cli
