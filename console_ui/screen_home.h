// 首页: what the workspace holds and the organiser's year, step by step.
#pragma once

#include <optional>
#include <string>

#include "console_ui/shell.h"

namespace ankang::console_ui {

struct HomeView {
  bool loaded = false;
  long questions = 0, enterprises = 0, unregistered = 0, kiosks = 0, bundles = 0, answers = 0, units = 0;
  std::string key_fingerprint;  // the organiser key; empty until first made
};

struct HomeIntent {
  std::optional<PageId> go;
};

HomeIntent home_screen(const HomeView& view);

}  // namespace ankang::console_ui
