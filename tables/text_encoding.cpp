#include "tables/text_encoding.h"

#include <cerrno>
#include <iconv.h>

#include <algorithm>
#include <cstring>

namespace ankang::tables {

namespace {

// iconv_t with RAII.
class Converter {
 public:
  explicit Converter(const char* from) : cd_(iconv_open("UTF-8", from)) {}
  ~Converter() {
    if (ok()) iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

  // Converts all of `in`; on failure returns the offset of the bad input.
  std::optional<std::size_t> convert(std::string_view in, std::string& out) {
    out.resize(in.size() * 2 + 16);
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    std::size_t done = 0;
    while (src_left > 0) {
      char* dst = out.data() + done;
      std::size_t dst_left = out.size() - done;
      std::size_t r = iconv(cd_, &src, &src_left, &dst, &dst_left);
      done = out.size() - dst_left;
      if (r != static_cast<std::size_t>(-1)) break;
      if (errno != E2BIG) return static_cast<std::size_t>(src - in.data());
      out.resize(out.size() * 2);
    }
    out.resize(done);
    return std::nullopt;
  }

 private:
  iconv_t cd_;
};

int line_of_offset(std::string_view bytes, std::size_t offset) {
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes.size())), '\n'));
}

}  // namespace

std::optional<std::size_t> invalid_utf8_at(std::string_view s) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      // In a run of ASCII, take eight bytes at a time.
      std::uint64_t word;
      if (i + 8 <= n && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ULL) == 0))
        i += 8;
      else
        ++i;
      continue;
    }
    // The common case in Chinese text: a three-byte character with no special range.
    if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) && i + 3 <= n &&
        (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 && (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    std::size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (len == 0 || (len == 3 && c >= 0xF0) || i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
      return i;  // overlong, surrogate or beyond U+10FFFF
    i += len;
  }
  return std::nullopt;
}

std::optional<DecodedText> decode_text(std::span<const std::uint8_t> bytes, Problem& problem) {
  std::string_view raw(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  DecodedText out;
  if (raw.starts_with("\xEF\xBB\xBF")) {
    raw.remove_prefix(3);
    out.encoding_ = "UTF-8 BOM";
  }
  const char* from = nullptr;
  if (raw.starts_with("\xFF\xFE")) {
    from = "UTF-16LE";
    raw.remove_prefix(2);
  } else if (raw.starts_with("\xFE\xFF")) {
    from = "UTF-16BE";
    raw.remove_prefix(2);
  } else if (auto bad = invalid_utf8_at(raw); !bad) {
    if (out.encoding_.empty()) out.encoding_ = "UTF-8";
    out.input_ = raw;
    return out;
  } else if (out.encoding_.empty()) {
    from = "GB18030";  // a superset of GBK and GB2312
  } else {
    problem = {line_of_offset(raw, *bad), 0, "文件以 UTF-8 标记开头，但含有无效的 UTF-8 字节",
               "the file starts with a UTF-8 mark but holds invalid UTF-8 bytes"};
    return std::nullopt;
  }
  Converter converter(from);
  if (!converter.ok()) {
    problem = {0, 0, std::string("系统不支持 ") + from + " 编码转换", std::string("this system cannot convert from ") + from};
    return std::nullopt;
  }
  std::string converted;
  if (auto bad = converter.convert(raw, converted)) {
    problem = {line_of_offset(raw, *bad), 0, std::string("文件既不是 UTF-8 也不是有效的 ") + from + " 编码，请另存为 UTF-8",
               std::string("the file is neither UTF-8 nor valid ") + from + "; save it as UTF-8"};
    return std::nullopt;
  }
  out.encoding_ = from;
  out.converted_ = std::move(converted);
  return out;
}

}  // namespace ankang::tables
