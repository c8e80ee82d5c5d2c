// The organiser store: one SQLite file (WAL, synchronous=FULL, foreign
// keys on) holding registered kiosks and enterprises, imported bundles and
// the aggregates the reports read. Schema in results/sql/, applied in order
// by PRAGMA user_version.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <tuple>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/question.h"
#include "results/bundle.h"
#include "results/rollup.h"
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
  int team_results = 0;  // team contest standings added
  std::vector<Text> notes;  // unregistered enterprises, a broken hash chain
};

// A roll-up's import: what any import tells, and the unit's registrations.
struct RollupOutcome : ImportOutcome {
  std::string fingerprint;  // of the unit key (also when refused, once the header could be read)
  std::string unit_label;
  std::int64_t exported_at_ms = 0;
  int registrations = 0;    // the unit's registrations taken from this file
  bool superseded = false;  // a newer export of the unit came first: its registrations stand
  std::vector<DuplicateRegistration> duplicates;  // this file's enterprises another unit registers too
};

// A registered kiosk and what the store holds from it.
struct RegisteredDevice {
  DeviceId id{};
  std::string fingerprint;
  std::string label;
  std::int64_t added_at = 0;
  int bundles = 0;                 // imported
  std::int64_t last_sequence = 0;  // 0: none yet
};

// What the store holds, in a few numbers (the console's home page).
struct StoreCounts {
  std::int64_t enterprises = 0;  // registered
  std::int64_t unregistered = 0; // seen only in results
  std::int64_t devices = 0;
  std::int64_t bundles = 0;
  std::int64_t attempts = 0;
  std::int64_t answers = 0;
};

// A team's final standing in a host-mode team contest (班组赛), as stored.
struct StoredTeamResult {
  Uuid contest{};              // the host contest; its teams share it
  std::string contest_id;      // the bundle's contest
  std::string team;
  std::string uscc;
  std::string enterprise;      // registered name; empty when unregistered
  bool registered = false;     // registered for the contest's year; false: flagged 未登记企业
  std::int64_t rank = 0;
  std::int64_t centipoints = 0;
  std::int64_t correct = 0;
  std::int64_t fouls = 0;
  std::int64_t started_at_ms = 0;
  std::int64_t ended_at_ms = 0;
};

// Binds an enterprise's USCC, name, affiliation, unit and headcount (an
// Enterprise or a roll-up's registration) to five parameters from `first`.
template <class E>
Statement& bind_enterprise(Statement& s, int first, const E& e) {
  return s.bind(first, e.uscc).bind(first + 1, e.name).bind(first + 2, e.affiliation).bind(first + 3, e.unit).bind(first + 4, e.headcount);
}

