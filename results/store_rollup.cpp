// The city's side of the organiser store: registered unit keys, roll-up
// imports through the store's one merge of records, and the registrations
// of enterprises by units, with the 重复报名 among them.
//
// An enterprise's row in `enterprises` is the registration the totals count,
// so an enterprise is never counted twice: one made in this store (`ankang
// enterprise add`), else the first imported from a roll-up (the lowest
// registrations.id; a unit's newer export keeps the id of a registration it
// lists again). Every unit's registration is kept in `registrations`.
#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

#include "results/error.h"
#include "results/blob.h"
#include "results/store.h"

namespace ankang::results {

namespace {

PublicKey key_from(std::span<const std::uint8_t> blob) { return array_from_blob<std::tuple_size_v<PublicKey>>(blob); }

}  // namespace

// [SECTION] Units

void OrganiserStore::add_unit(const PublicKey& key, const std::string& label) {
  if (unit_registered(key))
    throw ResultsError("该组织单位密钥已登记（指纹 " + fingerprint(key) + "）",
                       "this unit key is already registered (fingerprint " + fingerprint(key) + ")");
  db_.prepare("INSERT INTO units (public_key, label, added_at) VALUES (?, ?, ?)")
      .bind(1, key)
      .bind(2, label)
      .bind(3, static_cast<std::int64_t>(std::time(nullptr)))
      .run();
}

bool OrganiserStore::unit_registered(const PublicKey& key) {
  auto& s = db_.cached("SELECT 1 FROM units WHERE public_key = ?");
  s.bind(1, key);
  const bool found = s.step();
  s.reset();
  return found;
}

std::vector<RegisteredUnit> OrganiserStore::units() {
  auto s = db_.prepare(
      "SELECT u.public_key, u.label, u.added_at, "
      "(SELECT count(*) FROM rollups r WHERE r.unit_key = u.public_key), "
      "(SELECT coalesce(max(exported_at_ms), 0) FROM rollups r WHERE r.unit_key = u.public_key), "
      "(SELECT count(*) FROM registrations g WHERE g.unit_key = u.public_key) "
      "FROM units u ORDER BY u.added_at, u.label, u.public_key");
  std::vector<RegisteredUnit> list;
  while (s.step()) {
    RegisteredUnit u;
    u.key = key_from(s.blob(0));
    u.fingerprint = fingerprint(u.key);
    u.label = s.text(1);
    u.added_at = s.int64(2);
    u.rollups = static_cast<int>(s.int64(3));
    u.newest_export_ms = s.int64(4);
    u.registrations = static_cast<int>(s.int64(5));
    list.push_back(std::move(u));
  }
  return list;
}

// [SECTION] Import

RollupOutcome OrganiserStore::import_rollup(std::span<const std::uint8_t> bytes, const std::string& source,
                                            const RollupVerifyOptions& options) {
  RollupOutcome out;
  out.source = source;
  Rollup r;
  try {
    r = read_rollup(bytes, [this](const PublicKey& key) { return unit_registered(key); }, options);
  } catch (const ResultsError& e) {
    out.reason = e.text();
    try {  // which unit it claims to be, for the message
      const auto header = parse_rollup_header(bytes);
      out.fingerprint = fingerprint(header.unit_key);
      out.exported_at_ms = header.exported_at_ms;
    } catch (const ResultsError&) {
    }
    return out;
  }
  out.fingerprint = fingerprint(r.header.unit_key);
  out.exported_at_ms = r.header.exported_at_ms;
  {
    auto label = db_.prepare("SELECT label FROM units WHERE public_key = ?");
    label.bind(1, r.header.unit_key);
    if (label.step()) out.unit_label = label.text(0);
  }
  auto duplicates_of_file = [&] {
    std::set<std::string_view> listed;
    for (const auto& e : r.payload.enterprises) listed.insert(e.uscc);
    for (auto& d : duplicate_registrations())
      if (listed.contains(d.uscc)) out.duplicates.push_back(std::move(d));
  };

  // Alone, the roll-up is its own transaction; inside a batch its writes join the batch's.
  std::optional<storage::Transaction> tx;
  if (sqlite3_get_autocommit(db_.handle())) tx.emplace(db_);
  auto& seen = db_.cached("SELECT hash FROM rollups WHERE hash = ? OR (unit_key = ? AND exported_at_ms = ?)");
  seen.bind(1, r.hash).bind(2, r.header.unit_key).bind(3, r.header.exported_at_ms);
  if (seen.step()) {
    const bool same = std::ranges::equal(seen.blob(0), r.hash);
    seen.reset();
    if (!same) {
      out.reason = {"该组织单位已有另一个导出时间相同的汇总包（" + china_date(r.header.exported_at_ms) + "）",
                    "this unit already has another roll-up exported at the same time (" + china_date(r.header.exported_at_ms) + ")"};
      return out;
    }
    out.status = ImportOutcome::Status::already_imported;
    duplicates_of_file();
    return out;
  }
  seen.reset();

  const RecordBatch batch{r.payload.records, r.hash, r.payload.team_contest_ids, {"汇总包", "roll-up"}};
  merge_records(batch, out, tx, [&] {
    db_.cached(
           "INSERT INTO rollups (hash, unit_key, exported_at_ms, enterprises, attempts, answers, team_results, imported_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, r.hash)
        .bind(2, r.header.unit_key)
        .bind(3, r.header.exported_at_ms)
        .bind(4, std::int64_t{r.header.enterprise_count})
        .bind(5, std::int64_t{r.header.attempt_count})
        .bind(6, std::int64_t{r.header.answer_count})
        .bind(7, std::int64_t{r.header.team_result_count})
        .bind(8, static_cast<std::int64_t>(std::time(nullptr)))
        .run();
    take_registrations(r, out);
  });
  if (out.status == ImportOutcome::Status::imported) duplicates_of_file();
  return out;
}

// [SECTION] Registrations

void OrganiserStore::take_registrations(const Rollup& r, RollupOutcome& out) {
  const auto& key = r.header.unit_key;
  {
    auto newest = db_.prepare("SELECT max(exported_at_ms) FROM rollups WHERE unit_key = ? AND hash != ?");
    newest.bind(1, key).bind(2, r.hash);
    if (newest.step() && !newest.is_null(0) && newest.int64(0) > r.header.exported_at_ms) {
      out.superseded = true;
      return;
    }
  }
  // The unit's registrations before this file; what it no longer lists goes.
  std::map<std::string, std::int64_t> dropped;
  {
    auto before = db_.prepare("SELECT uscc, id FROM registrations WHERE unit_key = ?");
    before.bind(1, key);
    while (before.step()) dropped[before.text(0)] = before.int64(1);
  }
  // A registration listed again keeps its id, so its place in the import order.
  auto& upsert = db_.cached(
      "INSERT INTO registrations (unit_key, uscc, name, affiliation, unit, headcount, rollup_hash) VALUES (?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (unit_key, uscc) DO UPDATE SET name = excluded.name, affiliation = excluded.affiliation, "
      "unit = excluded.unit, headcount = excluded.headcount, rollup_hash = excluded.rollup_hash");
  for (const auto& e : r.payload.enterprises) {
    bind_enterprise(upsert.bind(1, key), 2, e).bind(7, r.hash).run();
    dropped.erase(e.uscc);
    count_registration(e.uscc);
  }
  for (const auto& [uscc, id] : dropped) {
    db_.cached("UPDATE enterprises SET registered = 0, registration_id = NULL WHERE registration_id = ?").bind(1, id).run();
    db_.cached("DELETE FROM registrations WHERE id = ?").bind(1, id).run();
    count_registration(uscc);
  }
  out.registrations = static_cast<int>(r.payload.enterprises.size());
}

void OrganiserStore::count_registration(const std::string& uscc) {
  auto& row = db_.cached("SELECT registered, registration_id IS NULL FROM enterprises WHERE uscc = ?");
  row.bind(1, uscc);
  const bool exists = row.step();
  const bool made_here = exists && row.int64(0) == 1 && row.int64(1) == 1;
  row.reset();
  if (made_here) return;
  auto& first = db_.cached("SELECT id, name, affiliation, unit, headcount FROM registrations WHERE uscc = ? ORDER BY id LIMIT 1");
  first.bind(1, uscc);
  if (first.step()) {
    db_.cached(
           "INSERT INTO enterprises (uscc, name, affiliation, unit, headcount, registered, registration_id) "
           "VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, "
           "affiliation = excluded.affiliation, unit = excluded.unit, headcount = excluded.headcount, registered = 1, "
           "registration_id = excluded.registration_id")
        .bind(1, uscc)
        .bind(2, first.text(1))
        .bind(3, first.text(2))
        .bind(4, first.text(3))
        .bind(5, first.int64(4))
        .bind(6, first.int64(0))
        .run();
    enterprises_[uscc] = true;
  } else if (exists) {
    // No unit registers it any more: its results stay, flagged as unregistered.
    db_.cached(
           "UPDATE enterprises SET name = '', affiliation = '', unit = '', headcount = 0, registered = 0, registration_id = NULL "
           "WHERE uscc = ?")
        .bind(1, uscc)
        .run();
  }
  first.reset();
}

std::vector<Registration> OrganiserStore::registrations(const std::string& uscc) {
  std::vector<Registration> list;
  auto here = db_.prepare(
      "SELECT name, affiliation, unit, headcount FROM enterprises WHERE uscc = ? AND registered = 1 AND registration_id IS NULL");
  here.bind(1, uscc);
  if (here.step()) list.push_back({uscc, here.text(0), here.text(1), here.text(2), here.int64(3), "", "", true});
  auto s = db_.prepare(
      "SELECT g.name, g.affiliation, g.unit, g.headcount, u.label, g.unit_key, e.registration_id = g.id "
      "FROM registrations g JOIN units u ON u.public_key = g.unit_key LEFT JOIN enterprises e ON e.uscc = g.uscc "
      "WHERE g.uscc = ? ORDER BY g.id");
  s.bind(1, uscc);
  while (s.step())
    list.push_back({uscc, s.text(0), s.text(1), s.text(2), s.int64(3), s.text(4), fingerprint(key_from(s.blob(5))), s.int64(6) == 1});
  std::stable_partition(list.begin(), list.end(), [](const Registration& r) { return r.counted; });
  return list;
}

std::vector<DuplicateRegistration> OrganiserStore::duplicate_registrations() {
  // Two unit keys (one registration per key and USCC), or a registration
  // made here under another 组织单位 than a unit's.
  auto s = db_.prepare(
      "SELECT uscc FROM registrations GROUP BY uscc HAVING count(*) > 1 "
      "UNION SELECT g.uscc FROM registrations g JOIN enterprises e ON e.uscc = g.uscc "
      "WHERE e.registered = 1 AND e.registration_id IS NULL AND e.unit != g.unit ORDER BY 1");
  std::vector<DuplicateRegistration> list;
  while (s.step()) {
    DuplicateRegistration d;
    d.uscc = s.text(0);
    d.registrations = registrations(d.uscc);
    list.push_back(std::move(d));
  }
  return list;
}

}  // namespace ankang::results
