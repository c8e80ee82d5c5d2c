// What the kiosk tests share: a fresh directory per test, a kiosk store with
// one worker in it, and a paper of single-choice questions.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "engine/question.h"
#include "kiosk/store.h"

namespace ankang::testing {

// A directory of its own for each test (named after the suite, the test and
// the process), empty at the start and removed at the end.
class KioskDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = std::filesystem::temp_directory_path() /
          ("ankang-kiosk-" + std::to_string(::getpid()) + "-" + info->test_suite_name() + "-" + info->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  std::string path(const std::string& name) const { return (dir / name).string(); }

  std::filesystem::path dir;
};

// A kiosk store with 甲公司, its team 一班 and the worker 1001 王芳.
struct SeededStore {
  kiosk::Store store;
  std::int64_t enterprise = 0;
  kiosk::Worker worker;

  explicit SeededStore(const std::string& file, const std::string& uscc = {}) : store(kiosk::Store::open(file)) {
    enterprise = store.add_enterprise("甲公司");
    if (!uscc.empty()) store.set_enterprise_uscc(enterprise, uscc);
    worker = store.add_worker(enterprise, store.add_team(enterprise, "一班"), "1001", "王芳", 0);
  }
};

// n single-choice questions q0, q1, ... with three options; the answer of
// question i is option i % 3; categories alternate between two laws.
inline std::vector<Question> single_choice_paper(int n) {
  std::vector<Question> out;
  for (int i = 0; i < n; ++i) {
    Question q;
    q.id = "q" + std::to_string(i);
    q.type = QuestionType::single;
    q.stem = "题目" + std::to_string(i);
    q.options = {"甲", "乙", "丙"};
    q.correct = {i % 3};
    q.explanation = "解析";
    q.category = {i % 2 ? "职业病防治" : "安全生产法"};
    out.push_back(q);
  }
  return out;
}

}  // namespace ankang::testing
