// ankang keys init | device init | device add
#include <cstdio>
#include <filesystem>

#include "cli/organiser.h"
#include "results/error.h"
#include "results/keys.h"
#include "results/store.h"

namespace ankang::cli {

namespace {

void refuse_overwrite(const std::string& stem) {
  if (std::filesystem::exists(stem + ".key"))
    fail({stem + ".key 已存在：不覆盖已有私钥", stem + ".key exists: an existing secret key is never overwritten"});
}

}  // namespace

void add_key_commands(CLI::App& app) {
  auto* keys = app.add_subcommand("keys", "Organiser key pair (signs contest packages)");
  keys->require_subcommand(1);
  auto* keys_init = keys->add_subcommand("init", "Make the organiser key pair: DIR/organiser.key (0600) and DIR/organiser.pub");
  static std::string keys_dir;
  keys_init->add_option("--dir", keys_dir, "Folder for the key files")->required();
  keys_init->callback([] {
    run_organiser([] {
      std::filesystem::create_directories(keys_dir);
      const auto stem = (std::filesystem::path(keys_dir) / "organiser").string();
      refuse_overwrite(stem);
      auto pair = results::generate_key_pair();
      results::write_key_pair(stem, pair);
      std::printf("%s %s.pub\n%s %s\n", locale_is_chinese() ? "公钥：" : "public key:", stem.c_str(),
                  locale_is_chinese() ? "指纹：" : "fingerprint:", results::fingerprint(pair.public_key).c_str());
    });
  });

  auto* device = app.add_subcommand("device", "Kiosk keys: make one, register one");
  device->require_subcommand(1);
  auto* device_init = device->add_subcommand("init", "Make a kiosk key pair and id: DIR/device.key (0600), DIR/device.pub, DIR/device.id");
  static std::string device_dir;
  device_init->add_option("--dir", device_dir, "Folder for the key files")->required();
  device_init->callback([] {
    run_organiser([] {
      std::filesystem::create_directories(device_dir);
      const auto stem = (std::filesystem::path(device_dir) / "device").string();
      refuse_overwrite(stem);
      auto pair = results::generate_key_pair();
      results::write_key_pair(stem, pair);
      auto id = results::to_hex(results::device_id_of(pair.public_key)) + "\n";
      results::write_file_atomic(stem + ".id", std::span(reinterpret_cast<const std::uint8_t*>(id.data()), id.size()));
      std::printf("%s %s%s %s\n", locale_is_chinese() ? "终端编号：" : "device id:", id.c_str(),
                  locale_is_chinese() ? "指纹：" : "fingerprint:", results::fingerprint(pair.public_key).c_str());
    });
  });

  auto* add = device->add_subcommand("add", "Register a kiosk so its score bundles are accepted");
  static std::string db_path, pubkey, label;
  add->add_option("--db", db_path, "Organiser store (SQLite)")->required();
  add->add_option("--label", label, "A name for the kiosk, e.g. 一号车间食堂");
  add->add_option("PUBKEY", pubkey, "The kiosk's public key: a .pub file or 64 hex digits")->required();
  add->callback([] {
    run_organiser([] {
      auto key = results::parse_public_key(pubkey);
      results::OrganiserStore store(db_path);
      auto id = store.add_device(key, label);
      std::printf("%s %s\n%s %s\n", locale_is_chinese() ? "已登记终端" : "registered device", results::to_hex(id).c_str(),
                  locale_is_chinese() ? "指纹：" : "fingerprint:", results::fingerprint(key).c_str());
    });
  });
}

}  // namespace ankang::cli
