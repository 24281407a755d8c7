#!/bin/bash
# Fetch Debian's current amd64 kernel without installing it, for boot tests:
#   guest/fetch-debian-kernel.sh OUTDIR
# writes OUTDIR/vmlinuz (bzImage), OUTDIR/vmlinux (the ELF inside it, with the
# PVH entry note), OUTDIR/System.map, OUTDIR/config and OUTDIR/VERSION.
# Uses the machine's own apt sources; no host name is ever written here.
set -euo pipefail

die() { echo "fetch-debian-kernel: $*" >&2; exit 1; }

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$1

if [ -s "$out/vmlinuz" ] && [ -s "$out/vmlinux" ]; then
	echo "fetch-debian-kernel: $out already has vmlinuz and vmlinux, nothing to do"
	exit 0
fi

for tool in apt-cache apt-get dpkg-deb xz readelf; do
	command -v "$tool" >/dev/null || die "$tool not found"
done

# The metapackage depends on the versioned image package, e.g.
# linux-image-6.1.0-NN-amd64; that is the one holding the files.
image_pkg() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: <\{0,1\}\(linux-image-[0-9][^ >]*-amd64\)>\{0,1\}$/\1/p' |
		head -n 1
}

pkg=$(image_pkg)
if [ -z "$pkg" ]; then
	# Empty package lists (fresh container): refresh them once.
	[ "$(id -u)" -eq 0 ] || die "apt-cache knows no linux-image-amd64 and apt-get update needs root"
	echo "fetch-debian-kernel: running apt-get update"
	apt-get update -qq || die "apt-get update failed"
	pkg=$(image_pkg)
	[ -n "$pkg" ] || die "no linux-image-<version>-amd64 dependency of linux-image-amd64 found"
fi
echo "fetch-debian-kernel: package $pkg"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# apt downloads as the unprivileged _apt user when run as root; let it write
# here so it does not warn and fall back to root.
if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then
	chown _apt "$tmp"
fi

if ! (cd "$tmp" && apt-get download -q "$pkg"); then
	# Stale lists name a version the mirror no longer has: refresh and retry.
	[ "$(id -u)" -eq 0 ] || die "apt-get download $pkg failed"
	apt-get update -qq || die "apt-get update failed"
	(cd "$tmp" && apt-get download -q "$pkg") || die "apt-get download $pkg failed"
fi

deb=$(find "$tmp" -maxdepth 1 -name "${pkg}_*.deb" | head -n 1)
[ -n "$deb" ] || die "apt-get download left no ${pkg}_*.deb"
version=$(dpkg-deb -f "$deb" Version)
dpkg-deb -x "$deb" "$tmp/root" || die "dpkg-deb -x $deb failed"

# boot/vmlinuz-<kernel release> and friends.
bz=$(find "$tmp/root/boot" -maxdepth 1 -name 'vmlinuz-*' | head -n 1)
[ -n "$bz" ] || die "$pkg contains no boot/vmlinuz-*"
release=${bz##*/vmlinuz-}
for f in "System.map-$release" "config-$release"; do
	[ -s "$tmp/root/boot/$f" ] || die "$pkg contains no boot/$f"
done

# The bzImage's payload is an xz stream; its magic may also occur by chance
# earlier, so try each occurrence until one decompresses to an ELF file.
elf="$tmp/vmlinux"
found=
offsets=$(LC_ALL=C grep -obUaP '\xFD\x37\x7A\x58\x5A\x00' "$bz" | cut -d: -f1 || true)
for off in $offsets; do
	# --single-stream stops at the end of the stream and ignores what follows
	# (the payload is followed by its size and the rest of the image); tail
	# then dies of SIGPIPE, which is expected, so only xz's status counts.
	{ tail -c +$((off + 1)) "$bz" || true; } |
		xz -dc --single-stream >"$elf" 2>/dev/null || continue
	if [ "$(head -c 4 "$elf" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ]; then
		found=$off
		break
	fi
done
[ -n "$found" ] || die "no xz payload holding an ELF file found in $bz"

# Note type 18 = XEN_ELFNOTE_PHYS32_ENTRY: without it the ELF cannot boot
# through PVH. readelf prints it as an unknown Xen note or by name.
if ! readelf -n "$elf" | grep -Eq '^ *Xen .*(0x00000012|PHYS32_ENTRY)'; then
	die "vmlinux from $bz has no Xen PVH entry note (type 18)"
fi

mkdir -p "$out"
cp "$tmp/root/boot/System.map-$release" "$out/System.map"
cp "$tmp/root/boot/config-$release" "$out/config"
printf '%s\n' "$version" >"$out/VERSION"
# vmlinux and vmlinuz last, through renames: their presence means "complete".
cp "$elf" "$out/vmlinux.tmp" && mv "$out/vmlinux.tmp" "$out/vmlinux"
cp "$bz" "$out/vmlinuz.tmp" && mv "$out/vmlinuz.tmp" "$out/vmlinuz"
echo "fetch-debian-kernel: $pkg $version ($release) -> $out (xz payload at offset $found)"
# Debian ships a one-line stub; the real map is in the (huge) -dbg package.
if [ "$(wc -l <"$out/System.map")" -lt 2 ]; then
	echo "fetch-debian-kernel: note: $out/System.map is Debian's stub (symbols are in ${pkg}-dbg)"
fi
