#include "kiosk/bundle_export.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <tuple>

#include "kiosk/device_key.h"
#include "question_bank/bank.h"
#include "results/bundle.h"
#include "results/codec.h"
#include "results/error.h"
#include "ui/strings.h"

namespace ankang::kiosk {

namespace {

constexpr std::size_t kMaxResponseBytes = 255;  // results::PayloadLimits::max_response_bytes

std::string joined(const std::vector<int>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += '|';
    out += items[i] < 0 ? "-" : std::to_string(items[i] + 1);
  }
  return out;
}

// Cut at a UTF-8 character boundary.
std::string capped(std::string s) {
  if (s.size() <= kMaxResponseBytes) return s;
  std::size_t n = kMaxResponseBytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
  return s;
}

results::Uuid uuid_from_text(const std::string& text) {
  results::Bytes bytes;
  results::Uuid out{};
  if (!results::from_hex(text, bytes) || bytes.size() != out.size())
    throw ExportError(ui::format(ui::S::answer_id_damaged, text.c_str()));
  std::copy(bytes.begin(), bytes.end(), out.begin());
  return out;
}

// Full marks of the attempt's paper, from its stored config.
std::int32_t max_centipoints(const ExportAttempt& a) {
  const auto j = nlohmann::json::parse(a.config_json);
  const int count = std::min(j.at("question_count").get<int>(), static_cast<int>(a.question_ids.size()));
  return count * j.at("points").get<int>() * 100;
}

}  // namespace

std::string compact_response(const Question& q, const Response& r) {
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple: {
      std::string out;
      for (int i = 0; i < 26; ++i)
        if (r.choices & (std::uint64_t{1} << i)) out += static_cast<char>('A' + i);
      return out;
    }
    case QuestionType::true_false:
      return r.truth ? "T" : "F";
    case QuestionType::fill_blank: {
      std::string out;
      for (std::size_t i = 0; i < r.texts.size(); ++i) out += (i ? "|" : "") + r.texts[i];
      return capped(out);
    }
    case QuestionType::ordering:
      return capped(joined(r.order));
    case QuestionType::matching:
      return capped(joined(r.matches));
    case QuestionType::hotspot:
      return r.taps.empty() ? "" : std::to_string(r.taps.front().x) + "," + std::to_string(r.taps.front().y);
  }
  return "";
}

results::BundlePayload to_payload(const std::vector<ExportAttempt>& attempts, const std::string& contest_id,
                                  const CategoryOf& category_of, const std::vector<ExportHostContest>& host_contests) {
  results::BundlePayload p;
  std::map<std::string, std::uint32_t> question_index;
  std::map<std::tuple<std::string, std::string>, std::uint32_t> worker_index;  // (USCC, employee no)
  for (const ExportAttempt& a : attempts) {
    if (a.uscc.empty())
      throw ExportError(ui::format(ui::S::enterprise_without_uscc, a.enterprise.c_str()));
    const auto key = std::make_tuple(a.uscc, a.employee_no);
    auto w = worker_index.find(key);
    if (w == worker_index.end()) {
      w = worker_index.emplace(key, static_cast<std::uint32_t>(p.workers.size())).first;
      p.workers.push_back({a.employee_no, a.name, a.team, a.uscc});
    }
    results::Attempt t;
    t.worker = w->second;
    t.contest_id = contest_id;
    t.paper_seed = a.seed;
    t.started_at_ms = a.started_at_ms;
    t.ended_at_ms = std::max(a.finished_at_ms, a.started_at_ms);
    t.max_centipoints = max_centipoints(a);
    for (const ExportAnswer& x : a.answers) {
      if (x.question < 0 || x.question >= static_cast<int>(a.question_ids.size())) continue;
      const std::string& qid = a.question_ids[static_cast<std::size_t>(x.question)];
      auto q = question_index.find(qid);
      if (q == question_index.end()) {
        q = question_index.emplace(qid, static_cast<std::uint32_t>(p.questions.size())).first;
        p.questions.push_back({qid, category_of(qid)});
      }
      results::AnswerRecord r;
      r.uuid = uuid_from_text(x.uuid);
      r.question = q->second;
      r.response = capped(x.response);
      r.correct_permille = static_cast<std::uint16_t>(std::clamp(x.credit, 0, 1000));
      r.centipoints = x.points * 100;
      r.shown_ms = static_cast<std::uint32_t>(std::max<Millis>(0, x.shown_ms));
      r.latency_ms = static_cast<std::uint32_t>(std::max<Millis>(0, x.latency_ms));
      t.answers.push_back(std::move(r));
    }
    p.attempts.push_back(std::move(t));
  }
  for (const ExportHostContest& c : host_contests) {
    if (c.enterprise_uscc.empty())
      throw ExportError(ui::tr(ui::S::host_enterprise_without_uscc));
    for (const HostTeamResult& team : c.teams) {
      results::TeamResult r;
      r.contest = uuid_from_text(c.uuid);
      r.team = team.team;
      r.enterprise_uscc = c.enterprise_uscc;
      r.rank = static_cast<std::uint32_t>(std::max(1, team.rank));
      r.centipoints = team.points * 100;
      r.correct = static_cast<std::uint32_t>(std::max(0, team.correct));
      r.fouls = static_cast<std::uint32_t>(std::max(0, team.fouls));
      r.paper_seed = c.seed;
      r.started_at_ms = c.started_at_ms;
      r.ended_at_ms = std::max(c.finished_at_ms, c.started_at_ms);
      p.team_results.push_back(std::move(r));
    }
  }
  return p;
}

