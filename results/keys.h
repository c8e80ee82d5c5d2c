// Ed25519 keys (libsodium): the organiser's, which signs contest packages,
// and each kiosk's, which signs its score bundles.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "results/codec.h"

namespace ankang::results {

using PublicKey = std::array<std::uint8_t, 32>;
using SecretKey = std::array<std::uint8_t, 64>;
using Signature = std::array<std::uint8_t, 64>;
// A kiosk is known by the first 16 bytes of BLAKE2b(public key).
using DeviceId = std::array<std::uint8_t, 16>;

struct KeyPair {
  PublicKey public_key{};
  SecretKey secret_key{};
};

KeyPair generate_key_pair();
// The same 32-byte seed always gives the same pair (simulation, tests).
KeyPair key_pair_from_seed(std::span<const std::uint8_t, 32> seed);

DeviceId device_id_of(const PublicKey& key);
// "3f2a 9c01 77be 4d10 a5e2": the first 10 bytes of BLAKE2b(key) in groups,
// short enough to compare by eye with the kiosk's admin screen.
std::string fingerprint(const PublicKey& key);

Signature sign(std::span<const std::uint8_t> message, const SecretKey& key);
bool verify_signature(std::span<const std::uint8_t> message, const Signature& sig, const PublicKey& key);

// Key files hold one line of hex. The secret key file is created 0600.
// `stem` is e.g. DIR/organiser: writes DIR/organiser.pub and DIR/organiser.key.
void write_key_pair(const std::string& stem, const KeyPair& pair);
PublicKey read_public_key(const std::string& path);
SecretKey read_secret_key(const std::string& path);
// STEM.key and STEM.pub (e.g. DIR/organiser), as write_key_pair wrote them.
KeyPair read_key_pair(const std::string& stem);
// A public key given as a file path or as 64 hex digits.
PublicKey parse_public_key(const std::string& file_or_hex);

}  // namespace ankang::results
