#include "results/simulate.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>

#include "results/error.h"
#include "results/uscc.h"

namespace ankang::results {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const std::vector<std::string> kCategories = {
    "全员安全生产责任制", "隐患排查治理", "职业病防治/粉尘", "职业病防治/噪声", "高温劳动保护",
    "安全生产法", "应急救援", "传染病防控", "工效学", "安全文化"};
const std::vector<std::pair<std::string, std::string>> kUnits = {
    {"district", "鼓楼区总工会"}, {"district", "台江区总工会"}, {"district", "高新区总工会"},
    {"industry", "市建设工会"},   {"industry", "市交通运输工会"}, {"federation", "市企业联合会"}};
const std::vector<std::string> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "林"};
const std::vector<std::string> kGiven = {"伟", "芳", "敏", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞", "平"};
const std::vector<std::string> kTrades = {"机械", "建筑", "化工", "物流", "电力", "纺织", "食品", "港务"};

std::string make_uscc(std::mt19937_64& rng) {
  std::string code = "91350";
  std::uniform_int_distribution<int> digit(0, 9), any(0, 30);
  code += static_cast<char>('0' + digit(rng));
  code += "00";
  while (code.size() < 17) code += kAlphabet[static_cast<std::size_t>(any(rng))];
  return code + *uscc_check_character(code);
}

Uuid make_uuid(std::mt19937_64& rng) {
  Uuid u{};
  for (std::size_t i = 0; i < 16; i += 8) {
    auto v = rng();
    for (std::size_t j = 0; j < 8; ++j) u[i + j] = static_cast<std::uint8_t>(v >> (8 * j));
  }
  u[6] = static_cast<std::uint8_t>((u[6] & 0x0f) | 0x40);
  u[8] = static_cast<std::uint8_t>((u[8] & 0x3f) | 0x80);
  return u;
}

// An answer id as a kiosk makes it (RFC 9562 version 7): the 48-bit unix
// time in ms of the answer, big-endian, then random bits. Ids of later
// answers sort later, so the organiser store adds them near the end of its
// answer index instead of at random places.
Uuid make_time_ordered_uuid(std::int64_t unix_ms, std::mt19937_64& rng) {
  Uuid u = make_uuid(rng);
  for (std::size_t i = 0; i < 6; ++i) u[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(unix_ms) >> (40 - 8 * i));
  u[6] = static_cast<std::uint8_t>((u[6] & 0x0f) | 0x70);
  return u;
}

struct SimWorker {
  Worker worker;
  double ability;
  int kiosk;
};

}  // namespace

