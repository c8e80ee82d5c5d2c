#include "engine/grading.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "engine/text.h"

namespace ankang {

namespace {

bool ticked(std::uint64_t choices, int option) { return option < 64 && ((choices >> option) & 1u); }

scoring::ChoiceTally grade_choices(const Question& q, std::uint64_t choices) {
  scoring::ChoiceTally t;
  t.total_correct = static_cast<int>(q.correct.size());
  for (int i = 0; i < static_cast<int>(q.options.size()); ++i) {
    if (!ticked(choices, i)) continue;
    if (std::binary_search(q.correct.begin(), q.correct.end(), i))
      ++t.hits;
    else
      ++t.misses;
  }
  // A tick beyond the options is a wrong tick too.
  if (q.options.size() < 64 && (choices >> q.options.size()) != 0) ++t.misses;
  return t;
}

bool text_accepted(const std::vector<std::string>& accepted, const std::string& given) {
  const std::string norm = normalize_text(given);
  if (norm.empty()) return false;
  return std::any_of(accepted.begin(), accepted.end(),
                     [&](const std::string& a) { return normalize_text(a) == norm; });
}

scoring::ChoiceTally grade_fill(const Question& q, const Response& r) {
  scoring::ChoiceTally t;
  if (q.numeric) {
    t.total_correct = 1;
    double x = 0;
    const bool ok = !r.texts.empty() && parse_number(r.texts[0], x) &&
                    std::fabs(x - q.numeric->value) <= q.numeric->tolerance + 1e-9;
    (ok ? t.hits : t.misses) = 1;
    return t;
  }
  t.total_correct = static_cast<int>(q.blanks.size());
  for (std::size_t i = 0; i < q.blanks.size(); ++i) {
    if (i < r.texts.size() && text_accepted(q.blanks[i], r.texts[i]))
      ++t.hits;
    else
      ++t.misses;
  }
  return t;
}

scoring::ChoiceTally grade_ordering(const Question& q, const Response& r) {
  scoring::ChoiceTally t;
  t.total_correct = static_cast<int>(q.options.size());
  for (int i = 0; i < t.total_correct; ++i) {
    if (static_cast<std::size_t>(i) < r.order.size() && r.order[i] == i)
      ++t.hits;
    else
      ++t.misses;
  }
  return t;
}

scoring::ChoiceTally grade_matching(const Question& q, const Response& r) {
  // The correct right side of left i is pairs[i].right; r.matches[i] indexes pairs too.
  scoring::ChoiceTally t;
  t.total_correct = static_cast<int>(q.pairs.size());
  for (std::size_t i = 0; i < q.pairs.size(); ++i) {
    if (i >= r.matches.size() || r.matches[i] < 0) continue;  // left unmatched: no credit, no penalty
    const auto j = static_cast<std::size_t>(r.matches[i]);
    if (j < q.pairs.size() && q.pairs[j].right == q.pairs[i].right)
      ++t.hits;
    else
      ++t.misses;
  }
  return t;
}

scoring::ChoiceTally grade_hotspot(const Question& q, const Response& r) {
  scoring::ChoiceTally t;
  t.total_correct = static_cast<int>(q.regions.size());
  for (const auto& region : q.regions)
    if (std::any_of(r.taps.begin(), r.taps.end(), [&](TapPoint p) { return region.contains(p.x, p.y); })) ++t.hits;
  for (const auto& p : r.taps)
    if (std::none_of(q.regions.begin(), q.regions.end(), [&](const Region& g) { return g.contains(p.x, p.y); }))
      ++t.misses;
  return t;
}

}  // namespace

bool parse_number(const std::string& text, double& out) {
  const std::string norm = normalize_text(text);  // full-width digits become ASCII
  if (norm.empty()) return false;
  const char* begin = norm.data();
  const char* end = begin + norm.size();
  if (*begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

scoring::ChoiceTally grade(const Question& q, const Response& r) {
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
      return grade_choices(q, r.choices);
    case QuestionType::true_false:
      return r.truth == q.truth ? scoring::ChoiceTally{1, 0, 1} : scoring::ChoiceTally{0, 1, 1};
    case QuestionType::fill_blank:
      return grade_fill(q, r);
    case QuestionType::ordering:
      return grade_ordering(q, r);
    case QuestionType::matching:
      return grade_matching(q, r);
    case QuestionType::hotspot:
      return grade_hotspot(q, r);
  }
  return {};
}

Response correct_response(const Question& q) {
  Response r;
  for (int i : q.correct)
    if (i >= 0 && i < 64) r.choices |= std::uint64_t{1} << i;
  r.truth = q.truth;
  if (q.numeric) {
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, q.numeric->value);
    r.texts.emplace_back(buf, ec == std::errc() ? ptr : buf);
  } else {
    for (const auto& accepted : q.blanks) r.texts.push_back(accepted.empty() ? std::string() : accepted.front());
  }
  for (int i = 0; i < static_cast<int>(q.options.size()); ++i) r.order.push_back(i);
  for (int i = 0; i < static_cast<int>(q.pairs.size()); ++i) r.matches.push_back(i);
  for (const auto& g : q.regions) r.taps.push_back({g.x + g.width / 2, g.y + g.height / 2});
  return r;
}

Response wrong_response(const Question& q) {
  Response r;
  const int n = static_cast<int>(q.options.size());
  for (int i = 0; i < n && i < 64; ++i)
    if (!std::binary_search(q.correct.begin(), q.correct.end(), i)) r.choices |= std::uint64_t{1} << i;
  r.truth = !q.truth;
  if (q.numeric)
    r.texts.push_back("x");
  else
    r.texts.assign(q.blanks.size(), "×");
  for (int i = n - 1; i >= 0; --i) r.order.push_back(i);
  const int m = static_cast<int>(q.pairs.size());
  for (int i = 0; i < m; ++i) r.matches.push_back((i + 1) % m);
  r.taps.push_back({-1, -1});
  return r;
}

}  // namespace ankang
