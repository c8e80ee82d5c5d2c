#include "results/keys.h"

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "results/error.h"

namespace ankang::results {

KeyPair generate_key_pair() {
  ensure_sodium();
  KeyPair pair;
  crypto_sign_keypair(pair.public_key.data(), pair.secret_key.data());
  return pair;
}

KeyPair key_pair_from_seed(std::span<const std::uint8_t, 32> seed) {
  ensure_sodium();
  KeyPair pair;
  crypto_sign_seed_keypair(pair.public_key.data(), pair.secret_key.data(), seed.data());
  return pair;
}

DeviceId device_id_of(const PublicKey& key) {
  auto h = blake2b(key);
  DeviceId id{};
  std::copy_n(h.begin(), id.size(), id.begin());
  return id;
}

std::string fingerprint(const PublicKey& key) {
  const auto hash = blake2b(key);
  auto hex = to_hex(std::span(hash).first(10));
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 4) {
    if (!out.empty()) out += ' ';
    out += hex.substr(i, 4);
  }
  return out;
}

Signature sign(std::span<const std::uint8_t> message, const SecretKey& key) {
  ensure_sodium();
  Signature sig{};
  crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), key.data());
  return sig;
}

bool verify_signature(std::span<const std::uint8_t> message, const Signature& sig, const PublicKey& key) {
  ensure_sodium();
  return crypto_sign_verify_detached(sig.data(), message.data(), message.size(), key.data()) == 0;
}

namespace {

std::string hex_line(std::span<const std::uint8_t> bytes) {
  return to_hex(bytes) + "\n";
}

template <std::size_t N>
std::array<std::uint8_t, N> key_from_hex(const std::string& text, const std::string& where) {
  Bytes bytes;
  if (!from_hex(text, bytes) || bytes.size() != N)
    throw ResultsError(where + ": 不是 " + std::to_string(N) + " 字节的十六进制密钥",
                       where + ": not a " + std::to_string(N) + "-byte hex key");
  std::array<std::uint8_t, N> key{};
  std::copy(bytes.begin(), bytes.end(), key.begin());
  return key;
}

std::string read_text(const std::string& path) {
  auto bytes = read_file(path, 4096);
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

void write_key_pair(const std::string& stem, const KeyPair& pair) {
  auto pub = hex_line(pair.public_key);
  auto sec = hex_line(pair.secret_key);
  write_file_atomic(stem + ".key", std::span(reinterpret_cast<const std::uint8_t*>(sec.data()), sec.size()), true);
  write_file_atomic(stem + ".pub", std::span(reinterpret_cast<const std::uint8_t*>(pub.data()), pub.size()));
  sodium_memzero(sec.data(), sec.size());
}

PublicKey read_public_key(const std::string& path) { return key_from_hex<32>(read_text(path), path); }

SecretKey read_secret_key(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
    throw ResultsError(path + ": 私钥文件权限过宽（应为 0600）", path + ": secret key file is readable by others (must be 0600)");
  return key_from_hex<64>(read_text(path), path);
}

KeyPair read_key_pair(const std::string& stem) {
  KeyPair pair;
  pair.secret_key = read_secret_key(stem + ".key");
  pair.public_key = read_public_key(stem + ".pub");
  return pair;
}

PublicKey parse_public_key(const std::string& file_or_hex) {
  if (std::filesystem::exists(file_or_hex)) return read_public_key(file_or_hex);
  return key_from_hex<32>(file_or_hex, "PUBKEY");
}

}  // namespace ankang::results
