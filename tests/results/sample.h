// Small hand-made records shared by the results tests.
#pragma once

#include <array>
#include <cstdint>

#include "results/keys.h"
#include "results/records.h"

namespace ankang::results::testing {

inline KeyPair key_from_byte(std::uint8_t b) {
  std::array<std::uint8_t, 32> seed{};
  seed.fill(b);
  return key_pair_from_seed(seed);
}

inline Uuid uuid_from(std::uint32_t n) {
  Uuid u{};
  for (int i = 0; i < 4; ++i) u[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(n >> (8 * i));
  u[6] = 0x40;  // version 4 shape
  u[15] = 0x5a;
  return u;
}

// Two workers of one enterprise, two attempts of `answers` answers each.
inline BundlePayload sample_payload(const std::string& contest = "contest-2026", int answers = 10,
                                    std::uint32_t first_uuid = 1) {
  BundlePayload p;
  p.questions = {{"7c1e0f4a-0000-4000-8000-000000000001", "职业病防治/粉尘"},
                 {"7c1e0f4a-0000-4000-8000-000000000002", "隐患排查治理"}};
  p.workers = {{"A001", "张三", "一班组", "91350100M000100Y43"}, {"A002", "李四", "二班组", "91350100M000100Y43"}};
  for (std::uint32_t w = 0; w < 2; ++w) {
    Attempt t;
    t.worker = w;
    t.contest_id = contest;
    t.paper_seed = 42 + w;
    t.started_at_ms = 1782000000000 + w * 1000;
    t.ended_at_ms = t.started_at_ms + 600000;
    t.max_centipoints = answers * 1000;
    for (int i = 0; i < answers; ++i) {
      AnswerRecord a;
      a.uuid = uuid_from(first_uuid++);
      a.question = static_cast<std::uint32_t>(i % 2);
      a.response = i % 3 ? "B" : "AC";
      a.correct_permille = i % 3 ? 1000 : 500;
      a.centipoints = i % 3 ? 1000 : 500;
      a.shown_ms = static_cast<std::uint32_t>(i * 20000);
      a.latency_ms = 7000 + static_cast<std::uint32_t>(i);
      t.answers.push_back(a);
    }
    p.attempts.push_back(t);
  }
  return p;
}

}  // namespace ankang::results::testing
