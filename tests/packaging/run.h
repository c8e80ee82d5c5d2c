// Runs a program of the build as a user would, for the deployment tests.
#pragma once

#include <string>

namespace ankang::test {

struct CommandResult {
  int status = -1;     // exit status
  std::string output;  // stdout and stderr together
};

// `command` goes to /bin/sh; stderr is merged into the output.
CommandResult run(const std::string& command);

// A fresh empty directory under the temporary directory.
std::string temp_dir(const std::string& name);

}  // namespace ankang::test
