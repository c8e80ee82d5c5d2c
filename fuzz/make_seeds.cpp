// Writes the generated seeds of fuzz/corpus/ with the project's own
// writers: XLSX question and enterprise workbooks, signed contest packages
// score bundles and city roll-ups (with the fuzz key, in the forms the
// targets take).
//   fuzz_make_seeds SOURCE_DIR
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "fuzz/fuzz_keys.h"
#include "question_bank/formats/format.h"
#include "results/bundle.h"
#include "results/package.h"
#include "results/rollup.h"

namespace fs = std::filesystem;
using ankang::results::Bytes;

namespace {

Bytes read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

void write_seed(const fs::path& path, std::uint8_t mode_byte, bool with_mode, std::span<const std::uint8_t> bytes) {
  std::ofstream out(path, std::ios::binary);
  if (with_mode) out.put(static_cast<char>(mode_byte));
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  std::cout << path.string() << " (" << bytes.size() + (with_mode ? 1 : 0) << " bytes)\n";
}

void questions_xlsx(const fs::path& corpus) {
  auto csv = read_all(corpus / "csv" / "utf8.csv");
  auto parsed = ankang::bank::parse_questions("utf8.csv", csv, ankang::bank::Format::csv);
  std::vector<ankang::Question> questions;
  for (auto& q : parsed.questions) questions.push_back(q.question);
  write_seed(corpus / "xlsx" / "gen-questions.xlsx", 0, false,
             ankang::bank::write_questions(questions, ankang::bank::Format::xlsx));
}

void enterprise_xlsx(const fs::path& corpus) {
  const auto path = fs::temp_directory_path() / "ankang-fuzz-enterprises.xlsx";
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
  const char* rows[][5] = {{"统一社会信用代码", "企业名称", "归属", "组织单位", "职工人数"},
                           {"91110000100000001W", "北京安康机械有限公司", "属地", "朝阳区总工会", "120"},
                           {"91110000100000000", "错号企业", "federation", "x", "-3"}};
  for (lxw_row_t r = 0; r < 3; ++r)
    for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(sheet, r, c, rows[r][c], nullptr);
  worksheet_write_number(sheet, 3, 4, 42, nullptr);
  workbook_close(book);
  write_seed(corpus / "enterprise_import" / "gen-list.xlsx", 0, false, read_all(path));
  fs::remove(path);
}

void package(const fs::path& corpus) {
  ankang::results::ContestPackage p;
  p.contest_id = "2026-ankang-fuzz";
  p.name = "模糊测试竞赛";
  auto config = read_all(corpus / "contest_config" / "timed.json");
  p.config_json.assign(config.begin(), config.end());
  p.question_ids = {"6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5", "x"};
  p.bank_subset = read_all(corpus / "gift" / "types.gift");
  p.valid_from_ms = 1700000000000;
  p.valid_until_ms = 1900000000000;
  p.roster = {{"91350100M000100Y43", "模糊测试企业", {"一班", "二班"}}, {"91440300708461136T", "Second Co", {"A"}}};
  auto file = ankang::results::write_package(p, ankang::fuzz::fuzz_key());
  const auto dir = corpus / "contest_package";
  write_seed(dir / "gen-0-signed.pkg", 0, true, file);
  write_seed(dir / "gen-1-unsigned.pkg", 1, true, std::span(file).first(file.size() - 64));
  write_seed(dir / "gen-3-body.pkg", 3, true, std::span(file).subspan(14, file.size() - 14 - 64));
}

void bundle(const fs::path& corpus) {
  using namespace ankang::results;
  BundlePayload payload;
  payload.questions = {{"6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5", "职业病防治/粉尘"}, {"q2", "消防安全"}};
  payload.workers = {{"A001", "张三", "一班组", "91110000100000001W"}};
  Attempt a;
  a.worker = 0;
  a.contest_id = "fuzz";
  a.paper_seed = 7;
  a.started_at_ms = 1700000000000;
  a.ended_at_ms = 1700000060000;
  a.max_centipoints = 2000;
  AnswerRecord r1;
  r1.uuid.fill(1);
  r1.response = "AC";
  r1.correct_permille = 1000;
  r1.centipoints = 1000;
  AnswerRecord r2 = r1;
  r2.uuid.fill(2);
  r2.question = 1;
  r2.response = "T";
  r2.correct_permille = 500;
  a.answers = {r1, r2};
  payload.attempts = {a};
  auto file = write_bundle("fuzz", 1, {}, payload, ankang::fuzz::fuzz_key());
  auto body = write_payload(payload);
  Bytes counted = {2, 0, 0, 0};
  counted.insert(counted.end(), body.begin(), body.end());
  const auto dir = corpus / "score_bundle";
  write_seed(dir / "gen-0-signed.bundle", 0, true, file);
  write_seed(dir / "gen-1-unsigned.bundle", 1, true, std::span(file).first(file.size() - 64));
  write_seed(dir / "gen-2-payload.bundle", 2, true, counted);
}

void rollup(const fs::path& corpus) {
  using namespace ankang::results;
  RollupPayload payload;
  payload.enterprises = {{"91110000100000001W", "北京安康机械有限公司", "district", "朝阳区总工会", 120},
                         {"91350100M000100Y43", "模糊测试企业", "federation", "市企业联合会", 40}};
  auto& r = payload.records;
  r.questions = {{"6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5", "职业病防治/粉尘"}};
  r.workers = {{"A001", "张三", "一班组", "91110000100000001W"}};
  Attempt a;
  a.contest_id = "fuzz";
  a.paper_seed = 7;
  a.started_at_ms = 1700000000000;
  a.ended_at_ms = 1700000060000;
  a.max_centipoints = 1000;
  AnswerRecord answer;
  answer.uuid.fill(3);
  answer.response = "B";
  answer.correct_permille = 1000;
  answer.centipoints = 1000;
  a.answers = {answer};
  r.attempts = {a};
  TeamResult team;
  team.contest.fill(9);
  team.team = "一班组";
  team.enterprise_uscc = "91350100M000100Y43";
  team.rank = 1;
  team.started_at_ms = 1700000000000;
  team.ended_at_ms = 1700000600000;
  r.team_results = {team};
  payload.team_contest_ids = {"fuzz-team"};
  auto file = write_rollup(payload, 1785000000000, ankang::fuzz::fuzz_key());
  Bytes counted;
  ByteWriter w;
  for (std::uint32_t n : {2u, 1u, 1u, 1u}) w.u32(n);
  counted = w.bytes();
  const auto body = write_rollup_payload(payload);
  counted.insert(counted.end(), body.begin(), body.end());
  const auto dir = corpus / "rollup";
  fs::create_directories(dir);
  write_seed(dir / "gen-0-signed.ankr", 0, true, file);
  write_seed(dir / "gen-1-unsigned.ankr", 1, true, std::span(file).first(file.size() - 64));
  write_seed(dir / "gen-2-payload.ankr", 2, true, counted);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: fuzz_make_seeds SOURCE_DIR\n";
    return 2;
  }
  const fs::path source = argv[1];
  const auto corpus = source / "fuzz" / "corpus";
  questions_xlsx(corpus);
  enterprise_xlsx(corpus);
  package(corpus);
  bundle(corpus);
  rollup(corpus);
  return 0;
}