// Commands that only read a store refuse a file that is not there: a
// mistyped path would otherwise make a new, empty store and report zeros.
// Throws ResultsError naming the path.
void require_store_file(const std::string& path);

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

  // Validates and normalises, then registers the enterprise for a contest
  // year. Refuses a wrong USCC (unless allowlisted) naming the expected
  // check character, and the same USCC registered that year under another
  // unit, naming the first (不能重复报名). Under the same unit the
  // registration takes the new figures (a corrected list).
  enum class RegistrationChange { added, updated, unchanged };
  RegistrationChange add_enterprise(Enterprise e, int year);
  // The enterprises registered for the year, by USCC: the year's
  // registrations, and a unit's roll-up registrations (a city's store),
  // which carry no year and count in every year.
  std::map<std::string, Enterprise> year_registrations(int year);
  // Years with at least one registration made in this store, newest first.
  std::vector<int> registration_years();
  void allow_uscc(const std::string& code, const std::string& note);
  std::optional<Enterprise> enterprise(const std::string& uscc);
  // Every enterprise, registered ones first, by unit and name
  // (results/store_lists.cpp, as the two below).
  std::vector<Enterprise> enterprises();
  std::vector<RegisteredDevice> devices();
  StoreCounts counts();

  // Verifies and imports one bundle, all or nothing. Importing it again adds
  // nothing; an answer id already stored with other content refuses it.
  // Refusals are returned; a database error (disk full...) throws.
  ImportOutcome import_bundle(std::span<const std::uint8_t> bytes, const std::string& source,
                              const VerifyOptions& options = {});
  // Team contest standings of a year (China time of the start; every year
  // when none is given), contest by contest in start order, each by rank.
  std::vector<StoredTeamResult> team_results(std::optional<int> year = std::nullopt);
  // For each device, the sequence numbers missing below its highest.
  std::vector<Text> sequence_gaps();

  // Groups many imports into one commit (each bundle or roll-up stays all
  // or nothing).
  void begin_batch();
  void commit_batch();

  // [SECTION] City roll-up (results/store_rollup.cpp; the file in results/rollup.h)
  //
  // Organising units whose roll-ups this store accepts, by their organiser
  // public key. add_unit throws when the key is already registered.
  void add_unit(const PublicKey& key, const std::string& label);
  bool unit_registered(const PublicKey& key);
  std::vector<RegisteredUnit> units();
  // Verifies and imports one unit's roll-up, all or nothing, through the
  // same merge as bundles: the same file again adds nothing, a newer export
  // adds only what is new, an answer or team result stored with other
  // content refuses the whole file. The unit's registrations replace those
  // of its older exports. Refusals are returned; a database error throws.
  RollupOutcome import_rollup(std::span<const std::uint8_t> bytes, const std::string& source,
                              const RollupVerifyOptions& options = {});
  // Every registration of the enterprise, the counted one first.
  std::vector<Registration> registrations(const std::string& uscc);
  // 重复报名: enterprises registered by two or more units (two unit keys,
  // or two 组织单位), by USCC.
  std::vector<DuplicateRegistration> duplicate_registrations();

 private:
  // Records to merge and where they came from: a kiosk's bundle or a
  // unit's roll-up. One code path stores both.
  struct RecordBatch {
    const BundlePayload& payload;
    const Hash& source_hash;  // the file that brings them, kept with each attempt and team result
    // The contest of each team result: one for all (a bundle's header) or one each (a roll-up).
    std::span<const std::string> team_contest_ids;
    Text file_kind;  // {"成绩包", "bundle"}, for messages
    const std::string& team_contest_id(std::size_t i) const { return team_contest_ids[team_contest_ids.size() == 1 ? 0 : i]; }
  };
  // Ids a batch's rows will take, found or chosen before anything is
  // written, so the answers can go in first.
  struct Plan {
    std::vector<std::int64_t> questions;     // id of each of the bundle's questions
    std::vector<bool> new_question;          // not stored yet: inserted with the bundle
    std::vector<std::int64_t> attempts;      // id of each attempt; 0 for one stored before
    std::vector<std::int32_t> enterprises;   // interned USCC of each worker
    std::vector<std::size_t> new_team_results;  // indexes of the team results not stored yet
  };

  // The connection, a ResultsError naming the file if it cannot be opened.
  static Database open(const std::string& path);
  void migrate();
  // Merges a batch of records: plan, the team-result check, the answers,
  // then `record_file` (the caller's row for the file, and anything else of
  // it that must be in before the workers: a roll-up's registrations), then
  // workers, attempts, aggregates and team results, and commits `tx` when
  // the import runs alone. A refusal is the outcome's reason, with nothing
  // of the batch written; else the outcome says imported.
  void merge_records(const RecordBatch& batch, ImportOutcome& out, std::optional<storage::Transaction>& tx,
                     const std::function<void()>& record_file);
  Plan plan(const RecordBatch& batch);
  // Inserts every answer, each id checked by the answers' primary key. An
  // id stored with other content, or an attempt stored only in part, takes
  // back what this batch inserted and gives the reason.
  std::optional<Text> insert_answers(const RecordBatch& batch, Plan& plan);
  // The answers' INSERT for this many rows, prepared on first use.
  Statement& insert_rows(std::size_t rows);
  static constexpr std::size_t kRowsPerInsert = 32;
  // Reads only: a team result stored (or listed twice in the batch) under
  // the same key with other content refuses the batch. Fills
  // plan.new_team_results with the ones to insert.
  std::optional<Text> check_team_results(const RecordBatch& batch, Plan& plan);
  void import_payload(const RecordBatch& batch, const Plan& plan, ImportOutcome& out);
  void insert_team_results(const RecordBatch& batch, const Plan& plan, ImportOutcome& out);
  // A roll-up's registrations replace the unit's older ones, unless a newer
  // export of the unit was imported before (store_rollup.cpp).
  void take_registrations(const Rollup& rollup, RollupOutcome& out);
  // Points the enterprise's row at the registration the totals count: one
  // made in this store, else the first imported; none left: unregistered.
  void count_registration(const std::string& uscc);
  // Makes sure the enterprise has a row; an unknown one is kept as
  // unregistered and noted in the outcome.
  void ensure_enterprise(const std::string& uscc, ImportOutcome& out);
  void flush_moments();  // writes the pending question, category and histogram sums
  std::int64_t worker_id(const Worker& w, const std::string& uscc, ImportOutcome& out);
  std::int32_t intern(const std::string& name);
  void forget_cached_ids();  // after a rollback

  Database db_;
  std::vector<Statement*> insert_rows_;  // by row count; owned by db_'s statement cache
  std::unordered_map<std::string, std::int64_t> questions_;  // uuid -> id
  std::unordered_map<std::string, std::int64_t> workers_;    // uscc + '\n' + employee_no -> id
  std::unordered_map<std::string, std::int64_t> teams_;      // uscc + '\n' + team -> id
  std::unordered_map<std::string, bool> enterprises_;        // uscc -> has a row
  std::unordered_map<std::string, PublicKey> devices_;       // hex id -> key
  // USCCs and categories as small numbers for the in-memory sums.
  std::unordered_map<std::string, std::int32_t> names_;
  std::vector<std::string> name_list_;
  // Sums of answer correctness (x) and attempt score (s) not yet written.
  struct Moments {
    std::int64_t n = 0;
    double x = 0, xx = 0, s = 0, ss = 0, xs = 0;
    void add(double x, double s);
  };
  std::map<std::pair<std::int64_t, int>, Moments> pending_questions_;                   // (question id, year)
  std::map<std::tuple<std::int32_t, std::int32_t, int>, Moments> pending_categories_;  // (uscc, category, year), interned
  std::map<std::pair<int, std::int64_t>, std::int64_t> pending_histogram_;           // (year, bucket) -> attempts
};

// The calendar year of a unix-ms instant in China Standard Time (UTC+8).
int china_year(std::int64_t unix_ms);
// This year in China: the contest year a registration is for unless given.
int current_contest_year();
// "2026-06-21": the calendar day in China Standard Time of a unix-ms instant.
std::string china_date(std::int64_t unix_ms);

}  // namespace ankang::results
