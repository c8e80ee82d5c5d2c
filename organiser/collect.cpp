#include "organiser/collect.h"

#include <algorithm>
#include <filesystem>

#include "results/codec.h"
#include "results/error.h"

namespace ankang::organiser {

std::vector<std::string> bundle_files(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const auto& a : args) {
    if (!std::filesystem::is_directory(a)) {
      files.push_back(a);
      continue;
    }
    std::vector<std::string> found;
    std::error_code ec;  // an unreadable sub-folder is skipped, not fatal
    for (auto it = std::filesystem::recursive_directory_iterator(
             a, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".ankb") found.push_back(it->path().string());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Collected collect_bundles(results::OrganiserStore& store, const std::vector<std::string>& files,
                          const results::VerifyOptions& options,
                          const std::function<void(std::size_t, std::size_t)>& progress) {
  Collected c;
  store.begin_batch();
  for (const auto& f : files) {
    results::ImportOutcome out;
    out.source = f;
    results::Bytes bytes;
    try {
      bytes = results::read_file(f, options.max_file_bytes);
    } catch (const results::ResultsError& e) {
      out.reason = e.text();
    }
    if (out.reason.en.empty()) out = store.import_bundle(bytes, f, options);
    using S = results::ImportOutcome::Status;
    if (out.status == S::imported) {
      ++c.imported;
      c.answers += out.answers;
      c.team_results += out.team_results;
    } else if (out.status == S::already_imported) {
      ++c.already;
    } else {
      ++c.refused;
    }
    c.files.push_back(std::move(out));
    if (progress) progress(c.files.size(), files.size());
  }
  store.commit_batch();
  c.gaps = store.sequence_gaps();
  return c;
}

}  // namespace ankang::organiser
