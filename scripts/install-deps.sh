#!/usr/bin/env bash
# Installs the Debian packages the kit builds and tests with; quick when they
# are there already. Run as root (or with sudo available).
set -euo pipefail

pkgs=(gcc make libc6-dev binutils nasm libcmocka-dev pkg-config
      qemu-system-x86 qemu-system-data seabios xz-utils
      clang libclang-rt-14-dev valgrind python3
      meson ninja-build dpkg-dev)

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
