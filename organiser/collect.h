// Collecting score bundles from a folder or USB stick: every bundle verified
// and imported in one batch, each refusal kept with its reason.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "results/bundle.h"
#include "results/store.h"

namespace ankang::organiser {

// The bundle files an argument list names: a folder stands for every *.ankb
// under it (sorted), a file for itself.
std::vector<std::string> bundle_files(const std::vector<std::string>& args);

struct Collected {
  std::vector<results::ImportOutcome> files;  // one per bundle file, in order
  int imported = 0, already = 0, refused = 0;
  long answers = 0, team_results = 0;
  std::vector<Text> gaps;  // kiosks whose bundle sequence has a gap
};

// Verifies and imports FILES into the store as one batch: a refused bundle is
// an outcome with its reason, not an error; a database error throws and
// rolls back the whole batch. progress(done, total) after each file.
Collected collect_bundles(results::OrganiserStore& store, const std::vector<std::string>& files,
                          const results::VerifyOptions& options,
                          const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace ankang::organiser
