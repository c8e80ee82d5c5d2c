#include "kiosk/package_loader.h"

#include <filesystem>
#include <span>
#include <utility>
#include <vector>

#include "engine_io/config_json.h"
#include "kiosk/bundle_export.h"
#include "kiosk/kiosk_files.h"
#include "question_bank/formats/format.h"
#include "results/codec.h"
#include "results/error.h"
#include "results/package.h"
#include "ui/strings.h"

namespace ankang::kiosk {

namespace fs = std::filesystem;
using ui::S;

namespace {

// Problems of files are told in the kiosk's language.
bool chinese() { return ui::language() == ui::Lang::zh; }

FolderLoad refused(std::string message) { return {false, false, std::move(message)}; }
FolderLoad not_loaded(const Text& why) { return refused(ui::format(S::package_not_loaded, ui::tr(why).c_str())); }

// Every problem of a parsed question file, one located line each.
std::string problems_of(const bank::ParseResult& parsed) {
  std::string out;
  for (const auto& d : parsed.file_errors) out += bank::format_diagnostic(d, chinese()) + "\n";
  for (const auto& r : parsed.rejected)
    for (const auto& d : r.reasons) out += bank::format_diagnostic(d, chinese()) + "\n";
  return out;
}

}  // namespace

PackageLoader::PackageLoader(std::string data_dir, Store& store, bank::Bank& bank)
    : data_dir_(std::move(data_dir)), store_(store), bank_(bank) {}

FolderLoad PackageLoader::load_folder(const std::string& folder, std::int64_t unix_ms) {
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(folder, ec)) return refused(ui::format(S::no_such_folder, folder.c_str()));
  std::vector<std::string> packages;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (std::error_code e2; it->path().extension() == ".ankpkg" && it->is_regular_file(e2)) packages.push_back(it->path().string());
  if (ec) return refused(ui::format(S::cannot_read_folder, folder.c_str(), ec.message().c_str()));
  if (packages.size() > 1)
    return refused(ui::format(S::several_packages, static_cast<int>(packages.size())));
  if (packages.size() == 1) return load_package(folder, packages.front(), unix_ms);
  return load_question_files(folder);
}

// Every question file of the folder, or none of them.
FolderLoad PackageLoader::load_question_files(const std::string& folder) {
  std::vector<Question> found;
  std::string problems;
  int files = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file()) continue;
    const std::string path = entry.path().string();
    const auto read = bank::read_file(path);
    if (!read) {
      // Unreadable: a problem if its name says it is a question file, else not ours.
      if (bank::detect_format(path, {})) problems += ui::format(S::cannot_read_file, path.c_str()) + "\n";
      continue;
    }
    const auto& bytes = *read;
    const auto format = bank::detect_format(path, bytes);
    if (!format) continue;
    ++files;
    const auto parsed = bank::parse_questions(path, bytes, *format);
    problems += problems_of(parsed);
    for (const auto& p : parsed.questions) found.push_back(p.question);
  }
  if (!problems.empty()) return refused(ui::tr(S::question_files_wrong) + problems);
  if (files == 0 || found.empty()) return refused(ui::format(S::no_question_files, folder.c_str()));
  try {
    const auto outcome = bank_.insert(found);
    return {true, false,
            ui::format(S::questions_imported, outcome.inserted, outcome.duplicates)};
  } catch (const bank::BankError& e) {
    return refused(ui::tr(e.text()));
  }
}

