// What the organiser console lists: enterprises, kiosks, counts.
#include "results/blob.h"
#include "results/keys.h"
#include "results/store.h"

namespace ankang::results {

std::vector<Enterprise> OrganiserStore::enterprises() {
  auto s = db_.prepare(
      "SELECT uscc, name, affiliation, unit, headcount, registered FROM enterprises "
      "ORDER BY registered DESC, unit, name, uscc");
  std::vector<Enterprise> list;
  while (s.step()) list.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4), s.int64(5) != 0});
  return list;
}

std::map<std::string, Enterprise> OrganiserStore::year_registrations(int year) {
  std::map<std::string, Enterprise> out;
  auto s = db_.prepare(
      "SELECT uscc, name, affiliation, unit, headcount FROM enterprise_years WHERE year = ? "
      "UNION ALL SELECT uscc, name, affiliation, unit, headcount FROM enterprises WHERE registered = 1 AND registration_id IS NOT NULL");
  s.bind(1, std::int64_t{year});
  while (s.step()) out.try_emplace(s.text(0), Enterprise{s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4)});
  return out;
}

std::vector<int> OrganiserStore::registration_years() {
  std::vector<int> years;
  auto s = db_.prepare("SELECT DISTINCT year FROM enterprise_years ORDER BY year DESC");
  while (s.step()) years.push_back(static_cast<int>(s.int64(0)));
  return years;
}

std::vector<RegisteredDevice> OrganiserStore::devices() {
  auto s = db_.prepare(
      "SELECT d.id, d.public_key, d.label, d.added_at, "
      "(SELECT count(*) FROM bundles b WHERE b.device_id = d.id), "
      "(SELECT coalesce(max(sequence), 0) FROM bundles b WHERE b.device_id = d.id) "
      "FROM devices d ORDER BY d.added_at, d.label");
  std::vector<RegisteredDevice> list;
  while (s.step()) {
    RegisteredDevice d;
    d.id = array_from_blob<std::tuple_size_v<DeviceId>>(s.blob(0));
    d.fingerprint = fingerprint(array_from_blob<std::tuple_size_v<PublicKey>>(s.blob(1)));
    d.label = s.text(2);
    d.added_at = s.int64(3);
    d.bundles = static_cast<int>(s.int64(4));
    d.last_sequence = s.int64(5);
    list.push_back(std::move(d));
  }
  return list;
}

StoreCounts OrganiserStore::counts() {
  auto s = db_.prepare(
      "SELECT (SELECT count(*) FROM enterprises WHERE registered = 1), "
      "(SELECT count(*) FROM enterprises WHERE registered = 0), (SELECT count(*) FROM devices), "
      "(SELECT count(*) FROM bundles), (SELECT count(*) FROM attempts), (SELECT count(*) FROM answers)");
  s.step();
  return {s.int64(0), s.int64(1), s.int64(2), s.int64(3), s.int64(4), s.int64(5)};
}

}  // namespace ankang::results
