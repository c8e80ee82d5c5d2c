// draw_papers: random ordinals into the draw slots (sql/0003_draw_strata.sql),
// so a paper costs about one index lookup per question, whatever the bank holds.
#include "question_bank/draw.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "storage/sqlite.h"
#include "engine/prng.h"

namespace ankang::bank {

namespace {

// A (category, type, difficulty) stratum of the bank: its slots 0..size-1.
struct Base {
  std::int64_t id = 0;
  std::int64_t size = 0;
  int difficulty = 0;
};

struct Pick {
  std::int64_t seq = 0;
  int difficulty = 0;
};

[[noreturn]] void too_few(const BlueprintStratum& s, const std::string& detail_zh, const std::string& detail_en,
                          std::int64_t needed, std::int64_t available) {
  Text name = describe_stratum(s);
  throw BankError(Text{"组卷失败：「" + name.zh + "」" + detail_zh + "需要 " + std::to_string(needed) +
                           " 道题，题库中可用的只有 " + std::to_string(available) + " 道",
                       "cannot draw the paper: stratum \"" + name.en + "\"" + detail_en + " needs " +
                           std::to_string(needed) + " questions, the bank has " + std::to_string(available) +
                           " available"});
}

class Drawer {
 public:
  Drawer(sqlite3* db, const DrawOptions& options) : db_(db), options_(options), rng_{options.seed} {}

  // The bank's strata that make up a blueprint line: the category subtree
  // through the index on categories.path, then each category's strata
  // through the index on strata(category_id, type, difficulty).
  std::vector<Base> bases_of(const BlueprintStratum& s) {
    std::vector<std::int64_t> categories;
    if (s.category.empty()) {
      for (list_all_categories_.reset(); list_all_categories_.step();)
        categories.push_back(list_all_categories_.int64(0));
    } else {
      find_subtree_.bind(1, join_category(s.category));
      while (find_subtree_.step()) categories.push_back(find_subtree_.int64(0));
      find_subtree_.reset();
    }
    std::vector<Base> bases;
    for (std::int64_t category : categories) {
      find_bases_.bind(1, category).bind(2, s.type ? type_code(*s.type) : std::string_view(""));
      while (find_bases_.step()) {
        int d = static_cast<int>(find_bases_.int64(2));
        if (s.difficulties.empty() || std::binary_search(s.difficulties.begin(), s.difficulties.end(), d))
          bases.push_back({find_bases_.int64(0), find_bases_.int64(1), d});
      }
      find_bases_.reset();
    }
    std::sort(bases.begin(), bases.end(), [](const Base& a, const Base& b) { return a.id < b.id; });
    return bases;
  }

  // Questions of these bases not yet in any paper of this draw.
  std::int64_t available(const std::vector<Base>& bases) const {
    std::int64_t n = 0;
    for (const auto& b : bases) n += b.size;
    for (const auto& [seq, base] : taken_)
      n -= std::any_of(bases.begin(), bases.end(), [base = base](const Base& b) { return b.id == base; });
    return n;
  }

  // m distinct questions from the bases (the caller checked available() >= m).
  std::vector<Pick> sample(const std::vector<Base>& bases, std::int64_t m) {
    std::int64_t total = 0;
    for (const auto& b : bases) total += b.size;
    const std::int64_t free = available(bases);
    // Rejection sampling while at least half the pool is free; otherwise (a
    // paper that takes most of a small stratum, or least-used order) read the
    // whole pool, which then costs about what the paper costs anyway.
    if (options_.prefer_least_used || 2 * (total - free + m) > total) return sample_listed(bases, m);
    std::vector<Pick> picks;
    while (static_cast<std::int64_t>(picks.size()) < m) {
      std::int64_t r = static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(total)));
      std::size_t i = 0;
      while (r >= bases[i].size) r -= bases[i++].size;
      find_slot_.bind(1, bases[i].id).bind(2, r);
      if (!find_slot_.step()) storage::fail(db_, "读取抽题位置", "reading a draw slot");
      std::int64_t seq = find_slot_.int64(0);
      find_slot_.reset();
      if (taken_.try_emplace(seq, bases[i].id).second) picks.push_back({seq, bases[i].difficulty});
    }
    return picks;
  }

  std::uint64_t random_below(std::uint64_t bound) { return rng_.below(bound); }

  std::string id_of(std::int64_t seq) {
    find_id_.bind(1, seq);
    if (!find_id_.step()) storage::fail(db_, "读取题目", "reading a question");
    std::string id = find_id_.text(0);
    find_id_.reset();
    return id;
  }

 private:
  struct Candidate {
    Pick pick;
    std::int64_t base = 0;
    std::int64_t use_count = 0;
  };

