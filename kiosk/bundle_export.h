// Score bundle export: the kiosk store's finished attempts that no bundle
// carried yet become one signed bundle (results/bundle.h) in a folder, a
// USB stick. The store advances the device's sequence number only after the
// file is safely in place; until then it keeps the signed bytes, so that
// number is never given to other content.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/question.h"
#include "kiosk/store.h"
#include "results/keys.h"
#include "results/records.h"

namespace ankang::bank {
class Bank;
}

namespace ankang::kiosk {

// what() is Chinese then English, naming the folder and the reason.
class ExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The compact response a bundle carries: "AC" (choices), "T"/"F", blanks
// joined by '|', an order or matching as 1-based numbers joined by '|'
// ('-' for an unmatched item), a tap as "x,y". At most 255 bytes.
std::string compact_response(const Question& q, const Response& r);

// A question's category path ("职业病防治/粉尘"), empty when it is unknown.
using CategoryOf = std::function<std::string(const std::string& question_id)>;

// Store rows to a bundle payload. Throws ExportError when a worker's
// enterprise has no 统一社会信用代码 (the organiser could not count it).
// Finished host contests become the payload's team results.
results::BundlePayload to_payload(const std::vector<ExportAttempt>& attempts, const std::string& contest_id,
                                  const CategoryOf& category_of, const std::vector<ExportHostContest>& host_contests = {});

struct ExportResult {
  std::string file;  // the bundle written
  std::uint64_t sequence = 0;
  int attempts = 0;
  int answers = 0;
  int host_contests = 0;
};

// Writes FOLDER/kiosk-<device>-<sequence>.ankb: temporary file, fsync,
// rename, fsync of the folder. The signed bytes are kept in the store before
// the file is put in place; a bundle whose record did not follow (a full
// disk, a kill) is written again, the same bytes, by the next export before
// a new one, so one sequence number never names two contents. Throws
// ExportError when there is nothing to export or the folder cannot take the
// file, StoreError when the store cannot keep or record the bundle.
ExportResult export_bundle(Store& store, const results::KeyPair& key, const std::string& contest_id,
                           const CategoryOf& category_of, const std::string& folder, std::int64_t now_unix_ms);

// Categories looked up in a question bank.
CategoryOf categories_of(const bank::Bank& bank);

// The contest id: the store's "contest_id" setting, else kDefaultContestId.
std::string contest_id_of(const Store& store);

// `ankang-kiosk --export-bundle FOLDER`: opens the data directory's store,
// bank and device key and exports.
ExportResult export_data_dir(const std::string& data_dir, const std::string& folder, std::int64_t now_unix_ms);

// The contest id bundles carry unless the store's "contest_id" setting says otherwise.
inline constexpr const char* kDefaultContestId = "ankang-kiosk";

}  // namespace ankang::kiosk
