#include "test_support.h"

#include <iconv.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>

#include "question_bank/formats/format_detail.h"

namespace ankang::bank::test {

std::vector<std::uint8_t> bytes_of(std::string_view text) { return {text.begin(), text.end()}; }
std::string text_of(const std::vector<std::uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }

std::string to_gbk(std::string_view utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* dst = out.data();
  iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

std::vector<std::uint8_t> zip_of(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& members) {
  auto path = (dir.path() / "archive.zip").string();
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  for (const auto& [name, text] : members) {
    auto* copy = static_cast<char*>(std::malloc(text.size()));
    std::memcpy(copy, text.data(), text.size());
    zip_file_add(z, name.c_str(), zip_source_buffer(z, copy, text.size(), 1), ZIP_FL_ENC_UTF_8);
  }
  zip_close(z);
  auto bytes = *detail_read(path);
  std::filesystem::remove(path);
  return bytes;
}

std::vector<std::uint8_t> tiny_png(int width, int height) {
  std::vector<std::uint8_t> b{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  for (int v : {width, height})
    for (int shift = 24; shift >= 0; shift -= 8) b.push_back(static_cast<std::uint8_t>((v >> shift) & 0xFF));
  for (std::uint8_t v : {8, 2, 0, 0, 0, 0, 0, 0, 0}) b.push_back(v);  // depth, colour type, ..., CRC (unchecked)
  return b;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() / ("ankang-formats-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& name, const std::vector<std::uint8_t>& bytes) const {
  auto p = path_ / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return p;
}

std::optional<std::vector<std::uint8_t>> detail_read(const std::filesystem::path& p) {
  return read_file(p.string());
}

ParseResult parse_text(std::string_view path, std::string_view text, Format format) {
  auto bytes = bytes_of(text);
  return parse_questions(path, bytes, format);
}

std::string all_messages(const ParseResult& r) {
  std::string out;
  for (const auto& d : r.file_errors) out += format_diagnostic(d, false) + "\n";
  for (const auto& rec : r.rejected)
    for (const auto& d : rec.reasons) out += format_diagnostic(d, false) + "\n";
  return out;
}

Question sample_of(QuestionType type) {
  Question q;
  q.type = type;
  q.explanation = "解析：依法应当如此。";
  q.category = {"安全生产法", "从业人员"};
  q.tags = {"建筑施工", "危险化学品"};
  q.difficulty = 2;
  q.source = "Ankang test";
  switch (type) {
    case QuestionType::single:
      q.id = "0b7e3c1a-1111-4c1e-9a57-8b0e6d1d0a01";
      q.stem = "每年的哪个月是全国“安全生产月”？";
      q.options = {"3月", "6月", "9月", "12月"};
      q.correct = {1};
      q.basis = {"《中华人民共和国安全生产法》", "第十三条"};
      break;
    case QuestionType::multiple:
      q.id = "0b7e3c1a-2222-4c1e-9a57-8b0e6d1d0a02";
      q.stem = "从业人员享有哪些权利？";
      q.options = {"知情权", "建议权", "拒绝违章指挥权", "随意停产权"};
      q.correct = {0, 1, 2};
      q.basis = {"《中华人民共和国安全生产法》", ""};
      break;
    case QuestionType::true_false:
      q.id = "0b7e3c1a-3333-4c1e-9a57-8b0e6d1d0a03";
      q.stem = "从业人员发现直接危及人身安全的紧急情况时，有权停止作业。";
      q.truth = true;
      break;
    case QuestionType::fill_blank:
      q.id = "0b7e3c1a-4444-4c1e-9a57-8b0e6d1d0a04";
      q.stem = "安全生产工作坚持____、____、综合治理的方针。";
      q.blanks = {{"安全第一", "安全第一位"}, {"预防为主"}};
      break;
    case QuestionType::matching:
      q.id = "0b7e3c1a-5555-4c1e-9a57-8b0e6d1d0a05";
      q.stem = "将标志颜色与含义连线。";
      q.pairs = {{"红色", "禁止"}, {"黄色", "警告"}, {"蓝色", "指令"}};
      break;
    case QuestionType::ordering:
      q.id = "0b7e3c1a-6666-4c1e-9a57-8b0e6d1d0a06";
      q.stem = "按正确顺序排列心肺复苏的步骤。";
      q.options = {"判断意识", "呼救", "胸外按压", "开放气道"};
      break;
    case QuestionType::hotspot:
      q.id = "0b7e3c1a-7777-4c1e-9a57-8b0e6d1d0a07";
      q.stem = "请点出图中的安全隐患。";
      q.image.mime = "image/png";
      q.image.bytes = tiny_png(64, 48);
      q.image.width = 64;
      q.image.height = 48;
      q.regions = {{10, 5, 20, 10}, {40, 30, 8, 8}};
      break;
  }
  return q;
}

std::vector<Question> sample_questions() {
  std::vector<Question> out;
  for (auto t : {QuestionType::single, QuestionType::multiple, QuestionType::true_false, QuestionType::fill_blank,
                 QuestionType::matching, QuestionType::ordering, QuestionType::hotspot})
    out.push_back(sample_of(t));
  Question numeric = sample_of(QuestionType::fill_blank);
  numeric.id = "0b7e3c1a-8888-4c1e-9a57-8b0e6d1d0a08";
  numeric.stem = "高温作业场所的气温达到多少摄氏度以上时应停止露天作业？";
  numeric.blanks.clear();
  numeric.numeric = NumericAnswer{40, 0.5};
  out.push_back(numeric);
  return out;
}

std::string shared_fixture(const std::string& relative) {
  auto bytes = read_file(std::string(ANKANG_SHARED_DIR) + "/interop/moodle/" + relative);
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

}  // namespace ankang::bank::test

namespace ankang {
void PrintTo(const Question& q, std::ostream* out) { *out << bank::detail::write_json({q}); }
}  // namespace ankang
