// The organiser store: one SQLite file (WAL, synchronous=FULL, foreign
// keys on) holding registered kiosks and enterprises, imported bundles and
// the aggregates the reports read. Schema in results/sql/, applied in order
// by PRAGMA user_version.
#pragma once

#include <map>
#include <optional>
#include <tuple>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/question.h"
#include "results/bundle.h"
#include "storage/sqlite.h"

namespace ankang::results {

// The organiser store speaks SQL through the shared storage layer.
using storage::Database;
using storage::Savepoint;
using storage::Statement;

// "district" (属地), "industry" (产业（行业）系统), "federation" (企业联合会).
std::optional<std::string> parse_affiliation(std::string_view text);
std::string affiliation_zh(std::string_view code);

struct Enterprise {
  std::string uscc;         // normalised
  std::string name;
  std::string affiliation;  // a code of parse_affiliation
  std::string unit;         // the organising unit it registered with
  std::int64_t headcount = 0;
  bool registered = true;   // false: known only from results
};

struct ImportOutcome {
  enum class Status { imported, already_imported, refused };
  std::string source;  // file name, for messages
  Status status = Status::refused;
  Text reason;         // why it was refused
  int attempts = 0;    // attempts added
  int answers = 0;     // answers added
  std::vector<Text> notes;  // unregistered enterprises, a broken hash chain
};

class OrganiserStore {
 public:
  // Opens (creating if needed) and migrates to the newest schema.
  explicit OrganiserStore(const std::string& path);

  int schema_version();
  Database& db() { return db_; }

  // Kiosks. add_device throws when the key is already registered.
  DeviceId add_device(const PublicKey& key, const std::string& label);
  std::optional<PublicKey> device_key(const DeviceId& id);
  DeviceLookup lookup();

  // Validates and normalises, then registers. Refuses a wrong USCC (unless
  // allowlisted) naming the expected check character, and a second
  // registration of the same USCC naming the first (不能重复报名).
  void add_enterprise(Enterprise e);
  void allow_uscc(const std::string& code, const std::string& note);
  std::optional<Enterprise> enterprise(const std::string& uscc);

  // Verifies and imports one bundle, all or nothing. Importing it again adds
  // nothing; an answer id already stored with other content refuses it.
  // Refusals are returned; a database error (disk full...) throws.
  ImportOutcome import_bundle(std::span<const std::uint8_t> bytes, const std::string& source,
                              const VerifyOptions& options = {});
  // For each device, the sequence numbers missing below its highest.
  std::vector<Text> sequence_gaps();

  // Groups many imports into one commit (each bundle stays all or nothing).
  void begin_batch();
  void commit_batch();

 private:
  // The connection, a ResultsError naming the file if it cannot be opened.
  static Database open(const std::string& path);
  void migrate();
  // For each attempt of the bundle, whether it is stored already (exported
  // again); throws ResultsError for an answer id stored with other content.
  std::vector<bool> repeated_attempts(const Bundle& b);
  void import_payload(const Bundle& b, const std::vector<bool>& repeated, ImportOutcome& out);
  void flush_moments();  // writes the pending question and category sums
  std::int64_t question_id(const QuestionRef& q);
  std::int64_t worker_id(const Worker& w, ImportOutcome& out);

  Database db_;
  std::unordered_map<std::string, std::int64_t> questions_;  // uuid -> id
  std::unordered_map<std::string, std::int64_t> workers_;    // uscc + '\n' + employee_no -> id
  std::unordered_map<std::string, std::int64_t> teams_;      // uscc + '\n' + team -> id
  std::unordered_map<std::string, PublicKey> devices_;       // hex id -> key
  // Sums of answer correctness (x) and attempt score (s) not yet written.
  struct Moments {
    std::int64_t n = 0;
    double x = 0, xx = 0, s = 0, ss = 0, xs = 0;
  };
  std::map<std::pair<std::int64_t, int>, Moments> pending_questions_;                   // (question id, year)
  std::map<std::tuple<std::string, std::string, int>, Moments> pending_categories_;  // (uscc, category, year)
};

// The calendar year of a unix-ms instant in China Standard Time (UTC+8).
int china_year(std::int64_t unix_ms);

}  // namespace ankang::results
