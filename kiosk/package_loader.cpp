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

namespace ankang::kiosk {

namespace fs = std::filesystem;

namespace {

FolderLoad refused(std::string message) { return {false, false, std::move(message)}; }

// Every problem of a parsed question file, one located line each.
std::string problems_of(const bank::ParseResult& parsed) {
  std::string out;
  for (const auto& d : parsed.file_errors) out += bank::format_diagnostic(d, true) + "\n";
  for (const auto& r : parsed.rejected)
    for (const auto& d : r.reasons) out += bank::format_diagnostic(d, true) + "\n";
  return out;
}

}  // namespace

PackageLoader::PackageLoader(std::string data_dir, Store& store, bank::Bank& bank)
    : data_dir_(std::move(data_dir)), store_(store), bank_(bank) {}

FolderLoad PackageLoader::load_folder(const std::string& folder, std::int64_t unix_ms) {
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(folder, ec)) return refused("找不到文件夹 / no such folder: " + folder);
  std::vector<std::string> packages;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (std::error_code e2; it->path().extension() == ".ankpkg" && it->is_regular_file(e2)) packages.push_back(it->path().string());
  if (ec) return refused("无法读取文件夹 " + folder + "：" + ec.message() + " / cannot read the folder: " + ec.message());
  if (packages.size() > 1)
    return refused("文件夹中有 " + std::to_string(packages.size()) + " 个竞赛包，请只留一个 / the folder holds " +
                   std::to_string(packages.size()) + " contest packages: keep one");
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
      if (bank::detect_format(path, {})) problems += "无法读取文件 / cannot read " + path + "\n";
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
  if (!problems.empty()) return refused("题库文件有错误，未导入任何题目：\n" + problems);
  if (files == 0 || found.empty()) return refused("文件夹中没有题库文件 / no question files in " + folder);
  try {
    const auto outcome = bank_.insert(found);
    return {true, false,
            "已导入 " + std::to_string(outcome.inserted) + " 题，重复 " + std::to_string(outcome.duplicates) + " 题"};
  } catch (const bank::BankError& e) {
    return refused(e.what());
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
      why = "本机没有组织单位公钥：请把 organiser.pub 放进数据目录 " + data_dir_ +
            " 或与竞赛包放在同一文件夹 / this kiosk has no organiser key: put organiser.pub in " + data_dir_ +
            " or beside the package";
      return std::nullopt;
    }
    const results::PublicKey key = results::read_public_key(offered);
    const std::string print = results::fingerprint(key);
    if (pending_trust_ != print) {
      pending_trust_ = print;
      why = "首次加载竞赛包：组织单位公钥指纹为 " + print +
            "。与组织单位核对一致后，再点一次“从文件夹导入”信任此公钥并加载。/ First package: the organiser key's "
            "fingerprint is " + print + ". Check it with the organiser, then tap load again to trust it.";
      return std::nullopt;
    }
    return key;
  } catch (const results::ResultsError& e) {
    why = e.text().zh + " / " + e.text().en;
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
    return refused("竞赛包未加载：" + e.text().zh + " / package not loaded: " + e.text().en);
  }
  const auto parsed = bank::parse_questions(file + "#questions", p.bank_subset, bank::Format::json);
  std::string problems = problems_of(parsed);
  std::vector<Question> found;
  for (const auto& q : parsed.questions) found.push_back(q.question);
  std::vector<std::string> ids;
  for (const auto& q : found) ids.push_back(q.id);
  if (problems.empty() && ids != p.question_ids) problems = file + "：题目与题目清单不符 / the questions differ from the package's list\n";
  const io::LoadedConfig config = io::parse_config(p.config_json);
  if (!config.ok()) problems += io::describe_problems(file + "#config", config.problems, true);
  if (!problems.empty()) return refused("竞赛包有错误，未加载：\n" + problems);
  // Bundles carry one contest id: what was answered under the previous
  // contest leaves in a bundle of its own first.
  if (p.contest_id != contest_id_of(store_) && !store_.unexported_attempts().empty())
    return refused("还有未导出的成绩：请先导出成绩包，再加载新竞赛 / export the score bundle before loading a new contest");
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
  } catch (const std::exception& e) {
    // ResultsError, BankError or StoreError: the transaction that failed took nothing.
    return refused(std::string("竞赛包未加载 / package not loaded: ") + e.what());
  }
  pending_trust_.clear();
  std::size_t teams = 0;
  for (const auto& e : p.roster) teams += e.teams.size();
  return {true, true,
          "已加载竞赛“" + p.name + "”：" + std::to_string(found.size()) + " 道题，" + std::to_string(p.roster.size()) +
              " 家企业，" + std::to_string(teams) + " 个班组 / loaded " + p.contest_id};
}

FolderLoad load_into_data_dir(const std::string& data_dir, const std::string& folder, std::int64_t unix_ms) {
  KioskFiles files = open_kiosk_files(data_dir);
  PackageLoader loader(data_dir, files.store, files.bank);
  return loader.load_folder(folder, unix_ms);
}

}  // namespace ankang::kiosk