// The organiser key this kiosk trusts: DATA_DIR/organiser.pub. A kiosk that
// has none may take the folder's organiser.pub, but only when the admin taps
// the load button a second time after its fingerprint was shown.
std::optional<results::PublicKey> PackageLoader::organiser_key(const std::string& folder, std::string& why) {
  const std::string trusted = data_dir_ + "/organiser.pub";
  try {
    if (fs::exists(trusted)) return results::read_public_key(trusted);
    const std::string offered = folder + "/organiser.pub";
    if (!fs::exists(offered)) {
      why = ui::format(S::no_organiser_key, data_dir_.c_str());
      return std::nullopt;
    }
    const results::PublicKey key = results::read_public_key(offered);
    const std::string print = results::fingerprint(key);
    if (pending_trust_ != print) {
      pending_trust_ = print;
      why = ui::format(S::confirm_organiser_key, print.c_str());
      return std::nullopt;
    }
    return key;
  } catch (const results::ResultsError& e) {
    why = ui::tr(e.text());
    return std::nullopt;
  }
}

// A contest package: verified with the trusted organiser key and its window
// checked, its questions parsed and its config validated before anything is
// written; then the questions go into the bank and the roster and contest
// into the kiosk store, each in one transaction.
FolderLoad PackageLoader::load_package(const std::string& folder, const std::string& file, std::int64_t unix_ms) {
  std::string why;
  const auto key = organiser_key(folder, why);
  if (!key) return refused(why);
  const bool trusting = !fs::exists(data_dir_ + "/organiser.pub");
  results::ContestPackage p;
  try {
    p = results::read_package_file(file, *key);
    results::check_package_window(p, unix_ms);
  } catch (const results::ResultsError& e) {
    return not_loaded(e.text());
  }
  const auto parsed = bank::parse_questions(file + "#questions", p.bank_subset, bank::Format::json);
  std::string problems = problems_of(parsed);
  std::vector<Question> found;
  for (const auto& q : parsed.questions) found.push_back(q.question);
  std::vector<std::string> ids;
  for (const auto& q : found) ids.push_back(q.id);
  if (problems.empty() && ids != p.question_ids) problems = ui::format(S::package_questions_differ, file.c_str()) + "\n";
  const io::LoadedConfig config = io::parse_config(p.config_json);
  if (!config.ok()) problems += io::describe_problems(file + "#config", config.problems, chinese());
  if (!problems.empty()) return refused(ui::tr(S::package_wrong) + problems);
  // Bundles carry one contest id: what was answered under the previous
  // contest leaves in a bundle of its own first.
  if (p.contest_id != contest_id_of(store_) && !store_.unexported_attempts().empty())
    return refused(ui::tr(S::export_before_new_contest));
  try {
    if (trusting) {
      // The admin confirmed the fingerprint: this key is trusted from now on.
      const std::string hex = results::to_hex(*key) + "\n";
      results::write_file_atomic(data_dir_ + "/organiser.pub",
                                 std::span(reinterpret_cast<const std::uint8_t*>(hex.data()), hex.size()));
    }
    // Questions first: a store failure after them leaves only questions the
    // bank may hold anyway (loading again skips them as duplicates).
    bank_.insert(found);
    store_.load_contest({p.contest_id, p.name, p.config_json, p.valid_until_ms}, p.roster);
  } catch (const results::ResultsError& e) {
    // Whichever failed, its transaction took nothing.
    return not_loaded(e.text());
  } catch (const bank::BankError& e) {
    return not_loaded(e.text());
  } catch (const StoreError& e) {
    return not_loaded(e.text());
  } catch (const std::exception& e) {
    return refused(ui::format(S::package_not_loaded, e.what()));
  }
  pending_trust_.clear();
  std::size_t teams = 0;
  for (const auto& e : p.roster) teams += e.teams.size();
  return {true, true,
          ui::format(S::package_loaded, p.name.c_str(), static_cast<int>(found.size()), static_cast<int>(p.roster.size()),
                     static_cast<int>(teams))};
}

FolderLoad load_into_data_dir(const std::string& data_dir, const std::string& folder, std::int64_t unix_ms) {
  KioskFiles files = open_kiosk_files(data_dir);
  PackageLoader loader(data_dir, files.store, files.bank);
  return loader.load_folder(folder, unix_ms);
}

}  // namespace ankang::kiosk
