#include "kiosk_script.h"

#include <sqlite3.h>

#include <utility>

#include "tests/kiosk/sample_paper.h"

namespace ankang::reliability {

using namespace ankang::kiosk;

const std::vector<Question>& question_pool() {
  static const std::vector<Question> pool = ankang::testing::single_choice_paper(kPoolSize);
  return pool;
}

std::vector<Question> paper_of(const std::vector<std::string>& ids) {
  std::vector<Question> out;
  for (const std::string& id : ids)
    for (const Question& q : question_pool())
      if (q.id == id) out.push_back(q);
  return out;
}

std::vector<Question> draw_paper(std::uint64_t seed) {
  std::vector<Question> all = question_pool();
  Rng rng(seed);
  for (std::size_t i = all.size() - 1; i > 0; --i) std::swap(all[i], all[rng.below(i + 1)]);
  all.resize(kPaperSize);
  return all;
}

Worker ensure_worker(Store& store, int n) {
  const auto e = store.add_enterprise("示范企业");
  const auto t = store.add_team(e, "一班");
  const std::string no = std::to_string(1000 + n);
  if (auto w = store.find_worker(e, no)) return *w;
  return store.add_worker(e, t, no, "职工" + no, 0);
}

SessionRules script_rules() {
  SessionRules rules;
  rules.practice_questions = 5;
  rules.test_questions = kPaperSize;
  rules.test_ms = kTestMs;
  return rules;
}

Session start_attempt(Store& store, const Worker& worker, Mode mode, std::uint64_t seed, std::int64_t now_unix_ms) {
  return Session(store, worker, mode, session_config(mode, script_rules(), {}), draw_paper(seed), seed, now_unix_ms);
}

std::optional<Intent> next_intent(const Session& session, Millis clock, std::uint64_t roll) {
  if (session.finished()) return std::nullopt;
  const View v = session.view(clock);
  if (v.allows(IntentKind::answer) && v.q) {
    Intent in = session.intent(IntentKind::answer);
    const int right = v.q->correct.at(0);
    in.response.choices = std::uint64_t{1} << (roll % 4 == 0 ? (right + 1) % 3 : right);
    return in;
  }
  for (IntentKind k : {IntentKind::next, IntentKind::start, IntentKind::submit})
    if (v.allows(k)) return session.intent(k);
  return std::nullopt;
}

std::uint64_t Rng::next() {
  std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string integrity(const Store& store) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(store.handle(), "PRAGMA integrity_check", -1, &s, nullptr) != SQLITE_OK)
    return sqlite3_errmsg(store.handle());
  std::string out = "no answer";
  if (sqlite3_step(s) == SQLITE_ROW) {
    const auto* t = sqlite3_column_text(s, 0);
    out = t ? reinterpret_cast<const char*>(t) : "";
  } else {
    out = sqlite3_errmsg(store.handle());
  }
  sqlite3_finalize(s);
  return out;
}

}  // namespace ankang::reliability
