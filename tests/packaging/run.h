// Runs a program of the build as a user would, for the deployment tests.
#pragma once

#include <string>

#include "tests/support/run_command.h"

namespace ankang::test {

// A fresh empty directory under the temporary directory.
std::string temp_dir(const std::string& name);

}  // namespace ankang::test
