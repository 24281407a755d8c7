#!/usr/bin/env bash
# Makes `apt-get source PACKAGE` work:
#   scripts/enable-deb-src.sh PACKAGE
# Nothing to do when apt already knows the source package. Otherwise every
# enabled binary ("deb") entry of the machine's own apt sources gets a
# "deb-src" twin in /etc/apt/sources.list.d/bootkit-deb-src.{sources,list}
# (deb822 and one-line formats are kept apart, as apt requires), and the
# lists are updated. The mirrors are whatever the machine already uses.
set -euo pipefail

die() { echo "enable-deb-src: $*" >&2; exit 1; }

[ $# -eq 1 ] || { echo "usage: $0 PACKAGE" >&2; exit 2; }
pkg=$1
etc=${APT_SOURCES_DIR:-/etc/apt}
name=bootkit-deb-src

knows_source() {
	[ -n "$(apt-cache showsrc --only-source "$1" 2>/dev/null | head -n 1)" ]
}

knows_source "$pkg" && exit 0

sudo=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || die "need root (or sudo) to add deb-src entries"
	sudo=sudo
fi

# Stale lists may lack Sources although a deb-src entry exists: try that first.
if grep -rqsE '^(deb-src|Types:.*deb-src)' "$etc/sources.list" "$etc/sources.list.d"; then
	echo "enable-deb-src: deb-src entries exist, running apt-get update"
	$sudo apt-get update -qq || die "apt-get update failed"
	knows_source "$pkg" && exit 0
fi

# deb822: each stanza whose Types has "deb" and is not disabled, with Types
# set to deb-src; comment lines are dropped.
deb822_twins() {
	awk '
		function flush() {
			if (n && types ~ /(^|[ \t])deb([ \t]|$)/ && tolower(enabled) != "no") {
				printf "%s", (out++ ? "\n" : "")
				for (i = 1; i <= n; i++) print lines[i]
			}
			n = 0; types = ""; enabled = ""
		}
		FNR == 1 { flush() }  # files may not end in a blank line
		/^#/ { next }
		/^[ \t]*$/ { flush(); next }
		{
			if (tolower($1) == "types:") { types = $0; sub(/^[^:]*:/, "", types); $0 = "Types: deb-src" }
			if (tolower($1) == "enabled:") { enabled = $2 }
			lines[++n] = $0
		}
		END { flush() }
	' "$@"
}

# One-line format: "deb [options] uri suite components" -> "deb-src ...".
oneline_twins() {
	sed -n 's/^[ \t]*deb\([ \t]\)/deb-src\1/p' "$@"
}

mapfile -t d822 < <(find "$etc/sources.list.d" -maxdepth 1 -name '*.sources' \
	! -name "$name.sources" 2>/dev/null | sort)
mapfile -t d1 < <({ [ -f "$etc/sources.list" ] && echo "$etc/sources.list"
	find "$etc/sources.list.d" -maxdepth 1 -name '*.list' ! -name "$name.list" 2>/dev/null | sort; } || true)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ ${#d822[@]} -eq 0 ] || deb822_twins "${d822[@]}" >"$tmp/$name.sources"
[ ${#d1[@]} -eq 0 ] || oneline_twins "${d1[@]}" >"$tmp/$name.list"
found=0
for f in "$tmp/$name.sources" "$tmp/$name.list"; do
	if [ -s "$f" ]; then
		{ echo "# Written by the kit's enable-deb-src.sh: source twins of the deb entries."; cat "$f"; } |
			$sudo tee "$etc/sources.list.d/${f##*/}" >/dev/null
		echo "enable-deb-src: wrote $etc/sources.list.d/${f##*/}"
		found=1
	fi
done
[ "$found" -eq 1 ] || die "no enabled deb entries in $etc/sources.list{,.d} to derive deb-src from"

$sudo apt-get update -qq || die "apt-get update failed"
knows_source "$pkg" || die "apt knows no source package $pkg even with deb-src entries"
