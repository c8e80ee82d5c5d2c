// ankang contest check | run | replay
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "organiser/contest_package.h"
#include "engine/simulate.h"
#include "engine/standings.h"
#include "engine/transcript.h"
#include "engine_io/config_json.h"
#include "engine_io/log_io.h"
#include "question_bank/bank.h"
#include "question_bank/draw.h"
#include "storage/error.h"

namespace ankang::cli {

namespace {

using nlohmann::ordered_json;

// A failure already described in both languages.
struct Failure {
  Text text;
};

void fail(std::string zh, std::string en) { throw Failure{{std::move(zh), std::move(en)}}; }

std::function<void()> guarded(std::function<void()> body) {
  return [body = std::move(body)] {
    try {
      body();
    } catch (const Failure& f) {
      std::fprintf(stderr, "%s", localized(f.text).c_str());
      if (!f.text.en.ends_with('\n')) std::fputc('\n', stderr);
      throw CLI::RuntimeError(1);
    } catch (const io::LogError& e) {
      std::fprintf(stderr, "%s: %s\n", locale_is_chinese() ? "错误" : "error", localized(e.text).c_str());
      throw CLI::RuntimeError(1);
    } catch (const bank::BankError& e) {
      std::fprintf(stderr, "%s: %s\n", locale_is_chinese() ? "错误" : "error", localized(e.text()).c_str());
      throw CLI::RuntimeError(1);
    } catch (const storage::StorageError& e) {
      std::fprintf(stderr, "%s: %s\n", locale_is_chinese() ? "错误" : "error", localized(e.text()).c_str());
      throw CLI::RuntimeError(1);
    }
  };
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path + ": 无法打开文件", path + ": cannot open the file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ContestConfig load_config(const std::string& path) {
  auto loaded = io::parse_config(read_file(path));
  if (!loaded.ok())
    fail(io::describe_problems(path, loaded.problems, true), io::describe_problems(path, loaded.problems, false));
  return loaded.config;
}

// [SECTION] drawing the paper

std::vector<Question> draw_paper(const std::string& bank_path, const ContestConfig& c, int teams, std::uint64_t seed) {
  auto b = bank::Bank::open(bank_path);
  int count = questions_needed(c, teams);  // a team contest's paper comes round by round from the blueprint
  if (c.format == ContestFormat::practice && count < 20) count = c.question_count > 0 ? c.question_count : 20;
  const bank::Blueprint bp = organiser::contest_blueprint(c, count, teams);
  bank::DrawOptions opt;
  opt.seed = seed;
  const auto papers = bank::draw_papers(b, bp, opt);
  std::vector<Question> paper;
  for (const auto& id : papers.front()) {
    auto q = b.get(id);
    if (!q) fail("题库中找不到题目 " + id, "question " + id + " is not in the bank");
    paper.push_back(std::move(*q));
  }
  return paper;
}

// [SECTION] standings output

ordered_json standing_json(const Standing& s) {
  ordered_json j;
  j["rank"] = s.rank;
  j["name"] = s.name;
  j["points"] = s.points;
  j["correct"] = s.correct;
  j["time_ms"] = s.time_ms;
  j["sudden_death"] = s.sudden_death;
  j["fouls"] = s.fouls;
  j["passed"] = s.passed;
  if (!s.members.empty()) j["members"] = s.members;
  return j;
}

void print_standings(const State& s, std::size_t intents, bool as_json) {
  const auto& cfg = s.setup->config;
  const auto teams = standings(s);
  if (as_json) {
    ordered_json j;
    j["contest"] = cfg.id;
    j["name"] = cfg.name;
    j["format"] = format_code(cfg.format);
    j["seed"] = s.setup->seed;
    j["questions"] = s.setup->paper.size();
    j["intents"] = intents;
    j["finished"] = finished(s);
    j["standings"] = ordered_json::array();
    for (const auto& t : teams) j["standings"].push_back(standing_json(t));
    if (cfg.format == ContestFormat::distributed) {
      j["players"] = ordered_json::array();
      for (const auto& p : player_standings(s)) j["players"].push_back(standing_json(p));
    }
    std::printf("%s\n", j.dump(2).c_str());
    return;
  }
  std::printf("%s — %s\n", cfg.name.c_str(), localized({"最终排名", "final standings"}).c_str());
  for (const auto& t : teams)
    std::printf("%3d  %-16s %6lld %s  %4d %s\n", t.rank, t.name.c_str(), static_cast<long long>(t.points),
                localized({"分", "pts"}).c_str(), t.correct, localized({"题答对", "right"}).c_str());
}

// [SECTION] check

void add_check(CLI::App& parent) {
  auto path = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand("check", "Validate a contest config (检查竞赛配置)");
  cmd->add_option("CONFIG", *path, "Contest config (JSON)")->required();
  cmd->callback(guarded([path] {
    const ContestConfig c = load_config(*path);
    std::printf("%s\n", localized({*path + ": 配置有效（" + c.name + "，" + std::string(format_code(c.format)) + "）",
                                   *path + ": valid (" + c.name + ", " + std::string(format_code(c.format)) + ")"})
                            .c_str());
  }));
}

// [SECTION] run

void add_run(CLI::App& parent) {
  struct Options {
    std::string config, bank, log;
    std::uint64_t seed = 1;
    int bots = 4;
    double accuracy = 0.7;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand("run", "Play a whole contest with simulated teams or players (模拟竞赛)");
  cmd->add_option("--config", opt->config, "Contest config (JSON)")->required();
  cmd->add_option("--bank", opt->bank, "Question bank (SQLite)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--seed", opt->seed, "Seed for the paper, the draws and the bots");
  cmd->add_option("--bots", opt->bots, "Simulated teams (team, distributed) or players")->check(CLI::Range(1, kMaxPlayers));
  cmd->add_option("--accuracy", opt->accuracy, "Share of questions a bot answers right, 0..1")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--log", opt->log, "Write the contest log (JSON Lines) here");
  cmd->add_flag("--json", opt->json, "Print the final standings as JSON");
  cmd->callback(guarded([opt] {
    auto setup = std::make_shared<Setup>();
    setup->config = load_config(opt->config);
    setup->seed = opt->seed;
    const auto& c = setup->config;
    const int players = c.format == ContestFormat::distributed ? opt->bots * c.members_per_team : opt->bots;
    for (int i = 0; i < players; ++i)
      setup->names.push_back(c.format == ContestFormat::team
                                 ? "第" + std::to_string(i + 1) + "队"
                                 : "选手" + std::to_string(i + 1));
    if (c.format == ContestFormat::distributed)
      for (int t = 0; t < opt->bots; ++t) setup->team_names.push_back("第" + std::to_string(t + 1) + "队");
    setup->paper = draw_paper(opt->bank, c, opt->bots, opt->seed);
    if (auto problems = validate(*setup); !problems.empty())
      fail(io::describe_problems(opt->config, problems, true), io::describe_problems(opt->config, problems, false));

    SimOptions sim;
    sim.seed = opt->seed ^ 0x5EED'B075'0000'0001ULL;  // the bots' luck, apart from the contest's draws
    sim.accuracy = static_cast<int>(opt->accuracy * 1000 + 0.5);
    const Simulation result = simulate(setup, sim);

    if (!opt->log.empty()) {
      std::ofstream out(opt->log, std::ios::binary | std::ios::trunc);
      if (!out) fail(opt->log + ": 无法写入", opt->log + ": cannot write");
      out << io::log_header_line(*setup);
      for (const auto& t : result.log) out << io::log_intent_line(t);
      out.flush();
      if (!out) fail(opt->log + ": 写入失败", opt->log + ": write failed");
    }
    print_standings(result.state, result.log.size(), opt->json);
  }));
}

// [SECTION] replay

void add_replay(CLI::App& parent) {
  struct Options {
    std::string log;
    bool json = false;
    bool events = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand("replay", "Replay a contest log and print its standings (回放竞赛日志)");
  cmd->add_option("LOG", opt->log, "Contest log (JSON Lines)")->required();
  cmd->add_flag("--json", opt->json, "Print the final standings as JSON");
  cmd->add_flag("--events", opt->events, "Print every event first, one per line (the audit trail)");
  cmd->callback(guarded([opt] {
    const auto log = io::read_log(opt->log, read_file(opt->log));
    std::vector<Event> events;
    const State s = replay(std::make_shared<Setup>(log.setup), log.intents, opt->events ? &events : nullptr);
    if (opt->events) std::printf("%s", render_events(events).c_str());
    print_standings(s, log.intents.size(), opt->json);
  }));
}

}  // namespace

void add_contest_commands(CLI::App& app) {
  auto* contest = app.add_subcommand("contest", "Contests: check a config, rehearse with bots, replay a log (竞赛)");
  contest->require_subcommand(1);
  add_check(*contest);
  add_run(*contest);
  add_replay(*contest);
}

}  // namespace ankang::cli
