#include "organiser/rollup.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include "results/error.h"

namespace ankang::organiser {

namespace fs = std::filesystem;

std::vector<std::string> rollup_files(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const auto& a : args) {
    if (!fs::is_directory(a)) {
      files.push_back(a);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(a))
      if (entry.is_regular_file() && entry.path().extension() == ".ankr") found.push_back(entry.path().string());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string unit_name(const std::string& label, const std::string& fingerprint) {
  return label.empty() ? fingerprint : label + " (" + fingerprint + ")";
}

RollupWritten export_rollup_file(results::OrganiserStore& store, const std::string& key_stem, const std::string& out,
                                 std::int64_t now_ms) {
  const auto key = results::read_key_pair(key_stem);
  const auto bytes = results::export_rollup(store, key, now_ms);
  results::write_file_atomic(out, bytes);
  return {out, {}, results::parse_rollup_header(bytes), results::fingerprint(key.public_key)};
}

std::string file_name_of(const std::string& unit) {
  std::string out;
  for (const char c : unit) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos) ? '_' : c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  while (!out.empty() && (out.front() == ' ' || out.front() == '.')) out.erase(out.begin());
  return out.empty() ? "unit" : out;
}

RollupWritten export_unit_rollup(results::OrganiserStore& store, const std::string& key_stem, const std::string& folder,
                                 const std::string& unit, std::int64_t now_ms) {
  const std::string stem = (fs::path(folder) / file_name_of(unit)).string();
  auto written = export_rollup_file(store, key_stem, stem + ".ankr", now_ms);
  const auto pub = results::read_file(key_stem + ".pub", 4096);
  written.key_file = stem + ".organiser.pub";
  results::write_file_atomic(written.key_file, pub);
  return written;
}

RollupsImported import_rollups(results::OrganiserStore& store, const std::vector<std::string>& files,
                               const std::function<void(std::size_t, std::size_t)>& progress) {
  RollupsImported all;
  store.begin_batch();
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    results::RollupOutcome out;
    try {
      const auto bytes = results::read_file(f, results::kMaxRollupBytes);
      // A refusal comes back in the outcome; a database error throws and
      // ends the batch, rolling back everything of this run.
      out = store.import_rollup(bytes, f);
    } catch (const results::ResultsError& e) {
      out.reason = e.text();
    }
    out.source = f;
    using S = results::ImportOutcome::Status;
    if (out.status == S::imported) {
      ++all.imported;
      all.answers += out.answers;
    } else if (out.status == S::already_imported) {
      ++all.already;
    } else {
      ++all.refused;
    }
    all.files.push_back(std::move(out));
    if (progress) progress(i + 1, files.size());
  }
  store.commit_batch();
  all.duplicates = store.duplicate_registrations();
  return all;
}

BaselineImported import_baseline_file(const std::string& db, const std::string& file, int year, bool replace) {
  BaselineImported out{results::read_baseline_file(file, year), std::nullopt};
  if (!out.read.problems.empty()) return out;
  results::OrganiserStore store(db);
  out.outcome = results::import_baseline(store, out.read.baseline, replace);
  return out;
}

}  // namespace ankang::organiser
