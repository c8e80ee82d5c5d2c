#!/usr/bin/env bash
# Installs the Debian packages Ankang builds, tests and runs with, then the
# npm package the GIFT export test reads with (scripts/install-gift-pegjs.sh).
# Idempotent: does nothing when everything is already installed.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config
  # libraries
  libsqlite3-dev sqlite3 libcereal-dev libsodium-dev libxlsxwriter-dev
  libzip-dev libfreexl-dev libpugixml-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libsdl2-dev libimgui-dev libstb-dev libgl-dev libfontconfig-dev libsystemd-dev
  fonts-noto-cjk
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth xdotool x11-utils imagemagick libgl1-mesa-dri
  openbox  # a window manager for the kiosk escape test (tests/reliability)
  libreoffice-calc-nogui  # reads the XLSX reports back in the results tests
  desktop-file-utils  # checks the kiosk's .desktop entry in the package test
  nodejs  # runs gift-pegjs, which reads the GIFT export back in the formats tests
)
# npm comes with Debian's npm package or inside another build of nodejs.
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}" >&2
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

"$(dirname "$0")/install-gift-pegjs.sh"