  std::vector<Pick> sample_listed(const std::vector<Base>& bases, std::int64_t m) {
    std::vector<Candidate> pool;
    for (const auto& b : bases) {
      list_slots_.bind(1, b.id);
      while (list_slots_.step()) {
        std::int64_t seq = list_slots_.int64(0);
        if (!taken_.contains(seq)) pool.push_back({{seq, b.difficulty}, b.id, list_slots_.int64(1)});
      }
      list_slots_.reset();
    }
    // Fisher-Yates over the whole pool, then (least-used) a stable sort by
    // use, so equally used questions stay in random order.
    for (std::size_t i = pool.size(); i > 1; --i) std::swap(pool[i - 1], pool[rng_.below(i)]);
    if (options_.prefer_least_used)
      std::stable_sort(pool.begin(), pool.end(),
                       [](const Candidate& a, const Candidate& b) { return a.use_count < b.use_count; });
    std::vector<Pick> picks;
    for (std::int64_t i = 0; i < m && i < static_cast<std::int64_t>(pool.size()); ++i) {
      taken_.emplace(pool[i].pick.seq, pool[i].base);
      picks.push_back(pool[i].pick);
    }
    return picks;
  }

  sqlite3* db_;
  const DrawOptions& options_;
  Prng rng_;  // SplitMix64, the same generator the engine uses
  std::unordered_map<std::int64_t, std::int64_t> taken_;  // question seq -> base stratum id

  // Children's paths start with "path/", so they sort between "path/" and "path0" ('0' follows '/').
  storage::Statement find_subtree_{db_,
      "SELECT id FROM categories WHERE path = ?1 UNION ALL "
      "SELECT id FROM categories WHERE path > ?1 || '/' AND path < ?1 || '0'"};
  // 0: questions without a category.
  storage::Statement list_all_categories_{db_, "SELECT 0 UNION ALL SELECT id FROM categories"};
  storage::Statement find_bases_{db_,
      "SELECT id, size, difficulty FROM strata WHERE category_id = ?1 AND size > 0 AND (?2 = '' OR type = ?2)"};
  storage::Statement find_slot_{db_, "SELECT question_seq FROM draw_slots WHERE stratum_id = ? AND ordinal = ?"};
  storage::Statement list_slots_{db_,
      "SELECT d.question_seq, q.use_count FROM draw_slots d JOIN questions q ON q.seq = d.question_seq "
      "WHERE d.stratum_id = ? ORDER BY d.ordinal"};
  storage::Statement find_id_{db_, "SELECT id FROM questions WHERE seq = ?"};
};

}  // namespace

std::vector<std::vector<std::string>> draw_papers(Bank& bank, const Blueprint& blueprint, const DrawOptions& options) try {
  if (options.papers < 1)
    throw BankError(Text{"试卷份数必须至少为 1", "the number of papers must be at least 1"});
  const auto papers = static_cast<std::size_t>(options.papers);
  sqlite3* db = bank.handle();
  // One snapshot for the whole draw; a least-used draw also writes the use counts.
  storage::Transaction tx(db, options.prefer_least_used ? storage::Transaction::Mode::immediate
                                                    : storage::Transaction::Mode::deferred);
  Drawer drawer(db, options);
  std::vector<std::vector<std::int64_t>> drawn(papers);

  for (const auto& stratum : blueprint.strata) {
    auto bases = drawer.bases_of(stratum);
    const std::int64_t needed = std::int64_t{stratum.count} * options.papers;
    if (std::int64_t have = drawer.available(bases); have < needed) too_few(stratum, "", "", needed, have);

    if (papers == 1) {
      for (const auto& p : drawer.sample(bases, stratum.count)) drawn[0].push_back(p.seq);
      continue;
    }
    // Parallel papers: first choose how many questions of each difficulty
    // every paper gets (at random, weighted by what each difficulty can still
    // give all papers), then draw that many for every paper.
    std::map<int, std::vector<Base>> levels;
    for (const auto& b : bases) levels[b.difficulty].push_back(b);
    std::vector<int> difficulty;
    std::vector<std::int64_t> room, share;
    std::int64_t total_room = 0;
    for (const auto& [d, level] : levels) {
      difficulty.push_back(d);
      room.push_back(drawer.available(level) / options.papers);
      share.push_back(0);
      total_room += room.back();
    }
    if (total_room < stratum.count)
      too_few(stratum, "按每份试卷难度相同、", " with equal difficulties in every paper", needed,
              total_room * options.papers);
    for (int i = 0; i < stratum.count; ++i) {
      auto r = static_cast<std::int64_t>(drawer.random_below(static_cast<std::uint64_t>(total_room)));
      std::size_t k = 0;
      while (r >= room[k]) r -= room[k++];
      --room[k];
      --total_room;
      ++share[k];
    }
    for (std::size_t k = 0; k < difficulty.size(); ++k) {
      if (share[k] == 0) continue;
      auto picks = drawer.sample(levels[difficulty[k]], share[k] * options.papers);
      for (std::size_t i = 0; i < picks.size(); ++i)
        drawn[i / static_cast<std::size_t>(share[k])].push_back(picks[i].seq);
    }
  }

  if (options.prefer_least_used) {
    storage::Statement used(db, "UPDATE questions SET use_count = use_count + 1 WHERE seq = ?");
    for (const auto& paper : drawn)
      for (std::int64_t seq : paper) used.bind(1, seq).run();
  }
  std::vector<std::vector<std::string>> ids(papers);
  for (std::size_t p = 0; p < papers; ++p)
    for (std::int64_t seq : drawn[p]) ids[p].push_back(drawer.id_of(seq));
  tx.commit();
  return ids;
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

}  // namespace ankang::bank
