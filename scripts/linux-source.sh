#!/usr/bin/env bash
# Makes SRCDIR a patched Linux source tree from Debian's linux-source:
#   scripts/linux-source.sh SRCDIR [PACKAGE]
# PACKAGE (default linux-source-6.1) is installed if missing; its tarball is
# unpacked only when SRCDIR does not hold that very version yet, and the
# series in kernel-patches/linux/ is applied only once (apply-series.sh).
set -euo pipefail

die() { echo "linux-source: $*" >&2; exit 1; }

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $0 SRCDIR [PACKAGE]" >&2
	exit 2
fi
src=${1%/}
pkg=${2:-linux-source-6.1}
here=$(cd "$(dirname "$0")" && pwd)
patches=$(cd "$here/../kernel-patches" && pwd)

"$here/install-packages.sh" "$pkg" xz-utils patch

tarball=$(dpkg -L "$pkg" | grep -E '^/usr/src/linux-source-[^/]*\.tar\.xz$' | head -n 1 || true)
if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
	die "$pkg installed but holds no /usr/src/linux-source-*.tar.xz"
fi
version=$(dpkg-query -W -f='${Version}' "$pkg")
origin="$pkg $version"

if [ -f "$src/Makefile" ] && [ "$(cat "$src/.bootkit-source" 2>/dev/null)" = "$origin" ]; then
	echo "linux-source: $src already holds $origin"
else
	echo "linux-source: unpacking $tarball ($origin) into $src"
	rm -rf "$src.tmp"
	mkdir -p "$src.tmp"
	# The tarball's top directory is linux-source-6.1/: drop it.
	tar -xJf "$tarball" -C "$src.tmp" --strip-components=1 ||
		die "cannot unpack $tarball"
	printf '%s\n' "$origin" >"$src.tmp/.bootkit-source"
	# Complete trees only: a half-unpacked one never takes SRCDIR's name.
	rm -rf "$src"
	mv "$src.tmp" "$src"
fi

"$here/apply-series.sh" "$src" "$patches/linux"