namespace {

// A signed bundle and what the store records once its file is in place.
struct Signed {
  std::uint64_t sequence = 0;
  results::Bytes bytes;
  std::vector<std::int64_t> attempt_ids;
  std::vector<std::int64_t> host_contest_ids;
  int answers = 0;
};

std::string pending_text(const Signed& b) {
  return nlohmann::json{{"sequence", b.sequence},
                        {"bytes", results::to_hex(b.bytes)},
                        {"attempts", b.attempt_ids},
                        {"host_contests", b.host_contest_ids},
                        {"answers", b.answers}}
      .dump();
}

// The pending bundle of the store when it is the one after the last
// recorded: a stale or unreadable one is ignored (a new one is signed).
std::optional<Signed> pending_of(const Store& store, std::uint64_t next_sequence) {
  const auto text = store.pending_bundle();
  if (!text) return std::nullopt;
  const auto j = nlohmann::json::parse(*text, nullptr, false);
  if (!j.is_object() || !j.contains("sequence") || !j.contains("bytes") || !j.contains("attempts")) return std::nullopt;
  Signed b;
  try {
    b.sequence = j.at("sequence").get<std::uint64_t>();
    b.attempt_ids = j.at("attempts").get<std::vector<std::int64_t>>();
    b.answers = j.value("answers", 0);
    if (j.contains("host_contests")) b.host_contest_ids = j.at("host_contests").get<std::vector<std::int64_t>>();
    if (!results::from_hex(j.at("bytes").get<std::string>(), b.bytes)) return std::nullopt;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  if (b.sequence != next_sequence) return std::nullopt;
  return b;
}

// Puts the bundle in the folder (temporary name, fsync, rename, fsync of the
// folder) and records it.
ExportResult place(Store& store, const results::KeyPair& key, const Signed& b, const std::string& folder,
                   std::int64_t now_unix_ms) {
  namespace fs = std::filesystem;
  const auto device = results::device_id_of(key.public_key);
  char name[64];
  std::snprintf(name, sizeof name, "kiosk-%s-%06llu.ankb",
                results::to_hex(std::span<const std::uint8_t>(device.data(), 4)).c_str(),
                static_cast<unsigned long long>(b.sequence));
  const std::string file = (fs::path(folder) / name).string();
  try {
    results::write_file_atomic(file, b.bytes);
  } catch (const results::ResultsError& e) {
    throw ExportError(ui::format(ui::S::cannot_write_bundle, folder.c_str(), ui::tr(e.text()).c_str()));
  }
  // The kiosk's public key beside its bundles, so the organiser can register
  // the kiosk from the same stick (after comparing the fingerprint with the
  // admin screen's). Not needed for the bundle itself: a failure is ignored.
  std::snprintf(name, sizeof name, "kiosk-%s.pub", results::to_hex(std::span<const std::uint8_t>(device.data(), 4)).c_str());
  const std::string pub = (fs::path(folder) / name).string();
  if (std::error_code ec; !fs::exists(pub, ec)) {
    const std::string hex = results::to_hex(key.public_key) + "\n";
    try {
      results::write_file_atomic(pub, std::span(reinterpret_cast<const std::uint8_t*>(hex.data()), hex.size()));
    } catch (const results::ResultsError&) {
    }
  }
  // Should this fail, the file stays: the next export writes the same bytes
  // under the same number, so the organiser never sees two versions of it.
  store.mark_exported({b.sequence, results::to_hex(results::blake2b(b.bytes))}, file, b.answers, b.attempt_ids,
                      now_unix_ms, b.host_contest_ids);
  return {file, b.sequence, static_cast<int>(b.attempt_ids.size()), b.answers,
          static_cast<int>(b.host_contest_ids.size())};
}

}  // namespace

ExportResult export_bundle(Store& store, const results::KeyPair& key, const std::string& contest_id,
                           const CategoryOf& category_of, const std::string& folder, std::int64_t now_unix_ms) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(folder, ec))
    throw ExportError(ui::format(ui::S::no_export_folder, folder.c_str()));

  // A bundle signed before but never recorded goes out first, byte for byte.
  std::optional<ExportResult> earlier;
  if (const auto pending = pending_of(store, store.last_bundle().sequence + 1))
    earlier = place(store, key, *pending, folder, now_unix_ms);

  const auto attempts = store.unexported_attempts();
  const auto host_contests = store.unexported_host_contests();
  if (attempts.empty() && host_contests.empty()) {
    if (earlier) return *earlier;
    throw ExportError(ui::tr(ui::S::nothing_to_export));
  }
  const results::BundlePayload payload = to_payload(attempts, contest_id, category_of, host_contests);

  const BundleLink last = store.last_bundle();
  results::Hash previous{};
  if (last.sequence > 0) {
    results::Bytes bytes;
    if (!results::from_hex(last.hash_hex, bytes) || bytes.size() != previous.size())
      throw ExportError(ui::tr(ui::S::previous_bundle_damaged));
    std::copy(bytes.begin(), bytes.end(), previous.begin());
  }
  Signed b;
  b.sequence = last.sequence + 1;
  b.bytes = results::write_bundle(contest_id, b.sequence, previous, payload, key);
  b.answers = static_cast<int>(payload.answer_count());
  for (const ExportAttempt& a : attempts) b.attempt_ids.push_back(a.id);
  for (const ExportHostContest& c : host_contests) b.host_contest_ids.push_back(c.id);
  // Kept before any file reaches the folder: this number now means these bytes.
  store.set_pending_bundle(pending_text(b));
  return place(store, key, b, folder, now_unix_ms);
}

CategoryOf categories_of(const bank::Bank& bank) {
  return [&bank](const std::string& id) {
    const auto q = bank.get(id);
    return q ? join_category(q->category) : std::string();
  };
}

std::string contest_id_of(const Store& store) { return store.setting("contest_id").value_or(kDefaultContestId); }

ExportResult export_data_dir(const std::string& data_dir, const std::string& folder, std::int64_t now_unix_ms) {
  Store store = Store::open(data_dir + "/kiosk.db");
  const bank::Bank bank = bank::Bank::open(data_dir + "/bank.db");
  return export_bundle(store, load_device_key(data_dir), contest_id_of(store), categories_of(bank), folder,
                       now_unix_ms);
}

}  // namespace ankang::kiosk
