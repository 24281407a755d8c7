#!/usr/bin/env bash
# Installs the Debian packages the kit builds and tests with; quick when they
# are there already. Run as root (or with sudo available). The kernel and
# SeaBIOS builds install what they need themselves (install-packages.sh).
set -euo pipefail

pkgs=(gcc make libc6-dev binutils nasm libcmocka-dev pkg-config
      qemu-system-x86 qemu-system-data seabios xz-utils
      clang libclang-rt-14-dev clang-format valgrind python3
      meson ninja-build dpkg-dev)

exec "$(dirname "$0")/install-packages.sh" "${pkgs[@]}"
