#!/usr/bin/env bash
# The two parts of Debian's qemu source package the bench needs, unpacked into
# DIR: roms/qboot (to build qboot with its trace points) and
# include/qemu/qemu-plugin.h (the TCG plugin API our instruction counter is
# compiled against; only the header, the API is QEMU's own ABI).
#   tests/bench/qemu-source.sh DIR
# Fetched once with `apt-get source --download-only qemu` (deb-src entries
# derived from the machine's apt sources when missing, by the same helper the
# SeaBIOS build uses; apt checks the files against the signed Sources index).
# Only those paths are extracted from the 23 MB orig tarball: unpacking and
# patching the whole tree would take far longer and nothing else is used.
# Debian's own patches are checked not to touch them. Remove DIR to fetch again.
set -euo pipefail

die() { echo "qemu-source: $*" >&2; exit 1; }

[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=${1%/}
scripts=$(cd "$(dirname "$0")/../../scripts" && pwd)
want=(roms/qboot include/qemu/qemu-plugin.h)

if [ -f "$dir/.bootkit-source" ] && [ -f "$dir/roms/qboot/meson.build" ] &&
	[ -f "$dir/include/qemu/qemu-plugin.h" ]; then
	echo "qemu-source: $dir already holds $(cat "$dir/.bootkit-source")"
	exit 0
fi

"$scripts/install-packages.sh" dpkg-dev xz-utils
"$scripts/enable-deb-src.sh" qemu
mkdir -p "$(dirname "$dir")"
tmp=$(mktemp -d "$dir.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# apt downloads as the unprivileged _apt user when run as root.
if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then
	chown _apt "$tmp"
fi
(cd "$tmp" && apt-get source --download-only -q qemu >/dev/null) ||
	die "apt-get source --download-only qemu failed"
dsc=$(find "$tmp" -maxdepth 1 -name 'qemu_*.dsc' | head -n1)
orig=$(find "$tmp" -maxdepth 1 -name 'qemu_*.orig.tar.*' | head -n1)
deb=$(find "$tmp" -maxdepth 1 -name 'qemu_*.debian.tar.*' | head -n1)
[ -n "$dsc" ] && [ -n "$orig" ] && [ -n "$deb" ] || die "apt-get source left no .dsc/orig/debian files"
version=$(sed -n 's/^Version: //p' "$dsc")

# The orig tarball has one top directory (qemu-7.2.0/); take just our paths.
# (head closes the pipe early: tar's SIGPIPE is expected, not an error)
top=$(tar -tf "$orig" 2>/dev/null | head -n1 | cut -d/ -f1 || true)
[ -n "$top" ] || die "cannot list $orig"
mkdir -p "$tmp/x"
tar -xf "$orig" -C "$tmp/x" "${want[@]/#/$top/}" || die "$orig lacks ${want[*]}"
tar -xf "$deb" -C "$tmp/x/$top" debian/patches
while read -r p; do
	case $p in '' | '#'*) continue ;; esac
	p=${p%% *}
	if grep -qE '^\+\+\+ [^/]*/(roms/qboot/|include/qemu/qemu-plugin\.h)' \
		"$tmp/x/$top/debian/patches/$p"; then
		die "Debian patch $p changes ${want[*]}: apply it here before building"
	fi
done <"$tmp/x/$top/debian/patches/series"
rm -rf "$tmp/x/$top/debian"
printf 'qemu %s (%s)\n' "$version" "${want[*]}" >"$tmp/x/$top/.bootkit-source"
rm -rf "$dir"
mv "$tmp/x/$top" "$dir"
echo "qemu-source: $(cat "$dir/.bootkit-source") in $dir"