Simulation simulate(const SimulationOptions& o) {
  std::mt19937_64 rng(o.seed);
  Simulation sim;
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_real_distribution<double> unit(0.0, 1.0);

  // Enterprises; every tenth is left off the registered list so a demo shows the flag.
  std::vector<std::string> usccs;
  std::vector<std::vector<std::string>> teams;
  for (int e = 0; e < std::max(1, o.enterprises); ++e) {
    const auto& [affiliation, unit_name] = kUnits[static_cast<std::size_t>(e) % kUnits.size()];
    Enterprise ent;
    ent.uscc = make_uscc(rng);
    ent.name = "福州" + kTrades[static_cast<std::size_t>(e) % kTrades.size()] + "第" + std::to_string(e + 1) + "有限公司";
    ent.affiliation = affiliation;
    ent.unit = unit_name;
    usccs.push_back(ent.uscc);
    std::vector<std::string> t;
    const int team_count = 2 + static_cast<int>(rng() % 6);
    for (int k = 0; k < team_count; ++k) t.push_back(kTrades[static_cast<std::size_t>(e + k) % kTrades.size()] + std::to_string(k + 1) + "班组");
    teams.push_back(t);
    if (e % 10 != 9) sim.enterprises.push_back(ent);
  }

  std::vector<SimWorker> workers;
  std::vector<int> per_enterprise(usccs.size(), 0);
  for (int w = 0; w < o.workers; ++w) {
    // Larger enterprises first: a skewed spread like real registrations.
    const auto e = static_cast<std::size_t>(std::min<double>(static_cast<double>(usccs.size()) - 1,
                                                             std::floor(std::pow(unit(rng), 1.6) * static_cast<double>(usccs.size()))));
    ++per_enterprise[e];
    SimWorker sw;
    sw.worker.employee_no = "E" + std::to_string(100000 + w);
    sw.worker.name = kSurnames[rng() % kSurnames.size()] + kGiven[rng() % kGiven.size()];
    sw.worker.team = teams[e][rng() % teams[e].size()];
    sw.worker.enterprise_uscc = usccs[e];
    sw.ability = 0.8 + normal(rng) + 0.3 * std::sin(static_cast<double>(e));
    sw.kiosk = static_cast<int>(e % static_cast<std::size_t>(std::max(1, o.kiosks)));
    workers.push_back(sw);
  }
  for (auto& ent : sim.enterprises) {
    auto e = static_cast<std::size_t>(std::find(usccs.begin(), usccs.end(), ent.uscc) - usccs.begin());
    ent.headcount = per_enterprise[e] + 5 + static_cast<std::int64_t>(per_enterprise[e] * unit(rng));
  }

  // The question pool: difficulty per question; a few are misleading.
  std::vector<QuestionRef> pool;
  std::vector<double> difficulty;
  for (int q = 0; q < 200; ++q) {
    auto u = make_uuid(rng);
    pool.push_back({uuid_to_string(u), kCategories[static_cast<std::size_t>(q) % kCategories.size()]});
    difficulty.push_back(normal(rng) + (q % 10 == 3 ? 0.8 : 0.0));
  }

  for (int k = 0; k < std::max(1, o.kiosks); ++k) {
    std::array<std::uint8_t, 32> seed{};
    auto h = blake2b(std::span(reinterpret_cast<const std::uint8_t*>(&o.seed), sizeof o.seed));
    std::copy(h.begin(), h.end(), seed.begin());
    seed[0] ^= static_cast<std::uint8_t>(k);
    seed[1] ^= static_cast<std::uint8_t>(k >> 8);
    sim.kiosks.push_back(key_pair_from_seed(seed));
  }

  const std::int64_t year_start_ms = (static_cast<std::int64_t>(o.year - 1970) * 36524 / 100 * 86400 + 40 * 86400) * 1000;
  std::vector<BundlePayload> pending(sim.kiosks.size());
  std::vector<std::uint64_t> sequence(sim.kiosks.size(), 0);
  std::vector<Hash> previous(sim.kiosks.size(), Hash{});
  auto flush = [&](std::size_t k) {
    auto& p = pending[k];
    if (p.attempts.empty()) return;
    ++sequence[k];
    auto bytes = write_bundle(o.contest_id, sequence[k], previous[k], p, sim.kiosks[k]);
    previous[k] = blake2b(bytes);
    char name[64];
    std::snprintf(name, sizeof name, "kiosk-%03zu-%06llu.ankb", k + 1, static_cast<unsigned long long>(sequence[k]));
    sim.answers += p.answer_count();
    sim.bundles.push_back({name, std::move(bytes)});
    p = BundlePayload{};
  };

  std::int64_t clock_ms = year_start_ms;
  std::vector<std::int64_t> kiosk_free(sim.kiosks.size(), 0);  // when each kiosk's last attempt ended
  for (const auto& sw : workers) {
    const auto k = static_cast<std::size_t>(sw.kiosk);
    auto& p = pending[k];
    Attempt t;
    t.worker = static_cast<std::uint32_t>(p.workers.size());
    p.workers.push_back(sw.worker);
    t.contest_id = o.contest_id;
    t.paper_seed = rng();
    clock_ms += 1000 + static_cast<std::int64_t>(rng() % 600000);
    // One worker at a time at a kiosk: the next one waits for the screen.
    t.started_at_ms = std::max(clock_ms, kiosk_free[k]);
    const int n = std::max(1, o.questions_per_paper);
    t.max_centipoints = n * 500;  // 5 points a question
    std::uint32_t at = 0;
    for (int i = 0; i < n; ++i) {
      const auto q = static_cast<std::size_t>((t.paper_seed + static_cast<std::uint64_t>(i) * 37) % pool.size());
      std::uint32_t index = 0;
      while (index < p.questions.size() && p.questions[index].id != pool[q].id) ++index;
      if (index == p.questions.size()) p.questions.push_back(pool[q]);
      const double chance = 1.0 / (1.0 + std::exp(difficulty[q] - sw.ability));
      AnswerRecord a;
      a.uuid = o.time_ordered_ids ? make_time_ordered_uuid(t.started_at_ms + at, rng) : make_uuid(rng);
      a.question = index;
      const bool right = unit(rng) < chance;
      const bool half = !right && q % 3 == 0 && unit(rng) < 0.5;  // a multiple-choice answer with an option missing
      a.correct_permille = right ? 1000 : half ? 500 : 0;
      a.centipoints = right ? 500 : half ? 250 : 0;
      a.response = right ? "B" : half ? "A" : "C";
      a.shown_ms = at;
      a.latency_ms = 2000 + static_cast<std::uint32_t>(rng() % 20000);
      at += a.latency_ms + 500;
      t.answers.push_back(std::move(a));
    }
    t.ended_at_ms = t.started_at_ms + at;
    kiosk_free[k] = t.ended_at_ms + 1;
    p.attempts.push_back(std::move(t));
    if (static_cast<int>(p.attempts.size()) >= std::max(1, o.attempts_per_bundle)) flush(k);
  }
  for (std::size_t k = 0; k < pending.size(); ++k) flush(k);
  return sim;
}

void write_simulation(const Simulation& sim, const std::string& dir) {
  namespace fs = std::filesystem;
  fs::create_directories(fs::path(dir) / "devices");
  fs::create_directories(fs::path(dir) / "bundles");
  std::string csv = "\xEF\xBB\xBF统一社会信用代码,企业名称,归属,组织单位,职工人数\n";
  for (const auto& e : sim.enterprises)
    csv += e.uscc + "," + e.name + "," + affiliation_zh(e.affiliation) + "," + e.unit + "," + std::to_string(e.headcount) + "\n";
  write_file_atomic((fs::path(dir) / "enterprises.csv").string(), std::span(reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size()));
  for (std::size_t k = 0; k < sim.kiosks.size(); ++k) {
    char name[32];
    std::snprintf(name, sizeof name, "kiosk-%03zu.pub", k + 1);
    auto hex = to_hex(sim.kiosks[k].public_key) + "\n";
    write_file_atomic((fs::path(dir) / "devices" / name).string(), std::span(reinterpret_cast<const std::uint8_t*>(hex.data()), hex.size()));
  }
  for (const auto& b : sim.bundles) {
    // Plain writes: a simulation is regenerated, not precious; fsync per file would dominate.
    std::FILE* f = std::fopen((fs::path(dir) / "bundles" / b.name).c_str(), "wb");
    if (!f) throw ResultsError(dir + ": 无法写入成绩包", dir + ": cannot write bundles");
    std::fwrite(b.bytes.data(), 1, b.bytes.size(), f);
    std::fclose(f);
  }
}

}  // namespace ankang::results
