#include "ui/fill_choices.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>
#include <utility>

#include "engine/grading.h"
#include "engine/prng.h"
#include "engine/text.h"

namespace ankang::ui {

namespace {

// Characters, not bytes: a length a reader sees.
std::size_t chars(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string number_text(double v) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

bool is_number(const std::string& s) {
  double x = 0;
  return parse_number(s, x);
}

// One candidate and how near it is to the blank: lower tiers are taken first.
struct Candidate {
  int tier;
  std::uint64_t key;  // the seeded draw inside a tier
  std::string text;
};

class Gatherer {
 public:
  Gatherer(const Question& q, std::size_t blank, std::string answer, std::uint64_t seed)
      : q_(q), blank_(blank), answer_(std::move(answer)), numeric_(is_number(answer_)), rng_{seed} {}

  // Adds a text unless the engine would accept it here, or it is not the
  // same kind of thing as the answer (a number for a number).
  void add(int tier, const std::string& text) {
    if (text.empty() || normalize_text(text).empty() || is_number(text) != numeric_) return;
    Response r = correct_response(q_);
    if (blank_ < r.texts.size()) r.texts[blank_] = text;
    const scoring::ChoiceTally t = grade(q_, r);
    if (t.hits == t.total_correct) return;  // accepted: not a wrong choice
    found_.push_back({tier, rng_.next(), text});
  }

  // The answer and up to count - 1 of the nearest candidates, shuffled; empty
  // when there is no candidate at all.
  std::vector<std::string> pick(int count) {
    std::sort(found_.begin(), found_.end(),
              [](const Candidate& a, const Candidate& b) { return std::tie(a.tier, a.key) < std::tie(b.tier, b.key); });
    std::vector<std::string> out{answer_};
    std::vector<std::string> seen{normalize_text(answer_)};
    for (const Candidate& c : found_) {
      if (static_cast<int>(out.size()) >= count) break;
      const std::string norm = normalize_text(c.text);
      if (std::find(seen.begin(), seen.end(), norm) != seen.end()) continue;
      seen.push_back(norm);
      out.push_back(c.text);
    }
    if (out.size() < 2) return {};
    for (std::size_t i = out.size() - 1; i > 0; --i) std::swap(out[i], out[rng_.below(i + 1)]);
    return out;
  }

  const std::string& answer() const { return answer_; }
  bool numeric() const { return numeric_; }

 private:
  const Question& q_;
  std::size_t blank_;
  std::string answer_;
  bool numeric_;
  Prng rng_;
  std::vector<Candidate> found_;
};

// The text a fill-in question's blank expects first (the number, for a
// numeric answer), for every blank.
std::vector<std::string> answers_of(const Question& q) { return correct_response(q).texts; }

bool same_top(const Question& a, const Question& b) {
  return !a.category.empty() && !b.category.empty() && a.category.front() == b.category.front();
}

}  // namespace

std::vector<std::vector<std::string>> fill_choices(const Question& q, const std::vector<Question>& pool,
                                                   std::uint64_t seed, int count) {
  if (q.type != QuestionType::fill_blank) return {};
  const std::vector<std::string> answers = answers_of(q);
  std::vector<std::vector<std::string>> out;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    Gatherer g(q, i, answers[i], seed + i * 0x9E3779B97F4A7C15ULL);
    for (std::size_t j = 0; j < answers.size(); ++j)
      if (j != i) g.add(0, answers[j]);
    for (const Question& other : pool) {
      if (other.id == q.id) continue;
      if (other.type == QuestionType::fill_blank) {
        const int tier = other.category == q.category ? 0 : same_top(other, q) ? 1 : 4;
        for (const auto& a : answers_of(other)) g.add(tier, a);
      } else if ((other.type == QuestionType::single || other.type == QuestionType::multiple) && same_top(other, q)) {
        // Options are often whole sentences: only those about as long as the answer.
        const std::size_t n = chars(g.answer());
        for (const auto& o : other.options)
          if (chars(o) * 2 >= n && chars(o) <= n * 2 + 1) g.add(2, o);
      }
    }
    if (g.numeric()) {
      // Nearby numbers: a tenth of the answer apart (at least 1), never
      // below zero for an answer that is not.
      double x = 0;
      parse_number(g.answer(), x);
      const double step = std::max(1.0, std::round(std::fabs(x) * 0.1));
      for (int k = 1; k <= 3; ++k)
        for (double v : {x + k * step, x - k * step})
          if (x < 0 || v >= 0) g.add(3, number_text(v));
    }
    out.push_back(g.pick(count));
  }
  return out;
}

}  // namespace ankang::ui
