// What the kiosk tests share: a fresh directory per test, a kiosk store with
// one worker in it, and a paper of single-choice questions.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "engine/question.h"
#include "kiosk/app.h"
#include "kiosk/store.h"
#include "tests/kiosk/sample_paper.h"

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

// Signs in at the first enterprise and team of the roster, as a worker would.
inline void sign_in(kiosk::App& app, const char* number, const char* name) {
  app.apply({ui::Act::start});
  app.apply({ui::Act::pick_enterprise, 0});
  app.apply({ui::Act::pick_team, 0});
  app.typed(number);
  app.apply({ui::Act::set_name, 0, name});
  app.enter_pressed();
}

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

}  // namespace ankang::testing
