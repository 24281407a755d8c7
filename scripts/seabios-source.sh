#!/usr/bin/env bash
# Makes SRCDIR a patched SeaBIOS source tree from Debian's source package:
#   scripts/seabios-source.sh SRCDIR
# Fetched once with `apt-get source seabios` (Debian's own patches applied by
# dpkg-source; deb-src entries derived from the machine's apt sources when
# missing), then the series in kernel-patches/seabios/ is applied once.
# Remove SRCDIR to fetch again.
set -euo pipefail

die() { echo "seabios-source: $*" >&2; exit 1; }

[ $# -eq 1 ] || { echo "usage: $0 SRCDIR" >&2; exit 2; }
src=${1%/}
here=$(cd "$(dirname "$0")" && pwd)
patches=$(cd "$here/../kernel-patches" && pwd)

if [ -f "$src/.bootkit-source" ] && [ -f "$src/Makefile" ]; then
	echo "seabios-source: $src already holds $(cat "$src/.bootkit-source")"
else
	"$here/install-packages.sh" dpkg-dev patch
	"$here/enable-deb-src.sh" seabios
	mkdir -p "$(dirname "$src")"
	tmp=$(mktemp -d "$src.fetch.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	# apt downloads as the unprivileged _apt user when run as root; let it
	# write here so it neither warns nor falls back to root.
	if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then
		chown _apt "$tmp"
	fi
	(cd "$tmp" && apt-get source -q seabios) || die "apt-get source seabios failed"
	dir=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'seabios-*' | head -n 1)
	if [ -z "$dir" ] || [ ! -f "$dir/Makefile" ]; then
		die "apt-get source left no seabios-*/ tree"
	fi
	version=$(dpkg-parsechangelog -l "$dir/debian/changelog" -SVersion)
	printf 'seabios %s\n' "$version" >"$dir/.bootkit-source"
	rm -rf "$src"
	mv "$dir" "$src"
	echo "seabios-source: seabios $version in $src"
fi

"$here/apply-series.sh" "$src" "$patches/seabios"
