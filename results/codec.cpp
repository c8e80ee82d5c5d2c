#include "results/codec.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "results/error.h"

namespace ankang::results {

void ByteWriter::fixed_text(std::string_view text, std::size_t width) {
  if (text.size() > width)
    throw ResultsError("字段过长（" + std::to_string(text.size()) + " 字节，上限 " + std::to_string(width) + "）",
                       "field too long (" + std::to_string(text.size()) + " bytes, limit " + std::to_string(width) + ")");
  out_.insert(out_.end(), text.begin(), text.end());
  out_.insert(out_.end(), width - text.size(), 0);
}

std::uint64_t ByteReader::le(int n) {
  auto bytes = raw(static_cast<std::size_t>(n));
  std::uint64_t v = 0;
  for (int i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(bytes[static_cast<std::size_t>(i)]) << (8 * i);
  return v;
}

std::span<const std::uint8_t> ByteReader::raw(std::size_t n) {
  if (n > remaining())
    throw ResultsError("数据在第 " + std::to_string(pos_) + " 字节处提前结束",
                       "data ends early at byte " + std::to_string(pos_));
  auto out = bytes_.subspan(pos_, n);
  pos_ += n;
  return out;
}

std::string ByteReader::fixed_text(std::size_t width) {
  auto field = raw(width);
  std::size_t len = 0;
  while (len < width && field[len] != 0) ++len;
  for (std::size_t i = len; i < width; ++i)
    if (field[i] != 0)
      throw ResultsError("定长文本字段的填充不为零", "fixed text field has non-zero padding");
  return std::string(field.begin(), field.begin() + static_cast<std::ptrdiff_t>(len));
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (auto b : bytes) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 15]);
  }
  return out;
}

bool from_hex(std::string_view text, Bytes& out) {
  out.clear();
  int high = -1;
  for (char c : text) {
    int v;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    else if (c == ' ' || c == ':' || c == '-' || c == '\n' || c == '\r' || c == '\t') continue;
    else return false;
    if (high < 0) {
      high = v;
    } else {
      out.push_back(static_cast<std::uint8_t>(high * 16 + v));
      high = -1;
    }
  }
  return high < 0;
}

Hash blake2b(std::span<const std::uint8_t> bytes) {
  Hash h{};
  crypto_generichash(h.data(), h.size(), bytes.data(), bytes.size(), nullptr, 0);
  return h;
}

Bytes read_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw ResultsError(path + ": 无法读取文件（" + ec.message() + "）", path + ": cannot read file (" + ec.message() + ")");
  if (size > max_bytes)
    throw ResultsError(path + ": 文件过大（" + std::to_string(size) + " 字节，上限 " + std::to_string(max_bytes) + "）",
                       path + ": file too large (" + std::to_string(size) + " bytes, limit " + std::to_string(max_bytes) + ")");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw ResultsError(path + ": 无法打开文件", path + ": cannot open file (" + std::strerror(errno) + ")");
  Bytes out(size);
  std::size_t done = 0;
  while (done < size) {
    auto n = ::read(fd, out.data() + done, size - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(done);  // a file that shrank while reading is just shorter
  return out;
}

namespace {

// Why a write failed, in words an organiser with a USB stick understands.
std::string write_reason_zh(int err) {
  switch (err) {
    case ENOSPC:
    case EDQUOT: return "（磁盘或 U 盘已满）";
    case EACCES:
    case EPERM: return "（没有写入权限）";
    case EROFS: return "（U 盘或磁盘是只读的，可能打开了写保护）";
    case ENOENT: return "（文件夹不存在，U 盘可能已拔出）";
    case EISDIR: return "（已有同名的文件夹）";
    case EIO: return "（读写出错，U 盘可能已拔出或损坏）";
    default: return "";
  }
}

}  // namespace

void write_file_atomic(const std::string& path, std::span<const std::uint8_t> bytes, bool secret) {
  const std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, secret ? 0600 : 0644);
  if (fd < 0) {
    const int err = errno;
    throw ResultsError(path + ": 无法写入文件" + write_reason_zh(err), path + ": cannot write file (" + std::strerror(err) + ")");
  }
  if (secret) ::fchmod(fd, 0600);  // the umask must not widen a secret key
  std::size_t done = 0;
  bool ok = true;
  int err = 0;
  while (done < bytes.size()) {
    auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ok = false;
      err = n < 0 ? errno : ENOSPC;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (ok && ::fsync(fd) != 0) ok = false, err = errno;
  if (::close(fd) != 0 && ok) ok = false, err = errno;
  if (ok && std::rename(tmp.c_str(), path.c_str()) != 0) ok = false, err = errno;
  if (!ok) {
    std::remove(tmp.c_str());
    throw ResultsError(path + ": 写入失败" + write_reason_zh(err), path + ": write failed (" + std::strerror(err) + ")");
  }
  auto dir = std::filesystem::absolute(path).parent_path();
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void ensure_sodium() {
  if (sodium_init() < 0) throw ResultsError("libsodium 初始化失败", "libsodium failed to initialise");
}

}  // namespace ankang::results
