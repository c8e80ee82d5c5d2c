#!/usr/bin/env bash
# `make package` as a user gets it: cpack builds the three Debian packages from
# the build tree; dpkg installs them into an empty root; the installed
# `ankang` runs from there (--version, bank init, doctor finding its shared
# data next to it); the files land in the standard places; and apt resolves
# every declared Depends: on this system. Exit 77 (skipped) without dpkg.
set -euo pipefail
build=$1
command -v dpkg >/dev/null && command -v cpack >/dev/null && command -v apt-get >/dev/null \
  || { echo "SKIP: needs dpkg, cpack and apt-get"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. The packages, into a directory of their own (the build tree stays clean).
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
cli=$(ls "$work"/out/ankang_*.deb); kiosk=$(ls "$work"/out/ankang-kiosk_*.deb); console=$(ls "$work"/out/ankang-console_*.deb)
echo "ok: built $(basename "$cli") ($(du -k "$cli" | cut -f1) KB), $(basename "$kiosk") ($(du -k "$kiosk" | cut -f1) KB), $(basename "$console") ($(du -k "$console" | cut -f1) KB)"

# 2. Declared dependencies: the libraries found by dpkg-shlibdeps, the font.
depends() { dpkg-deb -f "$1" Depends; }
for lib in libsqlite3-0 libsodium23 libxlsxwriter; do
  depends "$cli" | grep -q "$lib" || fail "ankang Depends lacks $lib: $(depends "$cli")"
done
for lib in libsdl2-2.0-0 libsystemd0 fonts-noto-cjk; do
  depends "$kiosk" | grep -q "$lib" || fail "ankang-kiosk Depends lacks $lib: $(depends "$kiosk")"
done
echo "ok: ankang Depends: $(depends "$cli")"
echo "ok: ankang-kiosk Depends: $(depends "$kiosk")"
for lib in libsdl2-2.0-0 libsqlite3-0 fonts-noto-cjk; do
  depends "$console" | grep -q "$lib" || fail "ankang-console Depends lacks $lib: $(depends "$console")"
done
echo "ok: ankang-console Depends: $(depends "$console")"
# ... and they resolve here (nothing missing or conflicting; a simulation).
apt-get install --simulate --no-install-recommends "$cli" "$kiosk" "$console" >"$work/apt.log" 2>&1 \
  || { cat "$work/apt.log"; fail "apt cannot satisfy the Depends"; }
echo "ok: apt-get --simulate resolves the packages' Depends"

# 3. Install into an empty root with its own dpkg database.
root="$work/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
dpkg --root="$root" --force-depends --force-not-root -i "$cli" "$kiosk" "$console" >"$work/dpkg.log" 2>&1 \
  || { cat "$work/dpkg.log"; fail "dpkg -i"; }
status=$(dpkg --root="$root" -s ankang-kiosk | sed -n 's/^Status: //p')
[ "$status" = "install ok installed" ] || fail "ankang-kiosk status: $status"
for f in usr/bin/ankang usr/share/ankang/contests/team.json usr/share/ankang/bank/work-safety-law.json \
         usr/share/man/man1/ankang.1 usr/bin/ankang-kiosk usr/share/man/man1/ankang-kiosk.1 \
         usr/share/applications/ankang-kiosk.desktop usr/share/icons/hicolor/scalable/apps/ankang-kiosk.svg \
         usr/share/icons/hicolor/256x256/apps/ankang-kiosk.png usr/lib/systemd/system/ankang-kiosk.service \
         usr/bin/ankang-console usr/share/man/man1/ankang-console.1 usr/share/applications/ankang-console.desktop \
         usr/share/icons/hicolor/scalable/apps/ankang-console.svg; do
  [ -e "$root/$f" ] || fail "not installed: /$f"
done
dpkg --root="$root" -L ankang | grep -qx /usr/bin/ankang || fail "dpkg -L ankang lacks /usr/bin/ankang"
echo "ok: installed into $root: programs, shared data, man pages, .desktop, icons, systemd unit"

# 4. The installed programs run from the root.
"$root/usr/bin/ankang" --version >"$work/version.txt" || fail "installed ankang --version"
head -n1 "$work/version.txt" | grep -Eq '^ankang [0-9.]+ \(git ' || fail "version line: $(head -n1 "$work/version.txt")"
echo "ok: $(head -n1 "$work/version.txt")"
"$root/usr/bin/ankang-kiosk" --version | head -n1 | grep -q '^ankang-kiosk ' || fail "installed ankang-kiosk --version"
"$root/usr/bin/ankang-console" --version | head -n1 | grep -q '^ankang-console ' || fail "installed ankang-console --version"
LANG=C "$root/usr/bin/ankang" bank init --db "$work/bank.db" >"$work/init.txt" 2>&1 \
  || { cat "$work/init.txt"; fail "installed ankang bank init"; }
total=$(LANG=C "$root/usr/bin/ankang" bank stats --db "$work/bank.db" --json 2>/dev/null \
  | grep -o '"total": *[0-9]*' | grep -o '[0-9]*$')
# As many as README.md gives: "the built-in starter bank (N questions".
documented=$(grep -o 'starter bank ([0-9]* questions' "$(dirname "$0")/../../README.md" | grep -o '[0-9]*')
[ -n "$documented" ] || fail "README.md does not give the starter bank's count"
[ "${total:-0}" -ge "$documented" ] || fail "bank init made ${total:-0} questions, README.md gives $documented"
echo "ok: installed ankang bank init: $total questions"
LANG=C "$root/usr/bin/ankang" doctor --data-dir "$work/data" >"$work/doctor.txt" 2>&1 || true
grep -qx "\[OK\] shared data: $root/usr/share/ankang" "$work/doctor.txt" \
  || { cat "$work/doctor.txt"; fail "the installed ankang does not find its shared data beside it"; }
echo "ok: the installed ankang finds $root/usr/share/ankang"
# The unit and the menu entry, by the tools that read them (when installed).
if command -v systemd-analyze >/dev/null && [ -x /usr/bin/cage ]; then
  systemd-analyze verify --man=no "$root/usr/lib/systemd/system/ankang-kiosk.service" \
    || fail "systemd-analyze verify ankang-kiosk.service"
  echo "ok: systemd-analyze verify ankang-kiosk.service"
fi
if command -v desktop-file-validate >/dev/null; then
  for d in ankang-kiosk ankang-console; do
    desktop-file-validate "$root/usr/share/applications/$d.desktop" || fail "desktop-file-validate $d.desktop"
    echo "ok: desktop-file-validate $d.desktop"
  done
fi
for page in ankang ankang-console; do
  man -l "$root/usr/share/man/man1/$page.1" >/dev/null 2>&1 || ! command -v man >/dev/null \
    || fail "man cannot read $page.1"
done
